import * as vscode from 'vscode';

/**
 * The extension's log (Output › SCCM Workbench). Values registered with `mask` (user names,
 * tokens) are replaced before anything is written, so credentials never reach the log.
 */
export class Logger implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly masked = new Set<string>();

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  mask(value: string | undefined): void {
    if (value && value.length >= 3) this.masked.add(value);
  }

  /** The text with every masked value replaced: for the log, and for error messages shown to the user. */
  scrub(text: string): string {
    let out = text;
    for (const m of this.masked) out = out.split(m).join('***');
    return out;
  }

  /** Detail shown only at the Debug log level (per-request lines of the site backends). */
  debug(message: string): void {
    this.channel.debug(this.scrub(message));
  }

  info(message: string): void {
    this.channel.info(this.scrub(message));
  }

  warn(message: string): void {
    this.channel.warn(this.scrub(message));
  }

  error(message: string, err?: unknown): void {
    const detail = describeError(err);
    this.channel.error(this.scrub(detail ? `${message}: ${detail}` : message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** The message and the stack once: V8's stack already starts with "Name: message". */
function describeError(err: unknown): string {
  if (err instanceof Error) {
    if (!err.stack) return err.message;
    return err.stack.includes(err.message) ? err.stack : `${err.message}\n${err.stack}`;
  }
  return err ? String(err) : '';
}

import type { ChildProcess } from 'node:child_process';
import { PowerShell } from 'node-powershell';
import { CancellationError, type CancellationTokenLike } from '../../util/cancellation';
import { SiteError } from '../errors';
import { findExecutable, killProcessTree } from './processTree';
import { clip } from './output';
import { buildInvocationLine } from './scripts';

/** One script run: a constant template and the values it reads from its payload. */
export interface PowerShellScriptRun {
  /** Which template (for logs and tests). */
  operation: string;
  script: string;
  payload: Record<string, unknown>;
}

/** Runs a template and returns what it wrote to stdout. Injected in tests to capture scripts. */
export interface PowerShellRunner {
  run(run: PowerShellScriptRun, options?: { token?: CancellationTokenLike }): Promise<string>;
  dispose(): void;
}

export interface NodePowerShellRunnerOptions {
  /** `pwsh`, `powershell.exe` or a full path; default pwsh, or Windows PowerShell when pwsh is missing on Windows. */
  executablePath?: string;
  /** Per script, default 120 s (CIM over a slow WAN is slow). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** The default executable for this machine, or undefined when no PowerShell is installed. */
export function findPowerShell(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  return findExecutable('pwsh', env, platform) ?? (platform === 'win32' ? findExecutable('powershell', env, platform) : undefined);
}

/**
 * Runs scripts in one long-lived `pwsh -NoProfile -NonInteractive` (node-powershell), one at a
 * time. Cancelling or timing out kills the host's process tree; the next run starts a new host.
 *
 * Runs wait in a queue of our own rather than node-powershell's: its queue would start a run's
 * timeout while the run still waits, would make cancelling a waiting run kill the host under
 * another caller's script, and forgets (never settles) whatever waits when the host is killed.
 */
export class NodePowerShellRunner implements PowerShellRunner {
  private shell: PowerShell | undefined;
  private readonly timeoutMs: number;
  /** Settles when every run queued so far has finished (never rejects). */
  private tail: Promise<void> = Promise.resolve();
  /** Stops the run in progress (kills the host's process tree), while there is one. */
  private stopRunning: (() => void) | undefined;
  private disposed = false;

  constructor(private readonly options: NodePowerShellRunnerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  async run(scriptRun: PowerShellScriptRun, options?: { token?: CancellationTokenLike }): Promise<string> {
    const token = options?.token;
    if (token?.isCancellationRequested) throw new CancellationError();
    const previous = this.tail;
    let finished!: () => void;
    const ours = new Promise<void>((resolve) => (finished = resolve));
    // The next run waits for the previous one too, even when this one leaves the queue early.
    this.tail = previous.then(() => ours);
    try {
      await untilTurn(previous, token);
      if (this.disposed) throw new CancellationError();
      return await this.runNow(scriptRun, token);
    } finally {
      finished();
    }
  }

  private runNow(scriptRun: PowerShellScriptRun, token: CancellationTokenLike | undefined): Promise<string> {
    const shell = this.ensureShell();
    const line = buildInvocationLine(scriptRun.script, scriptRun.payload);
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        subscription?.dispose();
        this.stopRunning = undefined;
        action();
      };
      const stop = (error: Error): void =>
        finish(() => {
          this.killShell(shell);
          reject(error);
        });
      this.stopRunning = () => stop(new CancellationError());
      const subscription = token?.onCancellationRequested(() => stop(new CancellationError()));
      const timer = setTimeout(
        () => stop(new SiteError('powershell', `PowerShell did not finish "${scriptRun.operation}" within ${Math.round(this.timeoutMs / 1000)} s; it was stopped.`)),
        this.timeoutMs,
      );
      shell.invoke(line).then(
        (result) =>
          finish(() => {
            const stdout = result.stdout?.toString('utf8') ?? '';
            const stderr = result.stderr?.toString('utf8') ?? '';
            if (!stdout.trim() && stderr.trim()) reject(new SiteError('powershell', `PowerShell failed: ${clip(stderr)}`));
            else resolve(stdout);
          }),
        (err: unknown) =>
          finish(() => {
            if (this.shell === shell) this.shell = undefined;
            reject(new SiteError('powershell', `PowerShell stopped unexpectedly: ${clip(err instanceof Error ? err.message : String(err))}`, { cause: err }));
          }),
      );
    });
  }

  /**
   * Stops the host: a script in progress is killed with its process tree (as on cancel), an idle
   * host exits normally; the running and the waiting runs end with CancellationError.
   */
  dispose(): void {
    this.disposed = true;
    if (this.stopRunning) {
      this.stopRunning();
      return;
    }
    const shell = this.shell;
    this.shell = undefined;
    if (shell) void shell.dispose().catch(() => undefined);
  }

  private ensureShell(): PowerShell {
    if (this.shell) return this.shell;
    const platform = this.options.platform ?? process.platform;
    const env = this.options.env ?? process.env;
    const wanted = this.options.executablePath?.trim();
    const executable = wanted ? findExecutable(wanted, env, platform) : findPowerShell(env, platform);
    if (!executable) {
      throw new SiteError(
        'powershell',
        wanted
          ? `PowerShell was not found at "${wanted}". Check the PowerShell path in the settings.`
          : 'PowerShell was not found (looked for pwsh' + (platform === 'win32' ? ' and powershell.exe' : '') + ' on PATH). Install PowerShell 7 or set the PowerShell path in the settings.',
      );
    }
    this.shell = new PowerShell({
      executable,
      executableOptions: { '-NoProfile': true, '-NonInteractive': true },
      throwOnInvocationError: false,
      spawnOptions: { env, windowsHide: true },
    });
    return this.shell;
  }

  private killShell(shell: PowerShell): void {
    if (this.shell === shell) this.shell = undefined;
    // node-powershell keeps its child process private; its id is what taskkill / the tree walk needs.
    const child = (shell as unknown as { process?: ChildProcess }).process;
    // The tree is listed before the host dies, or its children would be orphaned out of reach.
    const killed = child?.pid !== undefined ? killProcessTree(child.pid) : Promise.resolve();
    void killed.finally(() => shell.dispose('SIGKILL').catch(() => undefined));
  }
}

/** Resolves when `previous` has settled; rejects at once when the token is cancelled first. */
function untilTurn(previous: Promise<void>, token: CancellationTokenLike | undefined): Promise<void> {
  if (!token) return previous;
  if (token.isCancellationRequested) return Promise.reject(new CancellationError());
  return new Promise<void>((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => reject(new CancellationError()));
    void previous.then(() => {
      subscription.dispose();
      resolve();
    });
  });
}

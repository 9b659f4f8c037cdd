import { LogDecoder } from './decode';
import { detectFormat } from './detect';
import { CmtraceScanner } from './formats/cmtrace';
import { IisScanner } from './formats/iis';
import { LegacyScanner } from './formats/legacy';
import { PlainScanner } from './formats/lineScanners';
import { createPantherScanner } from './formats/panther';
import { skipWhitespace, type FormatScanner } from './formats/scanner';
import { SetupApiScanner } from './formats/setupapi';
import { createWindowsUpdate10Scanner, createWindowsUpdateLegacyScanner } from './formats/windowsUpdate';
import { RecordStore } from './recordStore';
import type { LogEncoding, LogFormat } from './types';

export interface LogParserOptions {
  /** Path or URI of the log, for `RecordSource.path` / `fileName`. */
  path?: string;
  /**
   * Parse as this format instead of detecting it from the content. (A line that starts a
   * CMTrace record still switches a line-based format to CMTrace, as in a detected log.)
   */
  format?: LogFormat;
  /**
   * Most text (characters) held back waiting for the end of a record or line (default
   * 64 Mi). Beyond it, what is held is parsed as it stands: a record that long is broken
   * anyway, and holding more would copy it on every push and, at 512 Mi, exceed what one
   * JS string can hold.
   */
  maxHeldChars?: number;
}

const MAX_HELD_CHARS = 64 * 1024 * 1024;

/** Records [from, to) of the store, e.g. those a push added. */
export interface RecordRange {
  from: number;
  to: number;
}

function createScanner(format: LogFormat, store: RecordStore): FormatScanner {
  switch (format) {
    case 'cmtrace':
      return new CmtraceScanner(store);
    case 'legacy':
      return new LegacyScanner(store);
    case 'panther':
      return createPantherScanner(store);
    case 'windowsupdate':
      return createWindowsUpdateLegacyScanner(store);
    case 'windowsupdate10':
      return createWindowsUpdate10Scanner(store);
    case 'setupapi':
      return new SetupApiScanner(store);
    case 'iis':
      return new IisScanner(store);
    case 'plain':
      return new PlainScanner(store);
  }
}

/**
 * Incremental log parser: `push` the bytes of a log as they come (a whole file, 16 MiB
 * reads of a huge one, or what a live tail appended); each push parses only the new bytes
 * and returns the records it added. An incomplete trailing record or line, and a character
 * split between chunks, wait for the next push or `end()`. The result does not depend on
 * how the bytes were split.
 */
export class LogParser {
  readonly store: RecordStore;
  private readonly decoder = new LogDecoder();
  private scanner: FormatScanner | undefined;
  private formatDecided = false;
  private held = '';
  /** Last character parsed (a line feed before the first): tells whether a BOM starts a line. */
  private lastChar = 10;
  private finished = false;

  constructor(private readonly options: LogParserOptions = {}) {
    this.store = new RecordStore(options.path ?? '');
  }

  /** The format, once the first text has decided it (the first one, when the log changes format). */
  get format(): LogFormat | undefined {
    return this.formatDecided ? this.store.format : undefined;
  }

  get encoding(): LogEncoding | undefined {
    return this.decoder.encoding;
  }

  get ended(): boolean {
    return this.finished;
  }

  push(chunk: Uint8Array): RecordRange {
    if (this.finished) throw new Error('LogParser.push after end()');
    return this.parse(chunk, false);
  }

  /** Parses whatever is still held: the log is complete. */
  end(): RecordRange {
    if (this.finished) return { from: this.store.recordCount, to: this.store.recordCount };
    const range = this.parse(new Uint8Array(0), true);
    this.finished = true;
    // Only blanks: nothing decided a format, so the log is plain text.
    this.formatDecided = true;
    return range;
  }

  private parse(chunk: Uint8Array, final: boolean): RecordRange {
    const store = this.store;
    const from = store.recordCount;
    // The text held from the last push, followed by the new text.
    let text = this.decoder.decode(chunk, final, this.held);
    this.held = '';
    store.encoding = this.decoder.encoding ?? 'utf-8';
    // A BOM at the start of a line: another log was appended to this one (`type a.log b.log`).
    // The text before it is complete; the text after it is a log of its own, detected again.
    for (let bom = fileBoundary(text, this.lastChar); bom >= 0; bom = fileBoundary(text, this.lastChar)) {
      if (bom > 0) this.scanPart(text.slice(0, bom), true);
      this.scanner = undefined;
      this.keep(text.slice(bom, bom + 1));
      text = text.slice(bom + 1);
    }
    let consumed = this.scanPart(text, final);
    if (!final && text.length - consumed > (this.options.maxHeldChars ?? MAX_HELD_CHARS)) {
      // Parse the held text up to its last line break as if the log ended there.
      let lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
      // A CR that ends the text may be the first half of a CRLF: cut before its line instead.
      if (lastBreak === text.length && text.charCodeAt(lastBreak - 1) === 13) lastBreak = Math.max(text.lastIndexOf('\n', lastBreak - 2), text.lastIndexOf('\r', lastBreak - 2)) + 1;
      const cut = lastBreak > consumed ? lastBreak : text.length;
      this.scanPart(text.slice(consumed, cut), true);
      consumed = cut;
    }
    if (consumed < text.length) this.held = text.slice(consumed);
    return { from, to: store.recordCount };
  }

  /**
   * Parses `text`, which continues what was parsed, with the current scanner (detecting the
   * format first when there is none) and follows a scanner's hand-off to another format.
   * Returns the characters consumed; the rest waits for more text.
   */
  private scanPart(text: string, final: boolean): number {
    const store = this.store;
    let offset = 0;
    let rest = text;
    for (;;) {
      if (!this.scanner) {
        // Blanks alone (the end of a log before a BOM, a blank file) decide no format.
        if (final && skipWhitespace(rest, 0, rest.length) === rest.length) {
          this.keep(rest);
          return text.length;
        }
        const format = this.options.format ?? detectFormat(rest, final);
        if (format === undefined) return offset;
        if (!this.formatDecided) {
          store.format = format;
          this.formatDecided = true;
        }
        this.scanner = createScanner(format, store);
      }
      const scanner = this.scanner;
      store.beginText(rest);
      const consumed = scanner.scan(rest, final);
      store.endText(consumed);
      if (consumed > 0) this.lastChar = rest.charCodeAt(consumed - 1);
      offset += consumed;
      if (scanner.handOff === undefined) return offset;
      this.scanner = createScanner(scanner.handOff, store);
      rest = rest.slice(consumed);
    }
  }

  /** Keeps `text` as parsed text outside any record. */
  private keep(text: string): void {
    if (text.length === 0) return;
    this.store.beginText(text);
    this.store.endText(text.length);
    this.lastChar = text.charCodeAt(text.length - 1);
  }
}

/** Position of the first BOM in `text` that starts a line (`before` is the character before the text), or -1. */
function fileBoundary(text: string, before: number): number {
  for (let at = text.indexOf('\ufeff'); at >= 0; at = text.indexOf('\ufeff', at + 1)) {
    const previous = at === 0 ? before : text.charCodeAt(at - 1);
    if (previous === 10 || previous === 13) return at;
  }
  return -1;
}

/** Bytes per push when parsing a buffer: its text must fit in JS strings (512 Mi characters each). */
const PARSE_SLICE = 256 * 1024 * 1024;

/** Parses a whole log held in memory. */
export function parseLog(bytes: Uint8Array, options: LogParserOptions = {}): RecordStore {
  const parser = new LogParser(options);
  for (let at = 0; at < bytes.length; at += PARSE_SLICE) parser.push(bytes.subarray(at, at + PARSE_SLICE));
  parser.end();
  return parser.store;
}

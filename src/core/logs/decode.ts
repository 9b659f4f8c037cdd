import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { LogEncoding } from './types';

type DecoderMode = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-8-or-1252';

const EMPTY = new Uint8Array(0);
/** A run of non-ASCII bytes longer than this is cut at a character boundary instead of held whole. */
const MAX_HELD_RUN = 1 << 20;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });
/**
 * Windows-1252 differs from latin1 only in 0x80-0x9F. Node 20's TextDecoder('windows-1252')
 * decodes those bytes as C1 control characters (0x80 gives U+0080, not €), so map them here.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  return latin1(bytes).replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** ASCII-only bytes: latin1 is about 4x faster than the UTF-8 decoder and gives the same text. */
function latin1(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('latin1');
}

/** `prefix` + latin1 text of `bytes` as one flat string, when the prefix is latin1 too. */
function latin1After(prefix: string, bytes: Uint8Array): string {
  if (prefix.length === 0) return latin1(bytes);
  if (prefix.length > bytes.length || !isLatin1(prefix)) return prefix + latin1(bytes);
  return latin1(Buffer.concat([Buffer.from(prefix, 'latin1'), bytes]));
}

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Length of the bytes at the end that start a UTF-8 sequence the chunk does not complete. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  const len = bytes.length;
  for (let i = len - 1; i >= 0 && i >= len - 4; i--) {
    const b = bytes[i];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return len - i < need ? len - i : 0;
  }
  return 0;
}

/** Length of the trailing run of bytes >= 0x80 (they may continue in the next chunk). */
function trailingNonAsciiRun(bytes: Uint8Array): number {
  let i = bytes.length;
  while (i > 0 && bytes[i - 1] >= 0x80) i--;
  return bytes.length - i;
}

/**
 * Bytes that are not valid UTF-8 as a whole: decode each maximal run of non-ASCII bytes
 * as UTF-8 when that run is valid, else as Windows-1252. Deciding per run (not per file)
 * gives the same text however the bytes were split into chunks.
 */
function decodeMixed(bytes: Uint8Array, onWindows1252: () => void): string {
  const parts: string[] = [];
  let asciiStart = 0;
  let i = 0;
  const len = bytes.length;
  while (i < len) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    if (i > asciiStart) parts.push(latin1(bytes.subarray(asciiStart, i)));
    const runStart = i;
    while (i < len && bytes[i] >= 0x80) i++;
    const run = bytes.subarray(runStart, i);
    let text: string | undefined;
    if (run.length > 1) {
      try {
        text = fatalUtf8.decode(run);
      } catch {
        text = undefined;
      }
    }
    if (text === undefined) {
      onWindows1252();
      text = windows1252(run);
    }
    parts.push(text);
    asciiStart = i;
  }
  if (len > asciiStart) parts.push(latin1(bytes.subarray(asciiStart, len)));
  return parts.join('');
}

/**
 * Turns the bytes of a log into text, chunk by chunk. The encoding comes from the BOM
 * (`EF BB BF`, `FF FE`, `FE FF`); without one the bytes are UTF-8, or Windows-1252 where
 * they are not valid UTF-8. Bytes that may belong to a character continued in the next
 * chunk are held back, so a character split across chunks decodes correctly.
 */
export class LogDecoder {
  private mode: DecoderMode | undefined;
  private held: Uint8Array = EMPTY;
  private sawWindows1252 = false;
  private utf16: TextDecoder | undefined;

  /** The encoding as reported in scan results; undefined until the first bytes are seen. */
  get encoding(): LogEncoding | undefined {
    switch (this.mode) {
      case undefined:
        return undefined;
      case 'utf-8-or-1252':
        return this.sawWindows1252 ? 'windows-1252' : 'utf-8';
      default:
        return this.mode;
    }
  }

  /**
   * Decodes `chunk` (after any held bytes) and returns `prefix` followed by its text. With
   * `final`, nothing is held back. Passing the caller's leftover text as `prefix` lets an
   * ASCII chunk become one string without a second copy of the chunk (a concatenated
   * string is flattened, copied, on its first search).
   */
  decode(chunk: Uint8Array, final = false, prefix = ''): string {
    let bytes = concatBytes(this.held, chunk);
    this.held = EMPTY;
    if (this.mode === undefined) {
      if (!final && bytes.length < 3 && couldStartBom(bytes)) {
        this.held = bytes.slice();
        return prefix;
      }
      const bomLength = this.chooseMode(bytes);
      bytes = bytes.subarray(bomLength);
    }
    switch (this.mode) {
      case 'utf-16le':
      case 'utf-16be':
        this.utf16 ??= new TextDecoder(this.mode, { ignoreBOM: true });
        return prefix + this.utf16.decode(bytes, { stream: !final });
      case 'utf-8-bom':
        return this.decodeUtf8WithBom(bytes, final, prefix);
      default:
        return this.decodeUtf8Or1252(bytes, final, prefix);
    }
  }

  private chooseMode(bytes: Uint8Array): number {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.mode = 'utf-8-bom';
      return 3;
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      this.mode = 'utf-16le';
      return 2;
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      this.mode = 'utf-16be';
      return 2;
    }
    this.mode = 'utf-8-or-1252';
    return 0;
  }

  private hold(bytes: Uint8Array, count: number): Uint8Array {
    if (count === 0) return bytes;
    // Copy: the caller may reuse its read buffer for the next chunk.
    this.held = bytes.slice(bytes.length - count);
    return bytes.subarray(0, bytes.length - count);
  }

  private decodeUtf8WithBom(bytes: Uint8Array, final: boolean, prefix: string): string {
    const body = final ? bytes : this.hold(bytes, incompleteUtf8Tail(bytes));
    // The BOM promises UTF-8: invalid bytes become U+FFFD rather than switching encodings.
    return isAscii(body) ? latin1After(prefix, body) : prefix + lenientUtf8.decode(body);
  }

  private decodeUtf8Or1252(bytes: Uint8Array, final: boolean, prefix: string): string {
    let body = bytes;
    if (!final) {
      let run = trailingNonAsciiRun(bytes);
      if (run > MAX_HELD_RUN) run = incompleteUtf8Tail(bytes);
      body = this.hold(bytes, run);
    }
    if (isAscii(body)) return latin1After(prefix, body);
    try {
      return prefix + fatalUtf8.decode(body);
    } catch {
      return prefix + decodeMixed(body, () => (this.sawWindows1252 = true));
    }
  }
}

function couldStartBom(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  const [a, b] = bytes;
  if (a === 0xef) return bytes.length === 1 || b === 0xbb;
  return bytes.length === 1 && (a === 0xff || a === 0xfe);
}

/** Decodes a whole file at once. */
export function decodeLog(bytes: Uint8Array): { text: string; encoding: LogEncoding } {
  const decoder = new LogDecoder();
  const text = decoder.decode(bytes, true);
  return { text, encoding: decoder.encoding ?? 'utf-8' };
}

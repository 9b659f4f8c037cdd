import { LogDecoder } from '../decode';
import { DETECT_SAMPLE_CHARS, detectFormat, looksBinary } from '../detect';
import type { LogFormat } from '../types';

/** Bytes to read from the start of a file to recognise its format. */
export const SNIFF_BYTES = DETECT_SAMPLE_CHARS;

/**
 * The SCCM log format of a text (the start of a document), or null for text that is not an
 * SCCM log (an ordinary `.log` stays untouched). Decided by content only, never by name.
 */
export function sniffText(text: string): LogFormat | null {
  if (text.trim().length === 0) return null;
  const format = detectFormat(text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text, true);
  return format === undefined || format === 'plain' ? null : format;
}

/** The same for the first bytes of a file (any encoding the parser reads); null for binary files. */
export function sniffBytes(head: Uint8Array): LogFormat | null {
  if (head.length === 0 || looksBinary(head.subarray(0, 8192))) return null;
  return sniffText(new LogDecoder().decode(head, true));
}

/** Formats shown with the `sccm-log` language (CMTrace colouring); others keep theirs. */
export function usesSccmLogLanguage(format: LogFormat): boolean {
  return format === 'cmtrace' || format === 'legacy';
}

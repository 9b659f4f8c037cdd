import type { LogFormat } from '../types';

/**
 * Column (0-based, UTF-16) where the message text of a physical log line ends: before the
 * CMTrace `]LOG]!>` trailer or the legacy `$$<` trailer, else at the end of the line. The
 * editor writes its hint there, where it stays in view: CMTrace trailers run far to the right.
 */
export function messageEndColumn(line: string, format: LogFormat): number {
  if (format === 'cmtrace') {
    const trailer = line.indexOf(']LOG]!>');
    if (trailer >= 0) return trailer;
  } else if (format === 'legacy') {
    const trailer = line.lastIndexOf('$$<');
    if (trailer >= 0) return line.slice(0, trailer).trimEnd().length;
  }
  return line.length;
}

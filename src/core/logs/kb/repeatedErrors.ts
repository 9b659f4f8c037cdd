import type { Finding, LogEntry } from '../types';
import { firstLine } from './findingBuilder';

/** Repeats listed under the first finding; beyond that only the count grows. */
export const MAX_LISTED_REPEATS = 20;

/**
 * The wording of an error record with its ids taken out (GUIDs, hex and decimal numbers,
 * package ids), so "Failed to download content P0100021.1. Error 0x80070002" and the same
 * line for P0100033.1 read as one failure.
 */
export function errorTemplate(component: string, code: string | null, message: string): string {
  const wording = firstLine(message, 200)
    .replace(/\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?/gi, '#')
    .replace(/0x[0-9a-f]+/gi, '#')
    .replace(/[A-Za-z]*\d[\w.]*/g, '#');
  return `${component.toLowerCase()}|${code ?? ''}|${wording.toLowerCase()}`;
}

/**
 * Collapses the error records no rule explains when they say the same thing again: a
 * WindowsUpdate.log or CBS.log can print one benign failure hundreds of times, and a Problems
 * panel with 340 rows hides the one that matters. Known failures (rules) are never collapsed.
 */
export class RepeatedErrors {
  private readonly firsts = new Map<string, Finding>();

  constructor(private readonly path: string) {}

  /** The finding to report, or undefined when it repeats one already reported (which then lists it). */
  add(finding: Finding, entry: LogEntry): Finding | undefined {
    const key = errorTemplate(entry.component, finding.code, entry.message);
    const first = this.firsts.get(key);
    if (!first) {
      this.firsts.set(key, finding);
      return finding;
    }
    first.repeats = (first.repeats ?? 1) + 1;
    const related = (first.related ??= []);
    if (related.length < MAX_LISTED_REPEATS) related.push({ path: this.path, line: entry.line, endLine: entry.endLine, message: firstLine(entry.message, 160) });
    return undefined;
  }
}

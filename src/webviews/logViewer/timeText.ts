/**
 * Times as the viewer shows and reads them. Pure (no Node or VS Code): the webview uses it
 * for the histogram axis and the time filter fields, the extension for rows and details.
 * Display times are "wall-clock ms read as UTC": formatting uses the UTC fields.
 */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD HH:MM:SS.mmm` of a display time. */
export function formatDisplayTime(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** A log's `YYYY-MM-DDTHH:MM:SS.mmm` as shown in the grid. */
export function displayLocalTime(localTime: string | null): string {
  return localTime ? localTime.replace('T', ' ') : '';
}

/** "UTC−04:00" for a Windows bias of +240 (UTC = local + bias). */
export function zoneLabel(biasMinutes: number): string {
  const offset = -biasMinutes;
  const sign = offset < 0 ? '\u2212' : '+';
  const abs = Math.abs(offset);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A short duration: "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
}

/** A bin width: "5 s", "10 min", "1 h", "250 ms". */
export function formatSpan(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  if (ms < 86_400_000) return `${ms / 3_600_000} h`;
  return `${ms / 86_400_000} d`;
}

const FULL = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*$/;
const CLOCK = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*$/;

/**
 * Reads what a person types in a time field: `2024-03-14 10:05[:07[.250]]`, or a clock time
 * `10:05[:07[.250]]` on the date of `referenceMs`. Returns a display time, or null if the
 * text is not a time (empty text is "no bound": undefined).
 */
export function parseDisplayTime(text: string, referenceMs: number): number | null | undefined {
  if (text.trim() === '') return undefined;
  const full = FULL.exec(text);
  if (full) {
    const [, y, mo, d, h, mi, s, ms] = full;
    return checked(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), fraction(ms)), Number(h), Number(mi), Number(s ?? 0), Number(mo), Number(d));
  }
  const clock = CLOCK.exec(text);
  if (clock && Number.isFinite(referenceMs)) {
    const [, h, mi, s, ms] = clock;
    const day = Math.floor(referenceMs / 86_400_000) * 86_400_000;
    const value = day + ((Number(h) * 60 + Number(mi)) * 60 + Number(s ?? 0)) * 1000 + fraction(ms);
    return Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59 ? null : value;
  }
  return null;
}

function fraction(ms: string | undefined): number {
  return ms ? Number(ms.padEnd(3, '0')) : 0;
}

function checked(value: number, h: number, mi: number, s: number, mo: number, d: number): number | null {
  if (h > 23 || mi > 59 || s > 59 || mo < 1 || mo > 12 || d < 1) return null;
  const back = new Date(value);
  return back.getUTCDate() === d ? value : null;
}

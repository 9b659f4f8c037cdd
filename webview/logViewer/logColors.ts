/** Merged logs get one of these chip colours each (theme chart colours, see styles.css). */
const LOG_COLOR_COUNT = 6;

export function logColorClass(log: number): string {
  return `log-color-${log % LOG_COLOR_COUNT}`;
}

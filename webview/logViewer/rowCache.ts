import type { RowDto } from '../../src/webviews/logViewer/protocol';

export const PAGE_SIZE = 200;
/** Pages kept (40 × 200 rows): the grid itself shows a few dozen rows at a time. */
const MAX_PAGES = 40;

/**
 * The rows the webview has, by page. Rows come from the extension by index; a page is
 * asked for once, and thrown away when the extension says rows from some index on changed
 * (new filter, merged records) or when too many pages are held.
 */
export class RowCache {
  private readonly pages = new Map<number, RowDto[]>();
  private readonly pending = new Map<number, number>();
  private version = -1;
  private nextRequest = 1;

  constructor(private readonly request: (requestId: number, version: number, start: number, count: number) => void) {}

  get currentVersion(): number {
    return this.version;
  }

  /** A new summary: rows at or after `changedFrom` may differ. */
  update(version: number, changedFrom: number, total: number): void {
    if (version === this.version) return;
    this.version = version;
    for (const page of [...this.pages.keys()]) {
      if ((page + 1) * PAGE_SIZE > changedFrom || page * PAGE_SIZE >= total) this.pages.delete(page);
    }
    this.pending.clear();
  }

  get(row: number): RowDto | undefined {
    return this.pages.get(Math.floor(row / PAGE_SIZE))?.[row % PAGE_SIZE];
  }

  /** Asks for the pages covering [start, end) that are neither held nor on their way. */
  ensure(start: number, end: number, total: number): void {
    if (this.version < 0) return;
    const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
    const last = Math.floor(Math.max(0, Math.min(end, total) - 1) / PAGE_SIZE);
    for (let page = first; page <= last; page++) {
      if (this.pages.has(page) || this.pending.has(page)) continue;
      const id = this.nextRequest++;
      this.pending.set(page, id);
      this.request(id, this.version, page * PAGE_SIZE, PAGE_SIZE);
    }
  }

  /** Stores a reply; false when it is stale (another version, or not asked for). */
  accept(requestId: number, version: number, start: number, rows: RowDto[]): boolean {
    const page = Math.floor(start / PAGE_SIZE);
    if (version !== this.version || this.pending.get(page) !== requestId) {
      if (this.pending.get(page) === requestId) this.pending.delete(page);
      return false;
    }
    this.pending.delete(page);
    this.pages.set(page, rows);
    if (this.pages.size > MAX_PAGES) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
    return true;
  }
}

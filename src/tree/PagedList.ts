import type { Page } from '../core/site/model';
import type { CancellationTokenLike } from '../core/util/cancellation';

export type FetchPage<T> = (skip: number, top: number, token?: CancellationTokenLike) => Promise<Page<T>>;

/**
 * The loaded part of a long listing (collections of a folder, members of a collection). Pages
 * are fetched one at a time: a second request while one runs joins it instead of asking the
 * site for another page.
 */
export class PagedList<T> {
  private loadedItems: T[] = [];
  private more = false;
  private started = false;
  private inflight: Promise<void> | undefined;
  private generation = 0;

  constructor(private readonly fetchPage: FetchPage<T>) {}

  get items(): readonly T[] {
    return this.loadedItems;
  }

  /** True when the site may hold rows after the loaded ones. */
  get hasMore(): boolean {
    return this.more;
  }

  /** Loads the first page unless it is already there. */
  async ensureFirstPage(top: number, token?: CancellationTokenLike): Promise<void> {
    if (this.started && !this.inflight) return;
    await this.loadNextPage(top, token);
  }

  /** Loads the page after the loaded items; joins a load already running. */
  loadNextPage(top: number, token?: CancellationTokenLike): Promise<void> {
    if (this.inflight) return this.inflight;
    if (this.started && !this.more) return Promise.resolve();
    const generation = this.generation;
    const skip = this.loadedItems.length;
    this.started = true;
    const run = (async () => {
      try {
        const page = await this.fetchPage(skip, top, token);
        // A reset while the page was on its way makes it stale.
        if (generation !== this.generation) return;
        this.loadedItems = this.loadedItems.concat(page.items);
        this.more = page.hasMore;
      } catch (err) {
        // Let the next call try again: a failed first page leaves the list unstarted.
        if (generation === this.generation && this.loadedItems.length === 0) this.started = false;
        throw err;
      } finally {
        if (generation === this.generation) this.inflight = undefined;
      }
    })();
    this.inflight = run;
    return run;
  }

  /** Forgets every loaded page (refresh). */
  reset(): void {
    this.generation++;
    this.loadedItems = [];
    this.more = false;
    this.started = false;
    this.inflight = undefined;
  }
}

import type { LabStore } from '../state/store';

/**
 * The collection evaluator's timing: RequestRefresh, rule changes on incremental collections
 * and new collections are evaluated after `delayMs`; a membership change cascades to the
 * collections that limit to / include / exclude the changed one, in small batches so a big
 * cascade never blocks the server.
 */
export class EvaluationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new Set<string>();
  private draining = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly store: LabStore,
    private readonly delayMs: number,
    private readonly now: () => number,
  ) {}

  requestRefresh(collectionId: string): void {
    const collection = this.store.collections.get(collectionId);
    if (!collection) return;
    collection.currentStatus = 5;
    this.schedule(collectionId);
  }

  rulesChanged(collectionId: string): void {
    const collection = this.store.collections.get(collectionId);
    if (collection && collection.refreshType & 4) this.schedule(collectionId);
  }

  collectionCreated(collectionId: string): void {
    this.schedule(collectionId);
  }

  /** New or changed devices reach incremental collections (All Systems is one) after the delay. */
  resourcesChanged(): void {
    this.schedule('*incremental*', () => {
      for (const c of this.store.collections.values()) if (c.refreshType & 4) this.queue.add(c.collectionId);
    });
  }

  /** Resolves when nothing is scheduled or queued. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.queue.clear();
    this.notifyIdle();
  }

  private schedule(key: string, enqueue: () => void = () => this.queue.add(key)): void {
    if (this.stopped || this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      enqueue();
      this.drain();
    }, this.delayMs);
    this.timers.set(key, timer);
  }

  private drain(): void {
    if (this.draining || this.stopped) return;
    this.draining = true;
    const step = (): void => {
      if (this.stopped) return;
      let budget = 200;
      while (this.queue.size && budget-- > 0) {
        const id = this.queue.values().next().value as string;
        this.queue.delete(id);
        if (this.store.evaluateAndRecord(id, this.now())) for (const dependent of this.store.dependentsOf(id)) this.queue.add(dependent);
      }
      if (this.queue.size) setImmediate(step);
      else {
        this.draining = false;
        this.notifyIdle();
      }
    };
    step();
  }

  private isIdle(): boolean {
    return this.timers.size === 0 && this.queue.size === 0 && !this.draining;
  }

  private notifyIdle(): void {
    if (!this.isIdle() && !this.stopped) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

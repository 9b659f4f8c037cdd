import type { LogIndex } from './logIndex';

/**
 * The order in which the viewer shows records: position → (log, record). One log is shown
 * in file order (CMTrace does the same: a multi-threaded log is not strictly sorted by time).
 * Several logs are interleaved by time key, each log keeping its own file order, ties going
 * to the log listed first, so the result does not depend on anything but the inputs.
 */
export interface TimelineOrder {
  readonly length: number;
  logAt(position: number): number;
  recordAt(position: number): number;
  /** Position of a record, or -1. */
  positionOf(log: number, record: number): number;
}

/** One log: position = record index. */
export class SingleLogOrder implements TimelineOrder {
  constructor(private readonly index: LogIndex) {}

  get length(): number {
    return this.index.recordCount;
  }

  logAt(): number {
    return 0;
  }

  recordAt(position: number): number {
    return position;
  }

  positionOf(log: number, record: number): number {
    return log === 0 && record >= 0 && record < this.length ? record : -1;
  }
}

/** Up to 255 logs merged into one timeline. */
export class MergedOrder implements TimelineOrder {
  private logs = new Uint8Array(0);
  private records = new Uint32Array(0);
  private count = 0;
  /** Per log: records already placed (the next record of that log to merge). */
  private placed: number[];
  private inverse: Uint32Array[] | undefined;

  constructor(private readonly indexes: readonly LogIndex[]) {
    if (indexes.length > 255) throw new RangeError('at most 255 logs can be merged');
    this.placed = indexes.map(() => 0);
    this.mergeFrom(0);
  }

  get length(): number {
    return this.count;
  }

  logAt(position: number): number {
    return this.logs[position];
  }

  recordAt(position: number): number {
    return this.records[position];
  }

  keyAt(position: number): number {
    return this.indexes[this.logs[position]].keyAt(this.records[position]);
  }

  positionOf(log: number, record: number): number {
    if (!this.inverse) {
      this.inverse = this.indexes.map((ix) => new Uint32Array(ix.recordCount).fill(0xffffffff));
      for (let p = 0; p < this.count; p++) this.inverse[this.logs[p]][this.records[p]] = p;
    }
    const table = this.inverse[log];
    if (!table || record < 0 || record >= table.length) return -1;
    const p = table[record];
    return p === 0xffffffff ? -1 : p;
  }

  /**
   * Places records the logs gained since the last call. New records usually belong at the
   * end; the positions from the first one a new record must precede are merged again.
   * Returns that first changed position (positions before it are unchanged).
   */
  update(): number {
    let minNewKey = Number.POSITIVE_INFINITY;
    let gained = false;
    this.indexes.forEach((ix, log) => {
      for (let r = this.placed[log]; r < ix.recordCount; r++) {
        gained = true;
        const key = ix.keyAt(r);
        if (key < minNewKey) minNewKey = key;
      }
    });
    if (!gained) return this.count;
    // Walk back over the placed records that sort after the earliest new one.
    let from = this.count;
    while (from > 0 && this.keyAt(from - 1) > minNewKey) from--;
    for (let p = from; p < this.count; p++) this.placed[this.logs[p]] = Math.min(this.placed[this.logs[p]], this.records[p]);
    this.mergeFrom(from);
    return from;
  }

  /** k-way merge of every log's unplaced records into positions [from, ...). */
  private mergeFrom(from: number): void {
    const indexes = this.indexes;
    const total = from + indexes.reduce((sum, ix, log) => sum + ix.recordCount - this.placed[log], 0);
    if (total > this.logs.length) {
      const capacity = Math.max(total, Math.ceil(this.logs.length * 1.5), 256);
      const logs = new Uint8Array(capacity);
      logs.set(this.logs.subarray(0, from));
      const records = new Uint32Array(capacity);
      records.set(this.records.subarray(0, from));
      this.logs = logs;
      this.records = records;
    }
    const logs = this.logs;
    const records = this.records;
    const k = indexes.length;
    const next = this.placed.slice();
    const ends = indexes.map((ix) => ix.recordCount);
    let p = from;
    if (k === 2) {
      // The common case (two logs side by side) without the generic scan.
      const [a, b] = indexes;
      let i = next[0];
      let j = next[1];
      const ea = ends[0];
      const eb = ends[1];
      while (i < ea && j < eb) {
        const keyA = a.keyAt(i);
        const keyB = b.keyAt(j);
        // As in the general merge below: a NaN key (a log with no time at all) goes first.
        if (keyB < keyA || (keyB !== keyB && keyA === keyA)) {
          logs[p] = 1;
          records[p++] = j++;
        } else {
          logs[p] = 0;
          records[p++] = i++;
        }
      }
      while (i < ea) {
        logs[p] = 0;
        records[p++] = i++;
      }
      while (j < eb) {
        logs[p] = 1;
        records[p++] = j++;
      }
      next[0] = i;
      next[1] = j;
    } else {
      for (;;) {
        let best = -1;
        let bestKey = Number.POSITIVE_INFINITY;
        for (let log = 0; log < k; log++) {
          if (next[log] >= ends[log]) continue;
          const key = indexes[log].keyAt(next[log]);
          // NaN keys (a log with no time at all) sort first rather than stalling the merge.
          if (best < 0 || key < bestKey || (key !== key && bestKey === bestKey)) {
            best = log;
            bestKey = key;
          }
        }
        if (best < 0) break;
        logs[p] = best;
        records[p++] = next[best]++;
      }
    }
    this.count = p;
    this.placed = next;
    this.inverse = undefined;
  }
}

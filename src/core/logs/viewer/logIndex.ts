import type { ViewerStore } from './storeAccess';

/** Component ids fit a Uint16Array; a log with more distinct components lumps the rest together. */
const MAX_COMPONENTS = 0xffff;
export const OTHER_COMPONENTS = '(other components)';

/**
 * What the viewer adds to one parsed log: a time key per record (for merging, the
 * histogram and time filters) and, on demand, a component id per record (for the
 * component filter). Both grow with the store (live tail) and are typed arrays, so a
 * million records cost a few megabytes, not a million objects.
 *
 * The time key is UTC when the log states its zone, otherwise the local wall-clock time
 * read as UTC. Records without a time (torn fragments, continuation lines) take the key
 * of the record before them, so every record has a place on the timeline.
 */
export class LogIndex {
  private keys = new Float64Array(0);
  private indexed = 0;
  /** utc − local of the latest zoned record: lends its zone to records without one (.NET lines). */
  private offsetMs = Number.NaN;
  private offsetFrom = -1;
  private lastZoned = -1;
  private lastKey = Number.NaN;
  /** Records before the first timed record wait here for its key. */
  private untimedLead = 0;
  private zonedRecords = 0;
  private timedRecords = 0;

  private componentIds = new Uint16Array(0);
  private componentsIndexed = 0;
  private readonly componentNames: string[] = [];
  private readonly componentLookup = new Map<string, number>();

  constructor(readonly store: ViewerStore) {}

  get recordCount(): number {
    return this.indexed;
  }

  /** True when the log states its time zone (CMTrace bias, IIS UTC): keys are UTC. */
  get hasZone(): boolean {
    return this.zonedRecords > 0;
  }

  /** True once at least one record has a time. */
  get hasTimes(): boolean {
    return this.timedRecords > 0;
  }

  keyAt(index: number): number {
    return this.keys[index];
  }

  /** Indexes the records the store gained since the last call; returns the new range. */
  extend(): { from: number; to: number } {
    const store = this.store;
    const from = this.indexed;
    const to = store.recordCount;
    if (to <= from) return { from, to: from };
    if (to > this.keys.length) this.keys = grow(this.keys, to);
    const keys = this.keys;
    for (let i = from; i < to; i++) {
      const utc = store.utcMsAt(i);
      let key: number;
      if (utc === utc) {
        key = utc;
        this.zonedRecords++;
        this.timedRecords++;
        this.lastZoned = i;
      } else {
        const local = store.localMsAt(i);
        if (local === local) {
          this.timedRecords++;
          // The zone of the nearest zoned record before it; read only when a record needs it.
          if (this.lastZoned >= 0 && this.offsetFrom !== this.lastZoned) {
            this.offsetFrom = this.lastZoned;
            this.offsetMs = offsetOf(store, this.lastZoned, store.utcMsAt(this.lastZoned));
          }
          key = this.offsetMs === this.offsetMs ? local + this.offsetMs : local;
        } else {
          key = this.lastKey;
        }
      }
      if (key !== key) {
        this.untimedLead++;
      } else if (this.untimedLead > 0) {
        keys.fill(key, i - this.untimedLead, i);
        this.untimedLead = 0;
      }
      keys[i] = key;
      if (key === key) this.lastKey = key;
    }
    this.indexed = to;
    return { from, to };
  }

  // ---- components -----------------------------------------------------------------------

  /** Distinct components seen so far, in order of first appearance. */
  get components(): readonly string[] {
    return this.componentNames;
  }

  get componentsComplete(): boolean {
    return this.componentsIndexed >= this.indexed;
  }

  /** Component id of a record (valid once `indexComponents` has passed it). */
  componentIdAt(index: number): number {
    return this.componentIds[index];
  }

  /** Id of a component name, or -1 when no record has it. */
  componentId(name: string): number {
    return this.componentLookup.get(name) ?? -1;
  }

  /** Indexes the components of up to `budget` more records; returns true when all are done. */
  indexComponents(budget = Number.POSITIVE_INFINITY): boolean {
    const from = this.componentsIndexed;
    const to = Math.min(this.indexed, from + budget);
    if (to > this.componentIds.length) this.componentIds = growU16(this.componentIds, Math.max(to, this.indexed));
    const ids = this.componentIds;
    let lastName: string | undefined;
    let lastId = 0;
    for (let i = from; i < to; i++) {
      const name = this.store.componentAt(i);
      if (name !== lastName) {
        lastName = name;
        lastId = this.idFor(name);
      }
      ids[i] = lastId;
    }
    this.componentsIndexed = to;
    return to >= this.indexed;
  }

  private idFor(name: string): number {
    let id = this.componentLookup.get(name);
    if (id === undefined) {
      if (this.componentNames.length >= MAX_COMPONENTS) return this.idFor(OTHER_COMPONENTS);
      id = this.componentNames.length;
      this.componentNames.push(name);
      this.componentLookup.set(name, id);
    }
    return id;
  }
}

function offsetOf(store: ViewerStore, index: number, utc: number): number {
  const local = store.localMsAt(index);
  return local === local ? utc - local : Number.NaN;
}

function grow(array: Float64Array, min: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(min, array.length * 2, 256));
  next.set(array);
  return next;
}

function growU16(array: Uint16Array, min: number): Uint16Array<ArrayBuffer> {
  const next = new Uint16Array(Math.max(min, array.length * 2, 256));
  next.set(array);
  return next;
}

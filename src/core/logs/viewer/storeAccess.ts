import type { RecordStore } from '../recordStore';

/** The records of one parsed log, as the viewer reads them. */
export type ViewerStore = RecordStore;

/** Wall-clock time of a record read as UTC (ms), NaN when it has none. */
export function localMsOf(store: ViewerStore, index: number): number {
  return store.localMsAt(index);
}

/** Component of a record ('' when the format has none). */
export function componentOf(store: ViewerStore, index: number): string {
  return store.componentAt(index);
}

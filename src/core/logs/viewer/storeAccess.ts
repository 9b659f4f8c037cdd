import type { RecordStore } from '../recordStore';

/** The records of one parsed log, as the viewer reads them. */
export type ViewerStore = RecordStore;

import type { ClientOperationRecord } from '../state/model';
import type { LabStore } from '../state/store';

/** What class code may use: the store and the lab's asynchronous machinery. */
export interface LabContext {
  readonly store: LabStore;
  now(): number;
  readonly evaluator: {
    /** SMS_Collection.RequestRefresh: evaluate after the refresh delay. */
    requestRefresh(collectionId: string): void;
    /** Rules changed: evaluate after the delay only for incremental collections (RefreshType 4/6). */
    rulesChanged(collectionId: string): void;
    /** A new collection is evaluated once after the delay, as the site does. */
    collectionCreated(collectionId: string): void;
    /** Resources were added or changed: incremental collections pick them up after the delay. */
    resourcesChanged(): void;
  };
  readonly clients: {
    /** Deliver a client notification to the targeted lab clients after the client delay. */
    dispatch(operation: ClientOperationRecord): void;
  };
}

/** A shallow-but-safe copy for journaling (rules and schedules are copied too). */
export function cloneCollection<T extends { rules: unknown[]; refreshSchedule: unknown[] }>(c: T): T {
  return { ...c, rules: c.rules.map((r) => ({ ...(r as object) })), refreshSchedule: c.refreshSchedule.map((s) => ({ ...(s as object) })) };
}

import { deviceProperty } from '../state/deviceProperties';
import type { CollectionRecord } from '../state/model';
import type { LabStore } from '../state/store';
import { evaluateWql, parseWql, WqlSyntaxError, type WqlQuery } from './wql';

/**
 * Computes a collection's members the way the collection evaluator does:
 * (direct ∪ query ∪ include) ∩ limiting collection, minus exclude; sorted by device name.
 * Uses the *current* membership of the limiting/include/exclude collections (no cascade here).
 */
export function computeMembers(store: LabStore, collection: CollectionRecord): Int32Array {
  const table = store.devices;
  if (collection.collectionType !== 2) return new Int32Array(0);
  const within = collection.limitToCollectionId ? store.limitBitmap(collection.limitToCollectionId) : null;
  const stamp = store.scratchStamp();
  const { marks, generation } = stamp;
  const picked: number[] = [];
  const take = (row: number): void => {
    if (marks[row] !== generation && (!within || within[row])) {
      marks[row] = generation;
      picked.push(row);
    }
  };
  for (const rule of collection.rules) {
    if (rule.kind === 'direct') {
      const row = table.indexOf(rule.resourceId);
      if (row !== undefined) take(row);
    } else if (rule.kind === 'include') {
      const included = store.members.get(rule.collectionId);
      if (included) for (const row of included) take(row);
    } else if (rule.kind === 'query') {
      for (const row of evaluateWql(parsedQuery(store, rule.queryExpression), table, store.deviceReader(), within)) take(row);
    }
  }
  for (const rule of collection.rules) {
    if (rule.kind !== 'exclude') continue;
    const excluded = store.members.get(rule.collectionId);
    if (excluded) for (const row of excluded) if (marks[row] === generation) marks[row] = -generation;
  }
  const kept = picked.filter((row) => marks[row] === generation);
  return table.sortByName(kept);
}

function parsedQuery(store: LabStore, expression: string): WqlQuery {
  const cached = store.wqlCache.get(expression);
  if (cached) return cached;
  let query: WqlQuery;
  try {
    query = parseWql(expression);
  } catch (err) {
    if (!(err instanceof WqlSyntaxError)) throw err;
    query = { className: '', where: null, unsupported: err.message };
  }
  store.wqlCache.set(expression, query);
  return query;
}

/** Property reader over device rows for the WQL evaluator. */
export function makeDeviceReader(store: LabStore): (propUpper: string) => ((row: number) => unknown) | undefined {
  return (propUpper) => {
    const prop = deviceProperty(propUpper);
    if (!prop) return undefined;
    const rows = store.devices.rows;
    const site = store.site;
    return (row) => prop.get(rows[row], site);
  };
}

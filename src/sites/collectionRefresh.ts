import type { Collection } from '../core/site/model';
import { sleep as cancellableSleep, throwIfCancelled, type CancellationTokenLike } from '../core/util/cancellation';

export type CollectionSnapshot = Pick<Collection, 'memberCount' | 'lastRefreshTime' | 'lastMemberChangeTime' | 'currentStatus'>;

export interface RefreshWaitOptions {
  /** The collection as it was before RequestRefresh. */
  before: CollectionSnapshot;
  /** Reads the collection again (one request per poll). */
  read: (token?: CancellationTokenLike) => Promise<Collection>;
  timeoutMs: number;
  intervalMs: number;
  token?: CancellationTokenLike;
  /** Injected in tests. */
  sleep?: (ms: number, token?: CancellationTokenLike) => Promise<void>;
  now?: () => number;
}

export interface RefreshWaitResult {
  collection: Collection;
  /** The site finished evaluating (refresh time or members changed, status back to ready). */
  evaluated: boolean;
}

/** SMS_Collection.CurrentStatus values that mean "evaluation still pending". */
const PENDING_STATUS = new Set([2, 5]);

/** True when `now` shows that the site evaluated the collection after `before`. */
export function collectionWasEvaluated(before: CollectionSnapshot, now: CollectionSnapshot): boolean {
  if (PENDING_STATUS.has(now.currentStatus)) return false;
  return now.lastRefreshTime !== before.lastRefreshTime || now.memberCount !== before.memberCount || now.lastMemberChangeTime !== before.lastMemberChangeTime;
}


/**
 * Membership is evaluated asynchronously after RequestRefresh, so poll the collection until it
 * shows a new evaluation or the deadline passes. The last read is returned either way.
 */
export async function waitForCollectionRefresh(o: RefreshWaitOptions): Promise<RefreshWaitResult> {
  const sleep = o.sleep ?? cancellableSleep;
  const now = o.now ?? Date.now;
  const deadline = now() + o.timeoutMs;
  for (;;) {
    throwIfCancelled(o.token);
    await sleep(o.intervalMs, o.token);
    const collection = await o.read(o.token);
    if (collectionWasEvaluated(o.before, collection)) return { collection, evaluated: true };
    if (now() + o.intervalMs > deadline) return { collection, evaluated: false };
  }
}

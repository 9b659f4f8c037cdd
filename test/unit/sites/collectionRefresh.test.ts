import * as assert from 'node:assert/strict';
import { CancellationError, CancellationSource } from '../../../src/core/util/cancellation';
import { collectionWasEvaluated, waitForCollectionRefresh } from '../../../src/sites/collectionRefresh';
import { aCollection } from './fixtures';

/** A clock that advances by the time slept, so polling tests run instantly. */
function fakeTime() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('sites: waiting for a collection evaluation after Update Membership', () => {
  const before = aCollection({ memberCount: 10, lastRefreshTime: '2024-03-05T14:07:31Z', currentStatus: 1 });

  it('recognises an evaluation by a new refresh time or member count, not while the status is pending', () => {
    assert.equal(collectionWasEvaluated(before, before), false);
    assert.equal(collectionWasEvaluated(before, { ...before, lastRefreshTime: '2024-03-05T14:09:00Z' }), true);
    assert.equal(collectionWasEvaluated(before, { ...before, memberCount: 11 }), true);
    assert.equal(collectionWasEvaluated(before, { ...before, memberCount: 11, currentStatus: 2 }), false, 'refreshing');
    assert.equal(collectionWasEvaluated(before, { ...before, lastRefreshTime: 'x', currentStatus: 5 }), false, 'awaiting refresh');
  });

  it('polls until the site has evaluated and returns the new collection', async () => {
    const clock = fakeTime();
    const reads = [before, { ...before, currentStatus: 5 }, { ...before, currentStatus: 2 }, { ...before, memberCount: 12, lastRefreshTime: '2024-03-05T14:10:00Z' }];
    let n = 0;
    const result = await waitForCollectionRefresh({ before, read: async () => reads[n++], timeoutMs: 60000, intervalMs: 1000, ...clock });
    assert.equal(result.evaluated, true);
    assert.equal(result.collection.memberCount, 12);
    assert.equal(n, 4);
  });

  it('gives up at the deadline with the last read', async () => {
    const clock = fakeTime();
    let n = 0;
    const result = await waitForCollectionRefresh({
      before,
      read: async () => {
        n++;
        return before;
      },
      timeoutMs: 10000,
      intervalMs: 1000,
      ...clock,
    });
    assert.equal(result.evaluated, false);
    assert.equal(n, 10);
    assert.ok(clock.now() <= 10000);
  });

  it('stops at once when cancelled', async () => {
    const source = new CancellationSource();
    // An hour between polls: only cancellation can end this before mocha's timeout.
    const pending = waitForCollectionRefresh({ before, read: async () => before, timeoutMs: 7_200_000, intervalMs: 3_600_000, token: source.token });
    setTimeout(() => source.cancel(), 10);
    await assert.rejects(pending, CancellationError);
  });
});

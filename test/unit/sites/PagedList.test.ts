import * as assert from 'node:assert/strict';
import type { Page } from '../../../src/core/site/model';
import { PagedList } from '../../../src/tree/PagedList';

/** A listing of `total` numbered rows served with $top/$skip, recording each request. */
function site(total: number) {
  const requests: Array<{ skip: number; top: number }> = [];
  let release: (() => void) | undefined;
  let hold = false;
  const fetch = async (skip: number, top: number): Promise<Page<number>> => {
    requests.push({ skip, top });
    if (hold) await new Promise<void>((r) => (release = r));
    const items = Array.from({ length: Math.max(0, Math.min(top, total - skip)) }, (_, i) => skip + i);
    return { items, skip, top, hasMore: skip + items.length < total };
  };
  return {
    fetch,
    requests,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('tree: paged listings', () => {
  it('loads one page, then the next on demand, and stops at the end', async () => {
    const s = site(120);
    const list = new PagedList(s.fetch);
    await list.ensureFirstPage(50);
    assert.equal(list.items.length, 50);
    assert.equal(list.hasMore, true);
    await list.ensureFirstPage(50);
    assert.equal(s.requests.length, 1, 'the first page is not asked twice');
    await list.loadNextPage(50);
    await list.loadNextPage(50);
    assert.deepEqual(list.items, Array.from({ length: 120 }, (_, i) => i));
    assert.equal(list.hasMore, false);
    await list.loadNextPage(50);
    assert.deepEqual(
      s.requests.map((r) => r.skip),
      [0, 50, 100],
    );
  });

  it('never asks the site for two pages at once: a second click joins the running load', async () => {
    const s = site(500);
    const list = new PagedList(s.fetch);
    await list.ensureFirstPage(50);
    s.holdNext();
    const a = list.loadNextPage(50);
    const b = list.loadNextPage(50);
    const c = list.ensureFirstPage(50);
    s.release();
    await Promise.all([a, b, c]);
    assert.equal(s.requests.length, 2);
    assert.equal(list.items.length, 100);
  });

  it('drops a page that arrives after a refresh', async () => {
    const s = site(500);
    const list = new PagedList(s.fetch);
    s.holdNext();
    const stale = list.ensureFirstPage(50);
    list.reset();
    s.release();
    await stale;
    assert.equal(list.items.length, 0);
    await list.ensureFirstPage(50);
    assert.equal(list.items.length, 50);
  });

  it('tries the first page again after a failure', async () => {
    let fail = true;
    const list = new PagedList(async (skip: number, top: number) => {
      if (fail) throw new Error('503');
      return { items: [skip], skip, top, hasMore: false };
    });
    await assert.rejects(list.ensureFirstPage(50), /503/);
    fail = false;
    await list.ensureFirstPage(50);
    assert.deepEqual(list.items, [0]);
  });
});

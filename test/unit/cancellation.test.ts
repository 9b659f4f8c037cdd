import * as assert from 'node:assert/strict';
import { CancellationError, CancellationSource, sleep, throwIfCancelled } from '../../src/core/util/cancellation';

describe('cancellation (core, no VS Code)', () => {
  it('fires listeners once', () => {
    const source = new CancellationSource();
    let calls = 0;
    source.token.onCancellationRequested(() => calls++);
    assert.equal(source.token.isCancellationRequested, false);
    source.cancel();
    source.cancel();
    assert.equal(calls, 1);
    assert.throws(() => throwIfCancelled(source.token), CancellationError);
  });

  it('sleeps, or stops sleeping as soon as the token is cancelled', async () => {
    await sleep(5);
    const source = new CancellationSource();
    const started = Date.now();
    const slept = sleep(10000, source.token);
    setTimeout(() => source.cancel(), 10);
    await assert.rejects(slept, CancellationError);
    assert.ok(Date.now() - started < 5000);
    await assert.rejects(sleep(1, source.token), CancellationError, 'an already cancelled token does not wait');
  });

  it('calls a listener added after cancellation at once', () => {
    const source = new CancellationSource();
    source.cancel();
    let called = false;
    source.token.onCancellationRequested(() => (called = true));
    assert.equal(called, true);
  });
});

import * as assert from 'node:assert/strict';
import { CancellationError, CancellationSource, throwIfCancelled, toAbortSignal } from '../../src/core/util/cancellation';

describe('cancellation (core, no VS Code)', () => {
  it('fires listeners once and aborts derived signals', () => {
    const source = new CancellationSource();
    let calls = 0;
    source.token.onCancellationRequested(() => calls++);
    const signal = toAbortSignal(source.token);
    assert.equal(source.token.isCancellationRequested, false);
    source.cancel();
    source.cancel();
    assert.equal(calls, 1);
    assert.equal(signal?.aborted, true);
    assert.throws(() => throwIfCancelled(source.token), CancellationError);
  });

  it('calls a listener added after cancellation at once', () => {
    const source = new CancellationSource();
    source.cancel();
    let called = false;
    source.token.onCancellationRequested(() => (called = true));
    assert.equal(called, true);
  });
});

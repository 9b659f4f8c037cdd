import * as assert from 'node:assert/strict';
import { labFaultsFrom } from '../../../src/sites/labFaults';

describe('sites: sccm.lab.faults setting', () => {
  it('keeps positive whole counters and a method name', () => {
    assert.deepEqual(labFaultsFrom({ latencyMs: 200, error500Every: 3, throttle503Every: 0, dropConnectionEvery: 5, failMethod: 'AddMembershipRule' }), {
      latencyMs: 200,
      error500Every: 3,
      dropConnectionEvery: 5,
      failMethod: 'AddMembershipRule',
    });
  });

  it('ignores what is not a fault: negative, fractional, strings, odd method names, non-objects', () => {
    assert.deepEqual(labFaultsFrom({ latencyMs: -1, error500Every: 2.5, throttle503Every: '3', failMethod: 'x; rm -rf /' }), {});
    assert.deepEqual(labFaultsFrom(null), {});
    assert.deepEqual(labFaultsFrom('slow'), {});
  });
});

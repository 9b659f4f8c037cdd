import * as assert from 'node:assert/strict';
import type { StoredAccount } from '../../../src/core/lab/auth/accounts';
import { fullAdministrator } from '../../../src/sites/LabSiteHost';

describe('sites: reading the lab data folder', () => {
  it('signs in with the Full Administrator from accounts.json', () => {
    const accounts: StoredAccount[] = [
      { user: 'LAB\\reader', password: 'r-secret', role: 'readOnly', description: 'Read-only Analyst' },
      { user: 'LAB\\admin', password: 'a-secret', role: 'full', description: 'Full Administrator' },
    ];
    assert.deepEqual(fullAdministrator(accounts), { userName: 'LAB\\admin', password: 'a-secret' });
    assert.equal(fullAdministrator([accounts[0]]), undefined, 'never the read-only account');
    assert.equal(fullAdministrator(undefined), undefined);
  });
});

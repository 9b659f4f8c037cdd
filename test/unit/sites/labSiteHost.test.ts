import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import selfsigned from 'selfsigned';
import { pickFullAdministrator, sha1Thumbprint } from '../../../src/sites/LabSiteHost';

describe('sites: reading the lab data folder', () => {
  it('signs in with the Full Administrator from accounts.json, in either file shape', () => {
    const accounts = [
      { user: 'LAB\\reader', password: 'r-secret', role: 'readOnly' },
      { user: 'LAB\\admin', password: 'a-secret', role: 'full' },
    ];
    assert.deepEqual(pickFullAdministrator(accounts), { userName: 'LAB\\admin', password: 'a-secret' });
    assert.deepEqual(pickFullAdministrator({ accounts }), { userName: 'LAB\\admin', password: 'a-secret' });
    assert.equal(pickFullAdministrator({}), undefined);
    assert.equal(pickFullAdministrator([{ user: 'LAB\\x' }]), undefined);
  });

  it('pins the certificate by the SHA-1 thumbprint Windows would show (hash of the DER bytes)', async () => {
    const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048 });
    const der = Buffer.from(pems.cert.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''), 'base64');
    const expected = createHash('sha1').update(der).digest('hex').toUpperCase();
    assert.equal(sha1Thumbprint(pems.cert), expected);
    assert.match(expected, /^[0-9A-F]{40}$/);
  });
});

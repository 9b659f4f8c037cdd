import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as https from 'node:https';
import { LabHttpClient } from './support/labClient';
import { startFixture, type LabFixture } from './support/fixture';

describe('lab site: transport and Windows authentication', () => {
  let f: LabFixture;
  before(async () => {
    f = await startFixture();
  });
  after(async () => {
    await f.close();
  });
  const account = (role: string) => f.lab.accounts.find((a) => a.role === role)!;

  it('answers an unauthenticated request with 401 and two challenges, Negotiate and NTLM', async () => {
    const anonymous = new LabHttpClient(f.lab);
    const res = await anonymous.request('GET', '/wmi/SMS_Site');
    anonymous.close();
    assert.equal(res.status, 401);
    assert.deepEqual(res.authenticate, ['Negotiate', 'NTLM']);
  });

  it('authenticates with an NTLMv2 handshake and keeps the connection authenticated', async () => {
    const c = new LabHttpClient(f.lab, { user: account('full').user, password: account('full').password });
    const first = await c.request('GET', '/wmi/SMS_Site');
    const second = await c.request('GET', '/wmi/SMS_Identification');
    c.close();
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(c.handshakes, 1, 'the second request rides on the authenticated connection');
  });

  it('accepts raw NTLMSSP tokens wrapped in Negotiate, answering in Negotiate', async () => {
    const c = new LabHttpClient(f.lab, { user: account('full').user, password: account('full').password, scheme: 'Negotiate' });
    const res = await c.request('GET', '/wmi/SMS_Site');
    c.close();
    assert.equal(res.status, 200);
  });

  it('accepts NTLMv1 with extended session security', async () => {
    const c = new LabHttpClient(f.lab, { user: account('full').user, password: account('full').password, ntlmV1: true });
    const res = await c.request('GET', '/wmi/SMS_Site');
    c.close();
    assert.equal(res.status, 200);
  });

  it('refuses a wrong password and an unknown user with 401', async () => {
    for (const creds of [
      { user: account('full').user, password: `${account('full').password}x` },
      { user: 'LAB\\nobody', password: account('full').password },
    ]) {
      const c = new LabHttpClient(f.lab, creds);
      const res = await c.request('GET', '/wmi/SMS_Site');
      c.close();
      assert.equal(res.status, 401, creds.user);
      assert.deepEqual(res.authenticate, ['Negotiate', 'NTLM']);
    }
  });

  it('answers 401 to a domain user who is not a ConfigMgr administrative user', async () => {
    const c = new LabHttpClient(f.lab, { user: account('none').user, password: account('none').password });
    const res = await c.request('GET', '/wmi/SMS_Site');
    c.close();
    assert.equal(res.status, 401);
    assert.equal((res.json as { error: { code: string } }).error.code, '401');
  });

  it('lets the Read-only Analyst read but answers 403 with the error JSON to every write', async () => {
    assert.equal((await f.reader.request('GET', "/wmi/SMS_Collection('SMS00001')")).status, 200);
    assert.equal((await f.reader.request('GET', '/wmi/SMS_Identification.GetSiteID')).status, 201, 'a read-only static method');
    const writes: Array<[string, string, unknown]> = [
      ['POST', "/wmi/SMS_Collection('SMS00001')/AdminService.RequestRefresh", {}],
      ['POST', '/wmi/SMS_Collection', { Name: 'x', CollectionType: 2, LimitToCollectionID: 'SMS00001' }],
      ['DELETE', "/wmi/SMS_Collection('SMS00001')", undefined],
      ['POST', '/wmi/SMS_Site.ImportMachineEntry', { NetbiosName: 'X', MACAddress: '00:15:5D:00:00:01' }],
    ];
    for (const [method, url, body] of writes) {
      const res = await f.reader.request(method, url, body);
      assert.equal(res.status, 403, `${method} ${url}`);
      assert.equal((res.json as { error: { code: string } }).error.code, '403');
    }
  });

  it('answers 404 outside /AdminService without asking for credentials', async () => {
    const outside = await new Promise<number>((resolve, reject) => {
      https.get(`https://127.0.0.1:${f.lab.port}/Other`, { ca: f.lab.certificatePem }, (r) => resolve(r.statusCode ?? 0)).on('error', reject);
    });
    assert.equal(outside, 404);
  });

  it('serves a certificate for 127.0.0.1 and localhost whose fingerprints it reports', async () => {
    const x509 = new X509Certificate(f.lab.certificatePem);
    assert.equal(f.lab.certificateSha256, x509.fingerprint256.replace(/:/g, ''));
    assert.equal(f.lab.certificateThumbprint, x509.fingerprint.replace(/:/g, ''));
    assert.match(f.lab.certificateThumbprint, /^[0-9A-F]{40}$/);
    assert.ok(x509.checkIP('127.0.0.1'));
    assert.ok(x509.checkHost('localhost'));
    // Without the lab's certificate as trust anchor, TLS verification fails.
    await assert.rejects(
      new Promise((resolve, reject) => https.get(`${f.lab.baseUrl}/wmi/SMS_Site`, resolve).on('error', reject)),
      /self-signed|self signed|unable to verify/i,
    );
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseThumbprint, type TlsTrust } from '../../../src/core/site/adminService/tls';
import { AdminServiceTransport } from '../../../src/core/site/adminService/transport';
import { SiteError } from '../../../src/core/site/errors';
import { readCaFile, tlsTrustFrom } from '../../../src/core/site/siteConfig';
import { makeCertificate, type TestCertificate } from './support/certificates';
import { FakeAdminService } from './support/fakeAdminService';

const ACCOUNTS = { 'LAB\\admin': 'secret' };

describe('AdminService TLS trust (system CAs, CA file, pinned thumbprint)', function () {
  this.timeout(20_000);
  let certificate: TestCertificate;
  let other: TestCertificate;
  let server: FakeAdminService;
  let tempDir: string;

  before(async () => {
    [certificate, other] = await Promise.all([makeCertificate(), makeCertificate()]);
    server = await new FakeAdminService({ certificate, accounts: ACCOUNTS, handler: () => ({ status: 200, body: { value: [] } }) }).start();
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-tls-'));
  });

  after(async () => {
    await server.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  async function attempt(trust: TlsTrust): Promise<unknown> {
    const transport = new AdminServiceTransport({
      baseUrl: server.baseUrl,
      trust,
      getCredentials: () => ({ userName: 'LAB\\admin', password: 'secret' }),
      retry: { attempts: 1 },
    });
    try {
      return (await transport.request({ method: 'GET', path: 'wmi/SMS_Site', purpose: { action: 'list sites' }, idempotent: true })).body;
    } finally {
      transport.dispose();
    }
  }

  it('reads thumbprints as Windows shows them: any case, spaces, colons, the invisible mark', () => {
    const sha1 = certificate.sha1;
    const spaced = `\u200e${sha1.toLowerCase().match(/../g)!.join(' ')}`;
    assert.deepEqual(parseThumbprint(spaced), { algorithm: 'sha1', thumbprint: sha1 });
    assert.deepEqual(parseThumbprint(certificate.sha256.match(/../g)!.join(':')), { algorithm: 'sha256', thumbprint: certificate.sha256 });
    assert.throws(() => parseThumbprint('ABCD'), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput');
  });

  it('connects when the SHA-1 thumbprint is pinned', async () => {
    assert.deepEqual(await attempt(tlsTrustFrom({ certificateThumbprint: certificate.sha1.toLowerCase() })), { value: [] });
  });

  it('connects when the SHA-256 fingerprint is pinned', async () => {
    assert.deepEqual(await attempt(tlsTrustFrom({ certificateThumbprint: certificate.sha256 })), { value: [] });
  });

  it('refuses another certificate before sending any request, naming both thumbprints', async () => {
    const before = server.rawRequestCount;
    const err = await attempt(tlsTrustFrom({ certificateThumbprint: other.sha1 })).then(
      () => assert.fail('expected a TLS failure'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof SiteError);
    assert.equal(err.kind, 'tls');
    assert.ok(err.message.includes(other.sha1), 'names the pinned thumbprint');
    assert.ok(err.message.includes(certificate.sha1), 'names the presented thumbprint');
    assert.equal(server.rawRequestCount, before, 'no HTTP request reached the server');
  });

  it('trusts the site through its CA file (PEM or DER)', async () => {
    const pemFile = path.join(tempDir, 'site-ca.pem');
    fs.writeFileSync(pemFile, certificate.cert);
    assert.deepEqual(await attempt(tlsTrustFrom({ caFile: pemFile })), { value: [] });
    const derFile = path.join(tempDir, 'site-ca.cer');
    const der = Buffer.from(certificate.cert.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    fs.writeFileSync(derFile, der);
    assert.deepEqual(await attempt({ kind: 'ca', pem: readCaFile(derFile) }), { value: [] });
  });

  it('rejects a self-signed site without a pin or CA, and says how to trust it', async () => {
    await assert.rejects(attempt({ kind: 'system' }), (e: unknown) => {
      assert.ok(e instanceof SiteError);
      assert.equal(e.kind, 'tls');
      assert.match(e.message, /not trusted/);
      assert.match(e.message, /CA file/);
      assert.match(e.message, /pin the certificate thumbprint/);
      return true;
    });
  });

  it('rejects a CA file for another certificate', async () => {
    await assert.rejects(attempt({ kind: 'ca', pem: other.cert }), (e: unknown) => e instanceof SiteError && e.kind === 'tls');
  });

  it('explains an unreadable CA file', () => {
    assert.throws(() => readCaFile(path.join(tempDir, 'missing.pem')), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput' && /cannot be read/.test(e.message));
  });
});

import * as assert from 'node:assert/strict';
import { AdminServiceTransport, type TransportOptions } from '../../../src/core/site/adminService/transport';
import { SiteError } from '../../../src/core/site/errors';
import { CancellationError, CancellationSource } from '../../../src/core/util/cancellation';
import { makeCertificate, type TestCertificate } from './support/certificates';
import { FakeAdminService, type FakeReply, type FakeRequest } from './support/fakeAdminService';

const PASSWORD = 'Pa$$w0rd-"quoted"\\slash';
const ACCOUNTS = { 'LAB\\admin': PASSWORD };
const SITES = { value: [{ SiteCode: 'PS1' }] };

describe('AdminService transport (HTTPS, NTLM, retries)', function () {
  this.timeout(20_000);
  let certificate: TestCertificate;
  let server: FakeAdminService | undefined;
  let transport: AdminServiceTransport | undefined;

  before(async () => {
    certificate = await makeCertificate();
  });

  afterEach(async () => {
    transport?.dispose();
    transport = undefined;
    await server?.close();
    server = undefined;
  });

  async function start(
    handler: (request: FakeRequest) => FakeReply | Promise<FakeReply>,
    schemes?: ('Negotiate' | 'NTLM')[],
    accounts: Record<string, string> = ACCOUNTS,
  ): Promise<FakeAdminService> {
    server = await new FakeAdminService({ certificate, accounts, handler, schemes }).start();
    return server;
  }

  function connect(overrides: Partial<TransportOptions> = {}): AdminServiceTransport {
    transport = new AdminServiceTransport({
      baseUrl: server!.baseUrl,
      trust: { kind: 'pin', algorithm: 'sha256', thumbprint: certificate.sha256 },
      getCredentials: () => ({ userName: 'LAB\\admin', password: PASSWORD }),
      retry: { initialDelayMs: 10, maxDelayMs: 20 },
      ...overrides,
    });
    return transport;
  }

  const read = (path = 'wmi/SMS_Site') => ({ method: 'GET' as const, path, purpose: { action: 'list sites' }, idempotent: true });
  const write = (path = "wmi/SMS_Collection('PS100012')/AdminService.AddMembershipRule") => ({
    method: 'POST' as const,
    path,
    body: { collectionRule: { ResourceID: 1 } },
    purpose: { action: 'add a rule', verify: 'Check the rules of PS100012.' },
    idempotent: false,
  });

  it('authenticates once per connection with NTLM and reuses the connection', async () => {
    const fake = await start(() => ({ status: 200, body: SITES }));
    const t = connect({ maxConnections: 1 });
    const first = await t.request(read());
    const second = await t.request(read());
    assert.deepEqual(first.body, SITES);
    assert.deepEqual(second.body, SITES);
    assert.equal(fake.type1Count, 1, 'one NTLM handshake for two requests');
    assert.equal(fake.requests.length, 2);
    assert.equal(fake.requests[0].user, 'LAB\\admin');
    assert.equal(fake.requests[0].connectionId, fake.requests[1].connectionId);
  });

  it('accepts a server that offers only Negotiate, and a UPN user name', async () => {
    // A UPN signs in with an empty NTLM domain and the whole UPN as the user name.
    const fake = await start(() => ({ status: 200, body: SITES }), ['Negotiate'], { 'admin@LAB': PASSWORD });
    const t = connect({ getCredentials: () => ({ userName: 'admin@LAB', password: PASSWORD }) });
    const response = await t.request(read());
    assert.deepEqual(response.body, SITES);
    assert.equal(fake.requests[0].user, 'admin@LAB');
  });

  it('sends a POST body only with the final NTLM message, and the body arrives whole', async () => {
    const fake = await start(() => ({ status: 201, body: { ReturnValue: 0 } }));
    const t = connect();
    const response = await t.request(write());
    assert.equal(response.status, 201);
    assert.equal(fake.requests.length, 1);
    assert.deepEqual(JSON.parse(fake.requests[0].body), { collectionRule: { ResourceID: 1 } });
  });

  it('authenticates again when a reused connection answers 401', async () => {
    const fake = await start(() => ({ status: 200, body: SITES }));
    const t = connect({ maxConnections: 1 });
    await t.request(read());
    fake.forgetAuthentication();
    const again = await t.request(read());
    assert.deepEqual(again.body, SITES);
    assert.equal(fake.type1Count, 2);
  });

  it('reports a wrong password as an auth error that never contains the password', async () => {
    await start(() => ({ status: 200, body: SITES }));
    const wrong = 'Wr0ng-S3cret!';
    const t = connect({ getCredentials: () => ({ userName: 'LAB\\admin', password: wrong }) });
    const err = await t.request(read()).then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof SiteError);
    assert.equal(err.kind, 'auth');
    assert.match(err.message, /not a ConfigMgr administrative user, or wrong user name\/password/);
    assert.ok(!JSON.stringify({ m: err.message, d: err.details, s: err.stack }).includes(wrong));
  });

  it('explains that signing in without a password needs the PowerShell backend', async () => {
    await start(() => ({ status: 200, body: SITES }));
    const t = connect({ getCredentials: () => undefined });
    await assert.rejects(t.request(read()), (e: unknown) => e instanceof SiteError && e.kind === 'auth' && /PowerShell backend or a user name and password/.test(e.message));
  });

  it('retries a read after 503 with Retry-After', async () => {
    let calls = 0;
    const fake = await start(() => (++calls === 1 ? { status: 503, headers: { 'Retry-After': '0' }, body: '' } : { status: 200, body: SITES }));
    const response = await connect().request(read());
    assert.deepEqual(response.body, SITES);
    assert.equal(fake.requests.length, 2);
  });

  it('gives up after three tries of 503 and says the site is busy', async () => {
    const fake = await start(() => ({ status: 503, body: '' }));
    await assert.rejects(connect().request(read()), (e: unknown) => e instanceof SiteError && e.kind === 'unavailable');
    assert.equal(fake.requests.length, 3);
  });

  it('retries a read whose connection dropped', async () => {
    let calls = 0;
    const fake = await start(() => (++calls === 1 ? 'drop' : { status: 200, body: SITES }));
    const response = await connect().request(read());
    assert.deepEqual(response.body, SITES);
    assert.equal(fake.requests.length, 2);
  });

  it('does not repeat a write whose connection dropped, and says the outcome is unknown', async () => {
    const fake = await start(() => 'drop');
    await assert.rejects(
      connect().request(write()),
      (e: unknown) => e instanceof SiteError && e.kind === 'network' && /outcome is unknown/.test(e.message) && /Check the rules of PS100012/.test(e.message),
    );
    assert.equal(fake.requests.length, 1, 'the write reached the site once and was not sent again');
  });

  it('surfaces the provider message of a 500', async () => {
    await start(() => ({ status: 500, body: { error: { code: '500', message: 'Insufficient rights on collection PS100012' } } }));
    await assert.rejects(connect().request(write()), (e: unknown) => {
      assert.ok(e instanceof SiteError);
      assert.equal(e.kind, 'server');
      assert.match(e.message, /Insufficient rights on collection PS100012/);
      assert.equal(e.details.providerMessage, 'Insufficient rights on collection PS100012');
      return true;
    });
  });

  it('maps 403 to forbidden naming the right, and 404 to notFound with the caller\'s text', async () => {
    await start((r) => (r.method === 'POST' ? { status: 403, body: '' } : { status: 404, body: { error: { code: '404', message: 'Not found' } } }));
    const t = connect();
    await assert.rejects(
      t.request({ ...write(), purpose: { action: 'add a rule', right: 'Modify Resource' } }),
      (e: unknown) => e instanceof SiteError && e.kind === 'forbidden' && /lacks the right to add a rule \(it needs Modify Resource\)/.test(e.message),
    );
    await assert.rejects(
      t.request({ ...read("wmi/SMS_Collection('PS1FFFFF')"), purpose: { action: 'read', notFound: 'Collection PS1FFFFF was not found.' } }),
      (e: unknown) => e instanceof SiteError && e.kind === 'notFound' && e.message.startsWith('Collection PS1FFFFF was not found.'),
    );
  });

  it('cancels a request in flight at once', async () => {
    await start(() => new Promise<FakeReply>((resolve) => setTimeout(() => resolve({ status: 200, body: SITES }), 3000)));
    const source = new CancellationSource();
    const started = Date.now();
    setTimeout(() => source.cancel(), 100);
    await assert.rejects(connect().request({ ...read(), token: source.token }), CancellationError);
    assert.ok(Date.now() - started < 2000, 'rejected long before the site answered');
  });

  it('dispose ends the requests in flight and those waiting for a connection', async () => {
    await start(() => new Promise<FakeReply>((resolve) => setTimeout(() => resolve({ status: 200, body: SITES }), 3000)));
    const t = connect({ maxConnections: 1 });
    const inFlight = t.request(read());
    const waiting = t.request(read('wmi/SMS_Collection'));
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    t.dispose();
    await assert.rejects(waiting, CancellationError);
    await assert.rejects(inFlight, CancellationError);
    assert.ok(Date.now() - started < 1500, 'both ended long before the site answered');
  });

  it('a request that was still asking for credentials when disposed never opens a connection', async () => {
    const fake = await start(() => ({ status: 200, body: SITES }));
    const t = connect({ getCredentials: () => new Promise((resolve) => setTimeout(() => resolve({ userName: 'LAB\\admin', password: PASSWORD }), 300)) });
    const pending = t.request(read());
    await new Promise((r) => setTimeout(r, 100));
    t.dispose();
    await assert.rejects(pending, CancellationError);
    assert.equal(fake.tlsConnections, 0);
  });

  it('times out a read, retries it, then reports a network error', async () => {
    const fake = await start(() => new Promise<FakeReply>((resolve) => setTimeout(() => resolve({ status: 200, body: SITES }), 2000)));
    await assert.rejects(connect({ timeoutMs: 150 }).request(read()), (e: unknown) => e instanceof SiteError && e.kind === 'network' && /did not answer in time/.test(e.message));
    assert.equal(fake.requests.length, 3);
  });

  it('refuses a next-page link to another host', async () => {
    await start(() => ({ status: 200, body: SITES }));
    const t = connect();
    assert.equal(t.relativePath(`${server!.baseUrl}/wmi/SMS_Site?$skip=10`), 'wmi/SMS_Site?$skip=10');
    assert.throws(() => t.relativePath('https://evil.example/AdminService/wmi/SMS_Site'), (e: unknown) => e instanceof SiteError && e.kind === 'invalidResponse');
  });

  it('refuses an http:// address and credentials in the address', () => {
    const base = { trust: { kind: 'system' as const }, getCredentials: () => undefined };
    assert.throws(() => new AdminServiceTransport({ ...base, baseUrl: 'http://cm01/AdminService' }), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput');
    assert.throws(() => new AdminServiceTransport({ ...base, baseUrl: 'https://u:p@cm01/AdminService' }), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput');
  });
});

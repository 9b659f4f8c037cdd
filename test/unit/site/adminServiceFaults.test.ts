import * as assert from 'node:assert/strict';
import { SiteError } from '../../../src/core/site/errors';
import { startLabFixture, type LabFixture } from './support/labFixture';

/** The AdminService backend against the lab's fault injection. */
describe('AdminService backend on a misbehaving lab site', function () {
  this.timeout(60_000);
  let fx: LabFixture;

  before(async function () {
    this.timeout(120_000);
    fx = await startLabFixture('pin-sha256');
  });

  after(async () => {
    await fx?.dispose();
  });

  afterEach(() => fx.lab.setFaults({}));

  // The lab counts authenticated requests from the moment faults are set.
  it('reads still succeed when every 2nd request is throttled with 503', async () => {
    const log: string[] = [];
    const backend = fx.connect({ log: (line) => log.push(line) });
    fx.lab.setFaults({ throttle503Every: 2 });
    for (let i = 0; i < 4; i++) {
      const page = await backend.listCollections({ top: 5, skip: i * 5 });
      assert.equal(page.items.length, 5);
    }
    assert.ok(log.filter((l) => / -> 503 /.test(l)).length >= 2, 'the site did throttle');
  });

  it('a read whose connection drops is retried', async () => {
    const log: string[] = [];
    const backend = fx.connect({ log: (line) => log.push(line) });
    fx.lab.setFaults({ dropConnectionEvery: 2 });
    const [first, second] = fx.facts.devices;
    assert.equal((await backend.getDevice(first.resourceId)).resourceId, first.resourceId);
    assert.equal((await backend.getDevice(second.resourceId)).resourceId, second.resourceId);
    assert.equal(log.filter((l) => / failed: /.test(l)).length, 1, 'the second read was dropped once and retried');
  });

  it('a write whose connection drops is not repeated: the outcome is unknown and the error says what to check', async () => {
    const backend = fx.connect();
    const id = fx.facts.directCollection.id;
    const device = fx.facts.spareDeviceId;
    await backend.getSiteInfo();
    fx.lab.setFaults({ dropConnectionEvery: 1 });
    await assert.rejects(
      backend.addDirectMembershipRule(id, { resourceId: device, ruleName: 'dropped-write' }),
      (e: unknown) => e instanceof SiteError && e.kind === 'network' && /outcome is unknown/.test(e.message) && e.message.includes(`collection ${id}`),
    );
    fx.lab.setFaults({});
    const rules = (await backend.getCollection(id)).rules.filter((r) => r.kind === 'direct' && r.resourceId === device);
    assert.ok(rules.length <= 1, 'the rule was added at most once');
    if (rules.length === 1) await backend.removeDirectMembershipRule(id, { resourceId: device, ruleName: 'dropped-write' });
  });

  it("a 500 surfaces the provider's message", async () => {
    const backend = fx.connect();
    fx.lab.setFaults({ failMethod: 'RequestRefresh' });
    await assert.rejects(backend.requestCollectionRefresh(fx.facts.directCollection.id), (e: unknown) => {
      assert.ok(e instanceof SiteError);
      assert.equal(e.kind, 'server');
      assert.ok(e.details.providerMessage && e.message.includes(e.details.providerMessage), e.message);
      return true;
    });
  });

  it('a wrong password is an auth error that never shows the password', async () => {
    const wrong = 'N0t-The-Password!';
    const backend = fx.connect({}, wrong);
    const err = await backend.getSiteInfo().then(
      () => assert.fail('signed in with a wrong password'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof SiteError);
    assert.equal(err.kind, 'auth');
    assert.ok(!`${err.message}${JSON.stringify(err.details)}`.includes(wrong));
  });

  it('an untrusted certificate without a pin is a tls error', async () => {
    const backend = fx.connect({ certificateThumbprint: undefined, caFile: undefined });
    await assert.rejects(backend.getSiteInfo(), (e: unknown) => e instanceof SiteError && e.kind === 'tls' && /pin the certificate thumbprint/.test(e.message));
  });
});

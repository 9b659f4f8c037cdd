import * as assert from 'node:assert/strict';
import { startFixture, type LabFixture } from './support/fixture';

describe('lab site: fault injection', () => {
  let f: LabFixture;
  before(async () => {
    f = await startFixture();
  });
  afterEach(() => f.lab.setFaults({}));
  after(async () => {
    await f.close();
  });
  const statuses = async (n: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await f.admin.request('GET', '/wmi/SMS_Site')).status);
    return out;
  };

  it('answers every Nth request with 500 and a provider error body', async () => {
    await f.admin.request('GET', '/wmi/SMS_Site');
    f.lab.setFaults({ error500Every: 3 });
    assert.deepEqual(await statuses(6), [200, 200, 500, 200, 200, 500]);
    f.lab.setFaults({ error500Every: 2 });
    await f.admin.request('GET', '/wmi/SMS_Site');
    const res = await f.admin.request('GET', '/wmi/SMS_Site');
    assert.equal(res.status, 500);
    assert.equal((res.json as { error: { code: string } }).error.code, '500');
  });

  it('answers every Nth request with 503 and Retry-After', async () => {
    await f.admin.request('GET', '/wmi/SMS_Site');
    f.lab.setFaults({ throttle503Every: 2 });
    assert.equal((await f.admin.request('GET', '/wmi/SMS_Site')).status, 200);
    const res = await f.admin.request('GET', '/wmi/SMS_Site');
    assert.equal(res.status, 503);
    assert.equal(res.headers['retry-after'], '1');
  });

  it('drops the connection of every Nth request', async () => {
    await f.admin.request('GET', '/wmi/SMS_Site');
    f.lab.setFaults({ dropConnectionEvery: 2 });
    assert.equal((await f.admin.request('GET', '/wmi/SMS_Site')).status, 200);
    await assert.rejects(f.admin.request('GET', '/wmi/SMS_Site'), /socket hang up|ECONNRESET/);
    assert.equal((await f.admin.request('GET', '/wmi/SMS_Site')).status, 200, 'a new connection authenticates again');
  });

  it('fails calls of a named method with the provider message, other calls still work', async () => {
    f.lab.setFaults({ failMethod: 'RequestRefresh' });
    const res = await f.admin.request('POST', "/wmi/SMS_Collection('SMSDM003')/AdminService.RequestRefresh", {});
    assert.equal(res.status, 500);
    assert.match((res.json as { error: { message: string } }).error.message, /RequestRefresh failed/);
    assert.equal((await f.admin.request('GET', '/wmi/SMS_Identification.GetSiteID')).status, 201);
  });

  it('adds latency to every response', async () => {
    await f.admin.request('GET', '/wmi/SMS_Site');
    f.lab.setFaults({ latencyMs: 120 });
    const started = process.hrtime.bigint();
    assert.equal((await f.admin.request('GET', '/wmi/SMS_Site')).status, 200);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 >= 115);
  });

  it('stopping the lab leaves no latency timer behind', async () => {
    const lab = await startFixture({ faults: { latencyMs: 30_000 } });
    const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const baseline = timers();
    const pending = lab.admin.request('GET', '/wmi/SMS_Site').then(
      () => 'answered',
      () => 'dropped',
    );
    while (timers() <= baseline) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 100)); // the request is in the lab, waiting out its latency
    await lab.close();
    assert.equal(await pending, 'dropped');
    assert.ok(timers() <= baseline, 'the 30 s latency wait was cleared');
  });
});

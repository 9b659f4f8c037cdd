import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { odataQuery } from './support/labClient';
import { startFixture, type LabFixture } from './support/fixture';

type Entity = Record<string, unknown>;

/** The CMTrace record regex of reference/log-formats.md. */
const CMTRACE =
  /<!\[LOG\[(?<message>[\s\S]*?)\]LOG\]!><time="(?<time>\d{1,2}:\d{2}:\d{2}(?:\.\d{1,7})?)(?<bias>[+-]\d{1,4})?"\s+date="(?<date>\d{1,2}-\d{1,2}-\d{4})"\s+component="(?<component>[^"]*)"\s+context="(?<context>[^"]*)"\s+type="(?<type>\d*)"\s+thread="(?<thread>[^"]*)"(?:\s+file="(?<file>[^"]*)")?\s*>/g;

interface LogRecord {
  message: string;
  component: string;
  type: number;
  utcMillis: number;
  bias: number;
}

function readLog(file: string): { raw: Buffer; records: LogRecord[] } {
  const raw = readFileSync(file);
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  const records = [...text.matchAll(CMTRACE)].map((m) => {
    const g = m.groups!;
    const [h, mi, s] = g.time.split(':');
    const [mo, d, y] = g.date.split('-').map(Number);
    const bias = Number(g.bias);
    // UTC = local time + bias (Windows TIME_ZONE_INFORMATION convention).
    const utcMillis = Date.UTC(y, mo - 1, d, Number(h), Number(mi), 0, 0) + Math.round(Number(s) * 1000) + bias * 60_000;
    return { message: g.message, component: g.component, type: Number(g.type), utcMillis, bias };
  });
  return { raw, records };
}

describe('lab site: client notifications and lab client logs', () => {
  let f: LabFixture;
  let pilotId: string;
  let pilotMembers: Entity[];
  const savedTz = process.env.TZ;
  before(async () => {
    // A zone with a non-zero bias, so a sign error in the bias would show.
    process.env.TZ = 'America/New_York';
    f = await startFixture();
    [{ CollectionID: pilotId }] = (await f.values(`/wmi/SMS_Collection${odataQuery({ $filter: "Name eq 'Pilot - Line-of-Business Apps'", $select: 'CollectionID' })}`)) as Array<{ CollectionID: string }>;
    pilotMembers = await f.values(`/wmi/SMS_FullCollectionMembership${odataQuery({ $filter: `CollectionID eq '${pilotId}'` })}`);
  });
  after(async () => {
    await f.close();
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  const initiate = (body: Entity) => f.admin.request('POST', '/wmi/SMS_ClientOperation.InitiateClientOperation', body);

  it('machine policy: online members write policy and app enforcement logs, status counts add up', async () => {
    const started = Date.now();
    const res = await initiate({ Type: 8, TargetCollectionID: pilotId, TargetResourceIDs: [], RandomizationWindow: 1 });
    assert.equal(res.status, 201);
    const operationId = (res.json as Entity).OperationID as number;
    assert.ok(operationId > 16777216);
    const [pending] = await f.values(`/wmi/SMS_ClientOperationStatus(${operationId})`);
    assert.equal(pending.TotalClients, pilotMembers.length);
    assert.equal((await f.values(`/wmi/SMS_ClientOperation(${operationId})`))[0].CollectionID, pilotId);
    await f.lab.idle();

    const [status] = await f.values(`/wmi/SMS_ClientOperationStatus(${operationId})`);
    const online = pilotMembers.filter((m) => m.IsClient === true && m.IsActive === true);
    assert.equal(status.CompletedClients as number + (status.FailedClients as number), online.length);
    assert.equal(status.OfflineClients, pilotMembers.length - online.length);
    assert.ok((status.FailedClients as number) > 0, 'the pilot gets line-of-business apps that fail');
    assert.equal(status.State, 2);

    const logs = path.join(f.lab.clientsDir, String(online[0].Name), 'Logs');
    const policy = readLog(path.join(logs, 'PolicyAgent.log'));
    assert.deepEqual([...policy.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    assert.ok(policy.raw.toString('utf8').split('\n').slice(0, -1).every((line) => line.endsWith('\r')), 'CRLF line ends');
    assert.ok(policy.records.some((r) => r.component === 'PolicyAgent_RequestAssignments' && r.message === 'Requesting Machine policy assignments'));
    assert.ok(policy.records.some((r) => r.message.includes('\r\n')), 'a multi-line record (WMI event dump)');
    for (const r of policy.records) {
      assert.equal(r.bias, new Date(r.utcMillis).getTimezoneOffset(), 'Windows bias sign: positive west of UTC');
      assert.ok(Math.abs(r.utcMillis - started) < 60_000, `time ${new Date(r.utcMillis).toISOString()} is now`);
    }
    assert.ok(readLog(path.join(logs, 'PolicyEvaluator.log')).records.length > 0);
    assert.ok(readLog(path.join(logs, 'AppDiscovery.log')).records.some((r) => r.component === 'AppDiscovery'));
    const enforce = readLog(path.join(logs, 'AppEnforce.log')).records;
    assert.ok(enforce.some((r) => r.message.includes('Unmatched exit code (1603) is considered an execution failure.')));
    assert.ok(enforce.some((r) => r.type === 3 && r.message.includes('0x87D00324')));
    assert.ok(enforce.some((r) => r.message.includes('Executing Command line: SapGuiSetup.exe')));

    for (const offline of pilotMembers.filter((m) => !online.includes(m))) assert.ok(!existsSync(path.join(f.lab.clientsDir, String(offline.Name))));
    const summaries = await f.values(`/wmi/SMS_DeploymentSummary${odataQuery({ $filter: `CollectionID eq '${pilotId}' and SoftwareName eq 'SAP GUI for Windows 8.00 PL8'` })}`);
    assert.equal(summaries[0].NumberErrors, online.length);
    assert.equal(summaries[0].NumberTargeted, pilotMembers.length);
  });

  it('application evaluation (13) on one device writes AppDiscovery but no policy request', async () => {
    const target = pilotMembers.find((m) => m.IsClient === true && m.IsActive === true)!;
    const logs = path.join(f.lab.clientsDir, String(target.Name), 'Logs');
    const before = readLog(path.join(logs, 'PolicyAgent.log')).records.length;
    const discoveryBefore = readLog(path.join(logs, 'AppDiscovery.log')).records.length;
    const res = await initiate({ Type: 13, TargetCollectionID: '', TargetResourceIDs: [target.ResourceID] });
    assert.equal(res.status, 201);
    await f.lab.idle();
    assert.equal(readLog(path.join(logs, 'PolicyAgent.log')).records.length, before);
    assert.ok(readLog(path.join(logs, 'AppDiscovery.log')).records.length > discoveryBefore);
  });

  it('counts an offline target as offline and writes nothing for it', async () => {
    const [offline] = await f.values(`/wmi/SMS_FullCollectionMembership${odataQuery({ $filter: "CollectionID eq 'SMS00001' and IsClient eq true and IsActive eq false", $top: 1 })}`);
    const res = await initiate({ Type: 8, TargetCollectionID: 'SMS00001', TargetResourceIDs: [offline.ResourceID] });
    const id = (res.json as Entity).OperationID;
    await f.lab.idle();
    const [status] = await f.values(`/wmi/SMS_ClientOperationStatus(${id})`);
    assert.deepEqual([status.TotalClients, status.OfflineClients, status.CompletedClients, status.State], [1, 1, 0, 3]);
    assert.ok(!existsSync(path.join(f.lab.clientsDir, String(offline.Name))));
  });

  it('a client whose log cannot be written counts as failed, and the operation still completes', async () => {
    const target = pilotMembers.filter((m) => m.IsClient === true && m.IsActive === true)[1];
    const folder = path.join(f.lab.clientsDir, String(target.Name));
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(f.lab.clientsDir, { recursive: true });
    writeFileSync(folder, 'a file where the client folder should be');
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const res = await initiate({ Type: 13, TargetCollectionID: '', TargetResourceIDs: [target.ResourceID] });
      await f.lab.idle();
      const [status] = await f.values(`/wmi/SMS_ClientOperationStatus(${(res.json as Entity).OperationID as number})`);
      assert.deepEqual([status.TotalClients, status.FailedClients, status.State], [1, 1, 2]);
    } finally {
      process.stderr.write = write;
      rmSync(folder, { force: true });
    }
    assert.ok(written.some((line) => line.includes(String(target.Name))), 'the lab reported the failure with its path');
  });

  it('validates the type, the collection and that targets are members', async () => {
    const outsider = (await f.values(`/wmi/SMS_R_System${odataQuery({ $filter: "startswith(Name,'SRV-')", $top: 1 })}`))[0];
    for (const body of [
      { Type: 99, TargetCollectionID: pilotId },
      { Type: 8, TargetCollectionID: 'PS1FFFFF' },
      { Type: 8, TargetCollectionID: pilotId, TargetResourceIDs: [outsider.ResourceId] },
    ]) {
      const res = await initiate(body);
      assert.equal(res.status, 500, JSON.stringify(body));
      assert.equal((res.json as { error: { code: string } }).error.code, '500');
    }
    // A string where the signature has UInt32 does not bind: 404 naming the parameter (reference §1.4).
    const wrongType = await initiate({ Type: '8', TargetCollectionID: pilotId });
    assert.equal(wrongType.status, 404);
    assert.match((wrongType.json as { error: { message: string } }).error.message, /'Type'/);
  });
});

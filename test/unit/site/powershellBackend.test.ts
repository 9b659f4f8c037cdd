import * as assert from 'node:assert/strict';
import { SiteError } from '../../../src/core/site/errors';
import { PowerShellBackend } from '../../../src/core/site/powershell/PowerShellBackend';
import type { PowerShellRunner, PowerShellScriptRun } from '../../../src/core/site/powershell/PowerShellRunner';
import { SCRIPTS, buildInvocationLine } from '../../../src/core/site/powershell/scripts';
import { CancellationError, CancellationSource } from '../../../src/core/util/cancellation';
import { commandCalls, powerShellParser, stringLiterals, syntaxProblems } from './support/powershellSyntax';

/** Records every script the backend would run and answers with canned output. */
class CapturingRunner implements PowerShellRunner {
  readonly runs: PowerShellScriptRun[] = [];
  constructor(private readonly answer: (run: PowerShellScriptRun) => unknown) {}
  async run(run: PowerShellScriptRun): Promise<string> {
    this.runs.push(run);
    const data = this.answer(run);
    return `WARNING: something a module printed\n${JSON.stringify(data instanceof Failure ? { ok: false, error: data.error } : { ok: true, data })}\n`;
  }
  dispose(): void {}
}

class Failure {
  constructor(readonly error: Record<string, unknown>) {}
}

const HOSTILE = [`'`, `"`, '`', '$(Remove-Item C:\\ -Recurse)', '; Stop-Computer', '\\', '‘’“”', '${env:PATH}', '| Out-File x'];
/** Search text may not hold newlines (refused before any script runs); names may. */
const HOSTILE_TEXT = HOSTILE.join(' ');
const HOSTILE_NAME = `${HOSTILE_TEXT}\nline2\r\n@'\n'@`;
/** Pieces of the hostile text that no template contains, so finding one would mean it was pasted in. */
const MARKERS = ['Remove-Item', 'Stop-Computer', 'env:PATH', '‘', '“', 'Out-File', 'line2'];

/** Reads a WQL literal back (backslash escapes the next character). */
function readWqlLiteral(literal: string): string {
  let out = '';
  for (let i = 1; i < literal.length - 1; i++) {
    const c = literal[i];
    if (c === '\\') out += literal[++i];
    else {
      assert.notEqual(c, "'", 'unescaped quote inside a WQL literal');
      out += c;
    }
  }
  return out;
}

function page(items: unknown[], hasMore = false): unknown {
  return { items, hasMore };
}

describe('PowerShell backend: the scripts it would run', () => {
  it('every template and the invocation line parse without ERROR or MISSING nodes', async () => {
    const parser = await powerShellParser();
    for (const [name, script] of Object.entries(SCRIPTS)) {
      assert.deepEqual(syntaxProblems(parser.parse(script).rootNode), [], name);
      assert.deepEqual(syntaxProblems(parser.parse(buildInvocationLine(script, { Filter: HOSTILE_TEXT })).rootNode), [], `${name} invocation`);
    }
  });

  it('the invocation line carries the script and payload only as base64 literals', async () => {
    const parser = await powerShellParser();
    const line = buildInvocationLine(SCRIPTS.listCollections, { Filter: HOSTILE_NAME });
    for (const marker of MARKERS) assert.ok(!line.includes(marker), marker);
    const literals = stringLiterals(parser.parse(line).rootNode);
    assert.equal(literals.length, 2);
    for (const literal of literals) assert.match(literal, /^'[A-Za-z0-9+/=]+'$/);
    const [scriptLiteral, payloadLiteral] = literals.map((l) => Buffer.from(l.slice(1, -1), 'base64').toString('utf8'));
    assert.equal(scriptLiteral, SCRIPTS.listCollections);
    assert.deepEqual(JSON.parse(payloadLiteral), { Filter: HOSTILE_NAME });
  });

  it('lists a folder with Get-CimInstance against root\\sms\\site_<code>, the WQL escaped and passed as a parameter', async () => {
    const runner = new CapturingRunner(() => page([{ __CLASS: 'SMS_Collection', CollectionID: 'PS100001', Name: 'A', CollectionType: 2, ObjectPath: '/x' }], true));
    const backend = new PowerShellBackend({ providerHost: 'cm01.lab.local', siteCode: 'PS1', runner });
    const result = await backend.listCollections({ top: 1, skip: 2, folderPath: `/Ops/${HOSTILE_TEXT}`, search: HOSTILE_TEXT });
    assert.deepEqual(result.items.map((c) => c.id), ['PS100001']);
    assert.equal(result.hasMore, true);

    const [run] = runner.runs;
    assert.equal(run.script, SCRIPTS.listCollections, 'the script text is the constant template');
    for (const marker of MARKERS) assert.ok(!run.script.includes(marker), marker);

    const parser = await powerShellParser();
    const calls = commandCalls(parser.parse(run.script).rootNode);
    const cim = calls.filter((c) => c.name === 'Get-CimInstance');
    assert.deepEqual(
      cim.map((c) => c.line),
      ['Get-CimInstance -Namespace $namespace -ClassName SMS_Collection -Filter $filter -Property $properties -ComputerName $provider'],
    );
    assert.match(run.script, /\$namespace = 'root\\sms\\site_' \+ \[string\]\$payload\.SiteCode/);
    assert.match(run.script, /\$filter = \[string\]\$payload\.Filter/);

    assert.equal(run.payload.Provider, 'cm01.lab.local');
    assert.equal(run.payload.SiteCode, 'PS1');
    assert.equal(run.payload.Skip, 2);
    assert.equal(run.payload.Top, 1);
    const filter = String(run.payload.Filter);
    const match = /^\(CollectionType = 2\) AND \(ObjectPath = ('.*')\) AND \(Name LIKE ('.*')\)$/s.exec(filter);
    assert.ok(match, filter);
    // Folder paths use `/`; a backslash typed Windows-style is read as a separator.
    assert.equal(readWqlLiteral(match[1]), `/Ops/${HOSTILE_TEXT.replace(/\\/g, '/')}`);
    // LIKE also brackets its wildcards; none are in the hostile text, so only the % around it differ.
    assert.equal(readWqlLiteral(match[2]), `%${HOSTILE_TEXT}%`);
  });

  it('adds a direct rule with New-CimInstance -ClientOnly and Invoke-CimMethod on the collection', async () => {
    const runner = new CapturingRunner(() => ({ ReturnValue: 0 }));
    const backend = new PowerShellBackend({ providerHost: 'cm01', siteCode: 'PS1', runner });
    await backend.addDirectMembershipRule('PS100012', { resourceId: 16777220, ruleName: HOSTILE_NAME });
    const [run] = runner.runs;
    assert.equal(run.script, SCRIPTS.addDirectMembershipRule);
    for (const marker of MARKERS) assert.ok(!run.script.includes(marker), marker);
    const parser = await powerShellParser();
    const lines = commandCalls(parser.parse(run.script).rootNode)
      .filter((c) => /-Cim/.test(c.name))
      .map((c) => c.line);
    assert.deepEqual(lines, [
      'Get-CimInstance -Namespace $namespace -ClassName SMS_Collection -Filter $filter -ComputerName $provider',
      'New-CimInstance -Namespace $namespace -ClassName SMS_CollectionRuleDirect -Property $ruleProperties -ClientOnly',
      'Invoke-CimMethod -InputObject $collection -MethodName AddMembershipRule -Arguments @{ collectionRule = [ciminstance]$rule }',
    ]);
    assert.deepEqual(run.payload, { Provider: 'cm01', SiteCode: 'PS1', Filter: "CollectionID = 'PS100012'", RuleName: HOSTILE_NAME, ResourceId: 16777220 });
    assert.match(run.script, /ResourceID = \[uint32\]\$payload\.ResourceId/);
  });

  it('removes with DeleteMembershipRule and refreshes with RequestRefresh', async () => {
    const runner = new CapturingRunner(() => ({ ReturnValue: 0 }));
    const backend = new PowerShellBackend({ providerHost: 'cm01', siteCode: 'PS1', runner });
    await backend.removeDirectMembershipRule('PS100012', { resourceId: 5, ruleName: 'PC5' });
    await backend.requestCollectionRefresh('PS100012');
    const parser = await powerShellParser();
    const methods = runner.runs.map((r) => commandCalls(parser.parse(r.script).rootNode).find((c) => c.name === 'Invoke-CimMethod')?.parameters.get('-MethodName'));
    assert.deepEqual(methods, ['DeleteMembershipRule', 'RequestRefresh']);
  });

  it('imports a machine and starts a client operation with static Invoke-CimMethod calls', async () => {
    const runner = new CapturingRunner((run) => (run.operation === 'importMachineEntry' ? { ReturnValue: 0, ResourceID: 16777300, MachineExists: false } : { ReturnValue: 0, OperationID: 77 }));
    const backend = new PowerShellBackend({ providerHost: 'cm01', siteCode: 'PS1', runner });
    assert.deepEqual(await backend.importMachineEntry({ name: 'PC-NEW', macAddress: '00155d010203', overwriteExistingRecord: true }), { resourceId: 16777300, machineExists: false });
    assert.deepEqual(await backend.initiateClientOperation({ type: 8, collectionId: 'PS100012', resourceIds: [5, 6] }), { operationId: 77 });
    const parser = await powerShellParser();
    const lines = runner.runs.map((r) => commandCalls(parser.parse(r.script).rootNode).find((c) => c.name === 'Invoke-CimMethod')?.line);
    assert.deepEqual(lines, [
      'Invoke-CimMethod -Namespace $namespace -ClassName SMS_Site -MethodName ImportMachineEntry -Arguments $arguments -ComputerName $provider',
      'Invoke-CimMethod -Namespace $namespace -ClassName SMS_ClientOperation -MethodName InitiateClientOperation -Arguments $arguments -ComputerName $provider',
    ]);
    assert.deepEqual(runner.runs[0].payload, { Provider: 'cm01', SiteCode: 'PS1', NetbiosName: 'PC-NEW', OverwriteExistingRecord: true, MACAddress: '00:15:5D:01:02:03' });
    assert.deepEqual(runner.runs[1].payload, { Provider: 'cm01', SiteCode: 'PS1', Type: 8, TargetCollectionID: 'PS100012', TargetResourceIDs: [5, 6] });
  });

  it('looks devices up with one OR-ed WQL filter, each literal escaped', async () => {
    const runner = new CapturingRunner(() => [{ __CLASS: 'SMS_R_System', ResourceId: 5, Name: "O'Brien-PC", MACAddresses: ['00:15:5D:00:00:05'] }]);
    const backend = new PowerShellBackend({ providerHost: 'cm01', siteCode: 'PS1', runner });
    const devices = await backend.findDevices({ name: "O'Brien-PC", macAddress: '00-15-5D-00-00-05' });
    assert.deepEqual(devices.map((d) => d.resourceId), [5]);
    assert.equal(runner.runs[0].payload.Filter, "(Name = 'O\\'Brien-PC') OR (MACAddresses = '00:15:5D:00:00:05')");
  });

  it('reads a collection with its lazy rules, and a missing one is notFound', async () => {
    let found = true;
    const runner = new CapturingRunner(() =>
      found
        ? { __CLASS: 'SMS_Collection', CollectionID: 'PS100012', Name: 'Pilot', CollectionType: 2, CollectionRules: [{ __CLASS: 'SMS_CollectionRuleDirect', RuleName: 'PC5', ResourceID: 5, ResourceClassName: 'SMS_R_System' }] }
        : null,
    );
    const backend = new PowerShellBackend({ providerHost: 'cm01', siteCode: 'PS1', runner });
    const detail = await backend.getCollection('PS100012');
    assert.deepEqual(detail.rules, [{ kind: 'direct', ruleName: 'PC5', resourceId: 5, resourceClassName: 'SMS_R_System' }]);
    const parser = await powerShellParser();
    const gets = commandCalls(parser.parse(runner.runs[0].script).rootNode).filter((c) => c.name === 'Get-CimInstance');
    assert.equal(gets.length, 2, 'a second, keyed Get-CimInstance fills the lazy properties');
    found = false;
    await assert.rejects(backend.getCollection('PS1FFFFF'), (e: unknown) => e instanceof SiteError && e.kind === 'notFound' && /PS1FFFFF/.test(e.message));
  });

  it('finds the site code from SMS_ProviderLocation when none is set', async () => {
    const runner = new CapturingRunner((run) => (run.operation === 'discoverSiteCode' ? [{ SiteCode: 'LAB' }] : [{ SiteCode: 'LAB', SiteName: 'Lab', Version: '5.00.9128.1000' }]));
    const backend = new PowerShellBackend({ providerHost: 'cm01', runner });
    const info = await backend.getSiteInfo();
    assert.equal(info.siteCode, 'LAB');
    assert.equal(info.buildNumber, 9128);
    assert.deepEqual(runner.runs.map((r) => r.operation), ['discoverSiteCode', 'getSiteInfo']);
    assert.equal(runner.runs[1].payload.SiteCode, 'LAB');
    const parser = await powerShellParser();
    assert.deepEqual(
      commandCalls(parser.parse(runner.runs[0].script).rootNode).find((c) => c.name === 'Get-CimInstance')?.line,
      "Get-CimInstance -Namespace root\\sms -ClassName SMS_ProviderLocation -Filter 'ProviderForLocalSite = TRUE' -ComputerName $provider",
    );
  });

  it('maps CIM failures to SiteError kinds', async () => {
    const cases: [number, string, string][] = [
      [0x80041003, 'AccessDenied', 'forbidden'],
      [0x80070005, '', 'auth'],
      [0x800706ba, '', 'network'],
      [0x8004100e, 'InvalidNamespace', 'notFound'],
      [0x80041008, 'InvalidParameter', 'badRequest'],
      [0x80004005, '', 'server'],
    ];
    for (const [hresult, nativeErrorCode, kind] of cases) {
      const runner = new CapturingRunner(() => new Failure({ message: 'provider said no', hresult: hresult | 0, nativeErrorCode, type: 'Microsoft.Management.Infrastructure.CimException' }));
      const backend = new PowerShellBackend({ providerHost: 'cm01', siteCode: 'PS1', runner });
      await assert.rejects(backend.requestCollectionRefresh('PS100012'), (e: unknown) => e instanceof SiteError && e.kind === kind && /provider said no/.test(e.message), kind);
    }
  });

  it('reads Windows PowerShell 5.1 arrays written as {value, Count}', async () => {
    const runner = new CapturingRunner(() => ({ value: [{ __CLASS: 'SMS_DeploymentSummary', DeploymentID: 'D1', SoftwareName: 'App', FeatureType: 1, DeploymentIntent: 2 }], Count: 1 }));
    const backend = new PowerShellBackend({ providerHost: 'cm01', siteCode: 'PS1', runner });
    const deployments = await backend.listDeployments('PS100012');
    assert.deepEqual(deployments.map((d) => [d.deploymentId, d.feature, d.intent]), [['D1', 'application', 'available']]);
  });

  it('passes the cancellation token to the runner', async () => {
    const source = new CancellationSource();
    const runner: PowerShellRunner = {
      run: (_run, options) =>
        new Promise((_resolve, reject) => {
          options?.token?.onCancellationRequested(() => reject(new CancellationError()));
        }),
      dispose: () => undefined,
    };
    const backend = new PowerShellBackend({ providerHost: 'cm01', siteCode: 'PS1', runner });
    const pending = backend.getDevice(5, { token: source.token });
    source.cancel();
    await assert.rejects(pending, CancellationError);
  });

  it('refuses a search with a newline before running anything', async () => {
    const runner = new CapturingRunner(() => page([]));
    const backend = new PowerShellBackend({ providerHost: 'cm01', siteCode: 'PS1', runner });
    await assert.rejects(backend.listCollections({ top: 5, search: 'a\nb' }), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput');
    assert.equal(runner.runs.length, 0);
  });

  it('refuses a provider host that is not a host name', () => {
    assert.throws(() => new PowerShellBackend({ providerHost: 'cm01; Stop-Computer', runner: new CapturingRunner(() => null) }), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput');
  });
});

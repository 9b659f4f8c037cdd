import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SiteError } from '../../../src/core/site/errors';
import { NodePowerShellRunner } from '../../../src/core/site/powershell/PowerShellRunner';
import { buildInvocationLine } from '../../../src/core/site/powershell/scripts';
import { CancellationError, CancellationSource } from '../../../src/core/util/cancellation';
import { readFakePwshLog, writeFakePwsh } from './support/fakePwsh';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('PowerShell runner (node-powershell host)', function () {
  this.timeout(20_000);
  if (process.platform === 'win32') return; // the stand-in host is a shebang script
  let dir: string;
  let runner: NodePowerShellRunner | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-pwsh-'));
    writeFakePwsh(dir);
  });

  afterEach(() => {
    runner?.dispose();
    runner = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const env = (): NodeJS.ProcessEnv => ({ PATH: dir });
  const script = 'param([string]$EncodedPayload)\n"constant"';

  it('starts pwsh -NoProfile -NonInteractive and sends exactly the invocation line', async () => {
    runner = new NodePowerShellRunner({ env: env() });
    const payload = { Behavior: 'echo', Filter: "Name = 'O\\'Brien'", Text: '$(Stop-Computer); `"\n' };
    const stdout = await runner.run({ operation: 'test', script, payload });
    assert.deepEqual(JSON.parse(stdout.trim()), { ok: true, data: payload });
    const log = readFakePwshLog(dir);
    const started = log.find((e) => e.argv);
    assert.ok(started?.argv?.includes('-NoProfile'));
    assert.ok(started?.argv?.includes('-NonInteractive'));
    assert.equal(log.find((e) => e.line)?.line, buildInvocationLine(script, payload));
    assert.equal(log.filter((e) => e.unexpected).length, 0);
  });

  it('runs scripts one after another in the same host', async () => {
    runner = new NodePowerShellRunner({ env: env() });
    const answers = await Promise.all([1, 2, 3].map((n) => runner!.run({ operation: 'test', script, payload: { Behavior: 'echo', n } })));
    assert.deepEqual(answers.map((a) => (JSON.parse(a.trim()) as { data: { n: number } }).data.n), [1, 2, 3]);
    assert.equal(readFakePwshLog(dir).filter((e) => e.argv).length, 1);
  });

  it('cancelling kills the host and the processes it started, then a new host serves the next run', async () => {
    runner = new NodePowerShellRunner({ env: env() });
    const source = new CancellationSource();
    const pending = runner.run({ operation: 'test', script, payload: { Behavior: 'hang' } }, { token: source.token });
    const child = await waitFor(() => readFakePwshLog(dir).find((e) => e.child)?.child);
    const host = readFakePwshLog(dir).find((e) => e.pid)!.pid!;
    source.cancel();
    await assert.rejects(pending, CancellationError);
    await waitFor(() => (!isAlive(child) && !isAlive(host) ? true : undefined));
    const again = await runner.run({ operation: 'test', script, payload: { Behavior: 'echo', n: 4 } });
    assert.equal((JSON.parse(again.trim()) as { data: { n: number } }).data.n, 4);
  });

  it('cancelling a run that still waits for its turn leaves the running script and its host alone', async () => {
    runner = new NodePowerShellRunner({ env: env() });
    const first = new CancellationSource();
    const second = new CancellationSource();
    const running = runner.run({ operation: 'test', script, payload: { Behavior: 'hang' } }, { token: first.token });
    const waiting = runner.run({ operation: 'test', script, payload: { Behavior: 'echo', n: 2 } }, { token: second.token });
    const child = await waitFor(() => readFakePwshLog(dir).find((e) => e.child)?.child);
    const host = readFakePwshLog(dir).find((e) => e.pid)!.pid!;
    second.cancel();
    await assert.rejects(waiting, CancellationError);
    const outcome = await Promise.race([running.then(() => 'settled', () => 'settled'), new Promise((r) => setTimeout(() => r('pending'), 800))]);
    assert.equal(outcome, 'pending', 'the first script still runs');
    assert.ok(isAlive(host) && isAlive(child), 'the host running the first script is still there');
    assert.equal(readFakePwshLog(dir).filter((e) => e.payload?.n === 2).length, 0, 'the cancelled run never reached the host');
    first.cancel();
    await assert.rejects(running, CancellationError);
  });

  it('a run queued behind one that times out runs on a new host, with its own full timeout', async () => {
    runner = new NodePowerShellRunner({ env: env(), timeoutMs: 1500 });
    const stuck = runner.run({ operation: 'listCollections', script, payload: { Behavior: 'hang' } });
    const next = runner.run({ operation: 'test', script, payload: { Behavior: 'echo', n: 5 } });
    await assert.rejects(stuck, (e: unknown) => e instanceof SiteError && /did not finish/.test(e.message));
    assert.equal((JSON.parse((await next).trim()) as { data: { n: number } }).data.n, 5);
    assert.equal(readFakePwshLog(dir).filter((e) => e.argv).length, 2, 'a second host served the queued run');
  });

  it('dispose kills a script in progress with its processes and ends the runs still waiting', async () => {
    runner = new NodePowerShellRunner({ env: env() });
    const running = runner.run({ operation: 'test', script, payload: { Behavior: 'hang' } });
    const waiting = runner.run({ operation: 'test', script, payload: { Behavior: 'echo', n: 6 } });
    const child = await waitFor(() => readFakePwshLog(dir).find((e) => e.child)?.child);
    const host = readFakePwshLog(dir).find((e) => e.pid)!.pid!;
    runner.dispose();
    await assert.rejects(running, CancellationError);
    await assert.rejects(waiting, CancellationError);
    await waitFor(() => (!isAlive(child) && !isAlive(host) ? true : undefined));
    assert.equal(readFakePwshLog(dir).filter((e) => e.argv).length, 1, 'no host was started after dispose');
  });

  it('stops a script that runs past the timeout with a powershell error', async () => {
    runner = new NodePowerShellRunner({ env: env(), timeoutMs: 300 });
    await assert.rejects(
      runner.run({ operation: 'listCollections', script, payload: { Behavior: 'hang' } }),
      (e: unknown) => e instanceof SiteError && e.kind === 'powershell' && /did not finish "listCollections"/.test(e.message),
    );
  });

  it('says clearly when PowerShell is not installed', async () => {
    runner = new NodePowerShellRunner({ env: { PATH: path.join(dir, 'empty') }, platform: 'linux' });
    await assert.rejects(runner.run({ operation: 'test', script, payload: {} }), (e: unknown) => e instanceof SiteError && e.kind === 'powershell' && /PowerShell was not found/.test(e.message));
    const configured = new NodePowerShellRunner({ executablePath: path.join(dir, 'nope', 'pwsh') });
    await assert.rejects(configured.run({ operation: 'test', script, payload: {} }), (e: unknown) => e instanceof SiteError && e.kind === 'powershell' && /nope/.test(e.message));
  });
});

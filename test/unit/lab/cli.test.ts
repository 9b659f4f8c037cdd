import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { runCli } from '../../../src/core/cli/main';
import type { CliIo } from '../../../src/core/cli/args';
import { LabHttpClient } from './support/labClient';
import { tempDir } from './support/fixture';

describe('sccm-workbench lab', () => {
  const cwd = tempDir();
  after(() => rmSync(cwd, { recursive: true, force: true }));
  const io = (out: string[], err: string[]): CliIo => ({ stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {} });

  it('lab start --json prints one JSON line, serves, and stops at --max-runtime', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const running = runCli(['lab', 'start', '--small', '--json', '--max-runtime', '2', '--refresh-delay', '100'], io(out, err));
    while (!out.length) await new Promise((r) => setTimeout(r, 20));
    const details = JSON.parse(out[0]) as { baseUrl: string; certificateThumbprint: string; certificateSha256: string; accountsPath: string; clientsDir: string; certificatePath: string };
    assert.match(details.baseUrl, /^https:\/\/127\.0\.0\.1:\d+\/AdminService$/);
    assert.match(details.certificateThumbprint, /^[0-9A-F]{40}$/);
    assert.match(details.certificateSha256, /^[0-9A-F]{64}$/);
    assert.ok(details.accountsPath.startsWith(cwd) && existsSync(details.accountsPath));
    assert.doesNotMatch(out.join(''), /password/i);
    const { readFileSync } = await import('node:fs');
    const accounts = JSON.parse(readFileSync(details.accountsPath, 'utf8')) as { accounts: Array<{ user: string; password: string }> };
    for (const a of accounts.accounts) assert.ok(!out.join('').includes(a.password));
    const client = new LabHttpClient({ baseUrl: details.baseUrl, certificatePem: readFileSync(details.certificatePath, 'utf8') }, accounts.accounts[0]);
    assert.equal((await client.request('GET', '/wmi/SMS_Site')).status, 200);
    client.close();
    assert.equal(await running, 0);
    assert.deepEqual(err, []);
  });

  it('lab status reports no running lab with exit code 1, and bad options are usage errors', async () => {
    const out: string[] = [];
    assert.equal(await runCli(['lab', 'status'], io(out, [])), 1);
    assert.match(out.join(''), /No lab site is running/);
    assert.equal(await runCli(['lab', 'start', '--port', 'x'], io([], [])), 2);
    assert.equal(await runCli(['lab', 'start', '--seed', '--small'], io([], [])), 2);
    assert.equal(await runCli(['lab', 'fly'], io([], [])), 2);
  });
});

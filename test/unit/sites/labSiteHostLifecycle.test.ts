import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRunningLab } from '../../../src/core/lab/labSite';
import type { Logger } from '../../../src/platform/logger';
import { LabSiteHost } from '../../../src/sites/LabSiteHost';
import type { SiteSettings } from '../../../src/sites/SiteSettings';

/** Only what LabSiteHost reads from the settings and the log. */
function host(dataDir: string): LabSiteHost {
  const settings = { labDataFolder: dataDir, labFaults: {}, onDidChangeLabFaults: () => ({ dispose: () => undefined }) } as unknown as SiteSettings;
  const quiet = { info: () => undefined, mask: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as Logger;
  return new LabSiteHost(settings, dataDir, quiet);
}

describe('sites: the built-in lab host', function () {
  this.timeout(60000);
  let dataDir: string;
  let other: ChildProcess | undefined;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-labhost-'));
  });
  afterEach(() => {
    if (other?.pid && other.exitCode === null) other.kill('SIGKILL');
    other = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no lab running when it is stopped while starting (site removed, window closed)', async () => {
    const lab = host(dataDir);
    const starting = lab.ensureRunning();
    await lab.stop();
    await assert.rejects(starting, /stopped while it was starting/);
    assert.equal(lab.isRunning, false);
    assert.equal(await readRunningLab(dataDir), null, 'the server it started was stopped again');
  });

  it('starts its own lab when the lab it used from another process has stopped', async () => {
    // A lab run once here leaves its certificate and accounts in the folder.
    const first = host(dataDir);
    await first.ensureRunning();
    await first.stop();
    // Another process (a sleeping child) now "runs" a lab on that folder.
    other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    fs.writeFileSync(
      path.join(dataDir, 'lab.json'),
      JSON.stringify({ baseUrl: 'https://127.0.0.1:1/AdminService', siteCode: 'PS1', pid: other.pid, certificatePath: path.join(dataDir, 'certificate.pem'), accountsPath: path.join(dataDir, 'accounts.json') }),
    );
    const lab = host(dataDir);
    try {
      assert.equal((await lab.ensureRunning()).baseUrl, 'https://127.0.0.1:1/AdminService', 'uses the lab of the other process');
      other.kill('SIGKILL');
      await new Promise((r) => other!.once('exit', r));
      const own = await lab.ensureRunning();
      assert.match(own.baseUrl, /^https:\/\/127\.0\.0\.1:\d+\/AdminService$/);
      assert.notEqual(own.baseUrl, 'https://127.0.0.1:1/AdminService');
      assert.equal((await readRunningLab(dataDir))?.pid, process.pid);
    } finally {
      await lab.stop();
    }
  });
});

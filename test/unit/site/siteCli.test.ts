import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError, type CliIo } from '../../../src/core/cli/args';
import { siteCommandGroup } from '../../../src/core/cli/site';
import { writeLabInfo } from '../../../src/core/lab/labInfo';
import type { SiteBackend } from '../../../src/core/site/contract';
import { SiteError } from '../../../src/core/site/errors';
import type { SiteConnectionConfig } from '../../../src/core/site/siteConfig';
import type { CredentialsCallback } from '../../../src/core/site/adminService/transport';
import { makeCertificate } from './support/certificates';

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

function capture(env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): Captured {
  let out = '';
  let err = '';
  return { io: { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, env }, out: () => out, err: () => err };
}

/** A backend that records calls and answers with fixed model objects. */
function fakeBackend(calls: unknown[], fail?: SiteError): SiteBackend {
  const answer = async (name: string, ...args: unknown[]): Promise<unknown> => {
    calls.push([name, ...args]);
    if (fail) throw fail;
    return { items: [], skip: 0, top: 1, hasMore: false, name };
  };
  return {
    kind: 'adminService',
    listCollections: (q: unknown) => answer('listCollections', q),
    listCollectionMembers: (id: unknown, q: unknown) => answer('listCollectionMembers', id, q),
    getDevice: (id: unknown) => answer('getDevice', id),
    dispose: () => calls.push(['dispose']),
  } as unknown as SiteBackend;
}

describe('sccm-workbench site (CLI)', function () {
  this.timeout(20_000);
  const connection = ['--url', 'https://cm01.lab.local/AdminService', '--user', 'LAB\\admin'];

  function group(calls: unknown[], seen: { config?: SiteConnectionConfig; credentials?: CredentialsCallback }, options: { stdin?: string; fail?: SiteError } = {}) {
    return siteCommandGroup({
      readStdin: async () => options.stdin ?? '',
      createBackend: (config, credentials) => {
        seen.config = config;
        seen.credentials = credentials;
        return fakeBackend(calls, options.fail);
      },
    });
  }

  it('lists collections of a folder as JSON, with the paging options', async () => {
    const calls: unknown[] = [];
    const seen: { config?: SiteConnectionConfig; credentials?: CredentialsCallback } = {};
    const c = capture({ SCCM_PASSWORD: 'from-env' });
    const code = await group(calls, seen).run(['collections', '--folder', '/Servers', '--search', 'Patch', '--top', '50', '--skip', '100', ...connection, '--thumbprint', 'AB'.repeat(20)], c.io);
    assert.equal(code, 0);
    assert.deepEqual(calls[0], ['listCollections', { top: 50, skip: 100, search: 'Patch', folderPath: '/Servers' }]);
    assert.deepEqual(JSON.parse(c.out()), { items: [], skip: 0, top: 1, hasMore: false, name: 'listCollections' });
    assert.equal(seen.config?.adminServiceUrl, 'https://cm01.lab.local/AdminService');
    assert.equal(seen.config?.certificateThumbprint, 'AB'.repeat(20));
    assert.deepEqual(await seen.credentials?.(), { userName: 'LAB\\admin', password: 'from-env' });
    assert.deepEqual(calls.at(-1), ['dispose']);
  });

  it('reads the password from stdin with --password-stdin', async () => {
    const calls: unknown[] = [];
    const seen: { credentials?: CredentialsCallback } = {};
    const code = await group(calls, seen, { stdin: 'p@ss word\n' }).run(['members', 'PS100012', '--top', '10', ...connection, '--password-stdin'], capture({ SCCM_PASSWORD: 'ignored' }).io);
    assert.equal(code, 0);
    assert.deepEqual(calls[0], ['listCollectionMembers', 'PS100012', { top: 10, skip: 0 }]);
    assert.deepEqual(await seen.credentials?.(), { userName: 'LAB\\admin', password: 'p@ss word' });
  });

  it('prints a SiteError on stderr and exits 1', async () => {
    const c = capture({ SCCM_PASSWORD: 'x' });
    const code = await group([], {}, { fail: new SiteError('notFound', 'Device 5 was not found.') }).run(['device', '5', ...connection], c.io);
    assert.equal(code, 1);
    assert.equal(c.err(), 'sccm-workbench site: Device 5 was not found.\n');
    assert.equal(c.out(), '');
  });

  // The CLI's main turns a UsageError into exit code 2 with the usage text.
  it('refuses bad usage with a UsageError, before connecting', async () => {
    for (const argv of [
      [],
      ['device', 'abc', ...connection],
      ['members', ...connection],
      ['collections', '--top', '0', ...connection],
      ['collections', '--password', 'secret', ...connection],
      ['collections', '--backend', 'wmi', ...connection],
      ['collections', '--user', 'LAB\\admin'],
    ]) {
      const calls: unknown[] = [];
      await assert.rejects(group(calls, {}).run(argv, capture({ SCCM_PASSWORD: 'x' }).io), (e: unknown) => e instanceof UsageError && !e.message.includes('secret'), argv.join(' '));
      assert.deepEqual(calls, [], 'no backend was used');
    }
  });

  it('asks for a password when none is given', async () => {
    await assert.rejects(group([], {}).run(['device', '5', ...connection], capture({}).io), (e: unknown) => e instanceof UsageError && /SCCM_PASSWORD/.test(e.message));
  });

  it('reports an unreachable site as exit 1 without the password', async () => {
    const c = capture({ SCCM_PASSWORD: 'Sup3r-Secret' });
    const code = await siteCommandGroup().run(['device', '5', '--url', 'https://127.0.0.1:1/AdminService', '--user', 'LAB\\admin', '--timeout', '5'], c.io);
    assert.equal(code, 1);
    assert.match(c.err(), /refused the connection/);
    assert.ok(!c.err().includes('Sup3r-Secret'));
  });

  it('uses a lab data folder: address, admin account and pinned certificate', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-lab-cli-'));
    try {
      const cert = await makeCertificate();
      // The files a running lab leaves in its data folder (lab.json names this process as the lab's).
      const accountsPath = path.join(dir, 'accounts.json');
      await writeLabInfo(dir, {
        baseUrl: 'https://127.0.0.1:44300/AdminService',
        siteCode: 'PS1',
        pid: process.pid,
        certificateThumbprint: cert.sha1,
        certificateSha256: cert.sha256,
        certificatePath: path.join(dir, 'certificate.pem'),
        accountsPath,
        clientsDir: path.join(dir, 'clients'),
      });
      fs.writeFileSync(
        accountsPath,
        JSON.stringify({
          accounts: [
            { user: 'LAB\\reader', password: 'r', role: 'readOnly' },
            { user: 'LAB\\labadmin', password: 'a', role: 'full' },
          ],
        }),
      );
      const seen: { config?: SiteConnectionConfig; credentials?: CredentialsCallback } = {};
      const code = await group([], seen).run(['collections', '--lab', dir], capture({}).io);
      assert.equal(code, 0);
      assert.equal(seen.config?.adminServiceUrl, 'https://127.0.0.1:44300/AdminService');
      assert.equal(seen.config?.siteCode, 'PS1');
      assert.equal(seen.config?.certificateThumbprint, cert.sha256);
      assert.deepEqual(await seen.credentials?.(), { userName: 'LAB\\labadmin', password: 'a' });
      fs.rmSync(path.join(dir, 'lab.json'));
      await assert.rejects(group([], {}).run(['collections', '--lab', dir], capture({}).io), (e: unknown) => e instanceof SiteError && /No lab site is running/.test(e.message));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

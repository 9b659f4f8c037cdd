// Starts code-server (VS Code 1.100 for the browser) on loopback, and Debian's Chromium
// through playwright-core with every non-loopback request refused.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM, CODE_SERVER_ENTRY } from './paths.mjs';

const require = createRequire(import.meta.url);

/** Settings that keep the workbench quiet and deterministic. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Dark Modern',
};

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * @param {{ workDir: string, folder?: string, env?: object, settings?: object, extensionsDir?: string, port?: number }} opts
 */
export async function startCodeServer(opts) {
  const workDir = resolve(opts.workDir);
  const userDataDir = join(workDir, 'user-data');
  const extensionsDir = opts.extensionsDir || join(workDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...(opts.settings || {}) }, null, 2));
  const port = opts.port || (await freePort());
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    // code-server writes ~/.config/code-server/config.yaml unless told otherwise
    '--config', join(workDir, 'config.yaml'),
  ];
  if (opts.folder) args.push(resolve(opts.folder));
  const log = createWriteStream(join(workDir, 'code-server.log'));
  // No extension gallery: neither the server nor the workbench reaches out to open-vsx.
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}', ...(opts.env || {}) };
  const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (chunk) => {
    log.write(chunk);
    out += chunk.toString();
    if (process.env.E2E_VERBOSE) process.stderr.write(chunk);
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  await new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      // Not listening after 30 s: stop it (by its pid) rather than leave it running behind a failed test.
      proc.kill('SIGKILL');
      reject(new Error(`code-server did not start within 30 s:\n${out}`));
    }, 30000);
    const check = () => {
      if (/HTTP server listening on/.test(out)) {
        clearTimeout(timer);
        resolveStart();
      }
    };
    proc.stdout.on('data', check);
    proc.stderr.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}):\n${out}`));
    });
  });
  const stop = () => new Promise((resolveStop) => {
    if (proc.exitCode !== null || proc.signalCode) return resolveStop();
    proc.once('exit', () => {
      log.end();
      resolveStop();
    });
    proc.kill('SIGTERM');
    setTimeout(() => { if (proc.exitCode === null) proc.kill('SIGKILL'); }, 5000).unref();
  });
  return { port, url: `http://127.0.0.1:${port}/`, authority: `127.0.0.1:${port}`, proc, stop, userDataDir, extensionsDir, workDir };
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export async function installVsix(vsixPath, extensionsDir, userDataDir) {
  await new Promise((resolveInstall, reject) => {
    const p = spawn(process.execPath, [CODE_SERVER_ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
      '--install-extension', resolve(vsixPath), '--force'], { env: { ...process.env, EXTENSIONS_GALLERY: '{}' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolveInstall() : reject(new Error(`installing ${vsixPath} failed (${code}):\n${out}`))));
  });
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

/** Headless Debian Chromium with a fresh profile; only loopback traffic leaves it. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = require('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'sccm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
      // Chromium still resolves Google hosts at start-up despite the flags above;
      // fail every name lookup locally (we only talk to 127.0.0.1).
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close, blocked };
}

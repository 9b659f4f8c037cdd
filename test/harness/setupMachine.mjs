// Makes sure this machine can run the integration and UI tiers: Debian packages
// (installed with apt-get when running as root, otherwise listed with the command to
// run) and code-server in the cache folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, CHROMIUM, CODE_SERVER_DIR, CODE_SERVER_VERSION, ROOT } from './paths.mjs';

// chromium: the UI tier's browser; the rest build code-server's native modules
// (node-pty, kerberos, spdlog, ...) and give it ripgrep for search.
const DEBIAN_PACKAGES = ['chromium', 'ripgrep', 'build-essential', 'python3', 'libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev'];

function missingPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) return null;
  return DEBIAN_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !/install ok installed/.test(r.stdout || '');
  });
}

export function ensureMachine(log = console.log) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new Error(`The integration and UI tiers run code-server ${CODE_SERVER_VERSION}, which needs Node 20; this is Node ${process.versions.node}.`);
  const missing = missingPackages();
  if (missing === null) {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH), and this is not a Debian machine where the tests can install it.`);
  } else if (missing.length) {
    const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
    if (process.getuid?.() !== 0) throw new Error(`Missing Debian packages: ${missing.join(', ')}. Run as root: ${cmd}`);
    log(`[setup] installing Debian packages: ${missing.join(' ')}`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(join(CODE_SERVER_DIR, '.installed'))) log(`[setup] installing code-server ${CODE_SERVER_VERSION} into ${CACHE_DIR} (once, about a minute)`);
  execFileSync('bash', [join(ROOT, 'test/harness/install-code-server.sh'), CODE_SERVER_DIR], { stdio: 'inherit', env: { ...process.env, CS_VERSION: CODE_SERVER_VERSION } });
}

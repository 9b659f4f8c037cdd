// `npm run demo`: builds and packages the extension, installs it into a local code-server
// (VS Code 1.100 in the browser), opens the demo workspace (sample logs that show each known
// failure) with the built-in lab site connected, and prints the URL. Ctrl+C stops it.
//   node scripts/demo.mjs [--port N]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCodeServer, installVsix } from '../test/harness/codeServer.mjs';
import { CODE_SERVER_DIR, CODE_SERVER_VERSION, ROOT } from '../test/harness/paths.mjs';

const argv = process.argv.slice(2);
const portArg = argv.indexOf('--port') >= 0 ? Number(argv[argv.indexOf('--port') + 1]) : undefined;
const demoDir = resolve(ROOT, '.demo');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const vsix = join(demoDir, `${pkg.name}-${pkg.version}.vsix`);

mkdirSync(demoDir, { recursive: true });
console.log('[demo] packaging the extension');
execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });

if (!existsSync(join(CODE_SERVER_DIR, '.installed'))) console.log(`[demo] installing code-server ${CODE_SERVER_VERSION} from the npm registry (once, about a minute)`);
try {
  execFileSync('bash', [join(ROOT, 'test/harness/install-code-server.sh'), CODE_SERVER_DIR], { stdio: 'inherit', env: { ...process.env, CS_VERSION: CODE_SERVER_VERSION } });
} catch {
  console.error('[demo] code-server could not be installed. On Debian/Ubuntu it needs: apt-get install build-essential python3 ripgrep libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev');
  process.exit(1);
}

// A fresh copy of the demo workspace each time, so the demo always starts the same.
const workspace = join(demoDir, 'workspace');
rmSync(workspace, { recursive: true, force: true });
mkdirSync(demoDir, { recursive: true });
cpSync(join(ROOT, 'demo/workspace'), workspace, { recursive: true });
const extensionsDir = join(demoDir, 'extensions');
const userDataDir = join(demoDir, 'user-data');
await installVsix(vsix, extensionsDir, userDataDir);

// The lab's state (with its accounts) stays outside the workspace; its clients' logs are linked
// in, so you can open PolicyAgent.log / AppEnforce.log of a lab client from the Explorer.
const labDir = join(demoDir, 'lab');
mkdirSync(join(labDir, 'clients'), { recursive: true });
symlinkSync(join(labDir, 'clients'), join(workspace, 'lab-clients'), 'dir');

const server = await startCodeServer({
  workDir: demoDir,
  folder: workspace,
  extensionsDir,
  port: portArg,
  settings: {
    // The built-in lab site, connected when the window opens.
    'sccm.sites': [{ name: 'Lab', backend: 'lab' }],
    'sccm.lab.dataFolder': labDir,
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.startupEditor': 'readme',
  },
});
writeFileSync(join(demoDir, 'url.txt'), `${server.url}?folder=${encodeURIComponent(workspace)}\n`);
console.log(`\n[demo] SCCM Workbench is running in VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')} at:\n\n    ${server.url}?folder=${encodeURIComponent(workspace)}\n`);
console.log('[demo] open the SCCM Workbench icon in the activity bar for the lab site; open any log under logs/ for its findings.');
console.log('[demo] Ctrl+C stops it.');
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

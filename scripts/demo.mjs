// `npm run demo`: builds and packages the extension, installs it into a local code-server
// (VS Code 1.100 in the browser), opens the demo workspace (sample logs that show each known
// failure) with the built-in lab site connected, and prints the URL. Ctrl+C stops it.
//   node scripts/demo.mjs [--port N]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  execFileSync('bash', [join(ROOT, 'test/harness/install-code-server.sh'), CODE_SERVER_DIR], { stdio: 'inherit' });
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

const server = await startCodeServer({
  workDir: demoDir,
  folder: workspace,
  extensionsDir,
  port: portArg,
  settings: {
    // The built-in lab site, with its data (and its clients' logs) inside the workspace so
    // you can watch a push happen in PolicyAgent.log / AppEnforce.log.
    'sccm.sites': [{ name: 'Lab', backend: 'lab' }],
    'sccm.lab.dataFolder': join(workspace, 'lab-site'),
    'workbench.colorTheme': 'Default Dark Modern',
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

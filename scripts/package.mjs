// Builds for production and packages the extension as a .vsix (must stay under 3 MB).
//   node scripts/package.mjs [--out FILE] [--stage DIR]   (--stage: build and package inside DIR)
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const stageIndex = process.argv.indexOf('--stage');
const root = stageIndex > 0 ? resolve(process.argv[stageIndex + 1]) : repo;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, `${pkg.name}-${pkg.version}.vsix`);
const LIMIT = 3 * 1024 * 1024;

execFileSync(process.execPath, [join(repo, 'scripts/build.mjs'), '--production', ...(root !== repo ? ['--stage', root] : [])], { cwd: repo, stdio: 'inherit' });
// An allow-list on top of .vscodeignore's deny-list: lab data (accounts.json holds passwords),
// demo folders or test output must never end up in a published .vsix.
const ALLOWED = /^(dist\/|media\/|syntaxes\/|l10n\/|package\.json$|package\.nls(\.[a-z-]+)?\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/;
const listed = execFileSync(process.execPath, [join(repo, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
  .split('\n').map((l) => l.trim()).filter(Boolean);
const stray = listed.filter((f) => !ALLOWED.test(f));
if (stray.length) {
  console.error(`[package] refusing to package files outside the allow-list (fix .vscodeignore): ${stray.slice(0, 10).join(', ')}`);
  process.exit(1);
}
// Everything the extension runs is bundled into dist/, so no node_modules go in.
execFileSync(process.execPath, [join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const size = statSync(out).size;
console.log(`[package] ${out} ${(size / 1024).toFixed(0)} KB`);
if (size > LIMIT) {
  console.error(`[package] the .vsix is ${(size / 1024 / 1024).toFixed(2)} MB, over the 3 MB limit: check .vscodeignore`);
  process.exit(1);
}

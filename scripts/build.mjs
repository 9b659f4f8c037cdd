// Bundles the extension, the CLI, the webviews and (with --tests) the
// integration test suites with esbuild. Type checking is separate (npm run check-types).
//   node scripts/build.mjs [--production] [--watch] [--tests] [--stage DIR]
// --stage DIR builds into DIR instead of the repository and copies the manifest and assets
// there, so parallel test runs (several engineers, CI shards) never see a half-written dist/.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync, mkdirSync, cpSync, existsSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const argv = process.argv.slice(2);
const args = new Set(argv);
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');
const stageIndex = argv.indexOf('--stage');
const root = resolve(import.meta.dirname, '..');
const out = stageIndex >= 0 ? resolve(argv[stageIndex + 1]) : root;
process.chdir(root);

/** Prints esbuild problems in a form the $esbuild-watch problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  plugins: [problemMatcher],
  legalComments: 'none',
};

function walk(dir, pred, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: join(out, 'dist'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { cli: 'src/core/cli/main.ts' },
    outdir: join(out, 'dist'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
];

const webviewEntries = Object.fromEntries(
  readdirSync('webview', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .filter((d) => { try { return statSync(join('webview', d.name, 'main.ts')).isFile(); } catch { return false; } })
    .map((d) => [d.name, join('webview', d.name, 'main.ts')]),
);
if (Object.keys(webviewEntries).length) {
  builds.push({
    ...common,
    entryPoints: webviewEntries,
    outdir: join(out, 'dist/webview'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'css' },
  });
}

if (withTests) {
  const files = walk('test/integration', (p) => p.endsWith('.test.ts') || p.endsWith('index.ts'));
  builds.push({
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: Object.fromEntries(files.map((f) => [relative('test/integration', f).replace(/\.ts$/, ''), f])),
    outdir: join(out, 'out/test/integration'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  });
}

if (!watch) {
  rmSync(join(out, 'dist'), { recursive: true, force: true });
  if (withTests) rmSync(join(out, 'out/test'), { recursive: true, force: true });
}
mkdirSync(join(out, 'dist/webview'), { recursive: true });
// Codicons font for the webviews (loaded from the extension, never from a CDN).
cpSync('node_modules/@vscode/codicons/dist/codicon.css', join(out, 'dist/webview/codicon.css'));
cpSync('node_modules/@vscode/codicons/dist/codicon.ttf', join(out, 'dist/webview/codicon.ttf'));
if (out !== root) {
  for (const f of ['package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'syntaxes', 'l10n', 'test/workspace', 'demo']) {
    if (existsSync(f)) cpSync(f, join(out, f), { recursive: true });
  }
  if (!existsSync(join(out, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const t0 = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`[build] ${builds.length} bundles in ${Date.now() - t0} ms${production ? ' (production)' : ''}`);
}

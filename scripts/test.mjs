// `npm test`: every tier, on a fresh machine too.
//   static   type check (extension, webviews) and lint
//   unit     plain Node (mocha + tsx) for src/core
//   integration  mocha inside a real VS Code extension host (code-server 4.100 = VS Code 1.100)
//   ui       Playwright + Debian Chromium clicking through the workbench with the packaged .vsix
// Installs what it needs (Debian packages as root, code-server into a cache folder).
// The last line is "N passed, N failed".
//   node scripts/test.mjs [--only static|unit|integration|ui]... [--grep TEXT]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, RESULTS_DIR } from '../test/harness/paths.mjs';

const argv = process.argv.slice(2);
const only = argv.flatMap((a, i) => (a === '--only' ? [argv[i + 1]] : []));
const grepIndex = argv.indexOf('--grep');
const grep = grepIndex >= 0 ? argv[grepIndex + 1] : undefined;
const wanted = (tier) => only.length === 0 || only.includes(tier);
const started = Date.now();
const tiers = [];
let passed = 0;
let failed = 0;
const failures = [];

function record(tier, p, f, list = []) {
  tiers.push({ tier, passed: p, failed: f });
  passed += p;
  failed += f;
  failures.push(...list.map((x) => `${tier}: ${x}`));
}

/** The exit code; null when `opts.timeout` ran out and the command was stopped. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts, env: { ...process.env, ...(opts.env || {}) } });
  if (r.error?.code === 'ETIMEDOUT') return null;
  return r.status ?? 1;
}

function step(title) {
  console.log(`\n=== ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function mochaTier(tier, config, spec, timeoutMinutes) {
  const counts = join(RESULTS_DIR, `${tier}-counts.json`);
  rmSync(counts, { force: true });
  const args = [join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--config', config, '--reporter', join(ROOT, 'test/harness/countingReporter.cjs'), spec];
  if (grep) args.push('--grep', grep);
  // A handle left open (a server a test did not stop) keeps mocha alive after its last test: end it
  // here, with the tier counted as failed, instead of letting it use up CI's time.
  const code = run(process.execPath, args, { env: { SCCM_COUNTS_FILE: counts }, timeout: timeoutMinutes * 60_000 });
  if (code === null) record(tier, 0, 1, [`mocha was still running after ${timeoutMinutes} min and was stopped`]);
  if (!existsSync(counts)) {
    if (code !== null) record(tier, 0, 1, [`mocha exited with ${code} before running the tests`]);
    return;
  }
  const r = JSON.parse(readFileSync(counts, 'utf8'));
  record(tier, r.passes, r.failures.length + (code !== 0 && r.failures.length === 0 ? 1 : 0), r.failures.map((f) => `${f.title}: ${f.error}`));
}

mkdirSync(RESULTS_DIR, { recursive: true });
const needsVsCode = wanted('integration') || wanted('ui');
if (needsVsCode) {
  step('machine setup');
  const { ensureMachine } = await import('../test/harness/setupMachine.mjs');
  try {
    ensureMachine();
  } catch (err) {
    console.error(`\n[setup] ${err.message}`);
    console.log(`0 passed, 1 failed`);
    process.exit(1);
  }
}

step('build');
if (run(process.execPath, ['scripts/build.mjs', '--tests']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (wanted('static')) {
  step('static checks: type check and lint');
  const checks = [
    ['type check (extension, core, tests)', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']],
    ['type check (webviews)', ['node_modules/typescript/bin/tsc', '-p', 'webview/tsconfig.json', '--noEmit']],
    ['l10n bundle up to date', ['scripts/l10n.mjs', '--check']],
    ['lint', ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '--no-error-on-unmatched-pattern', 'src', 'webview', 'test', 'scripts']],
  ];
  let p = 0;
  const bad = [];
  for (const [name, args] of checks) {
    if (run(process.execPath, args) === 0) p++;
    else bad.push(name);
  }
  record('static', p, bad.length, bad);
}

if (wanted('unit')) {
  step('unit tests (Node)');
  mochaTier('unit', '.mocharc.unit.json', 'test/unit/**/*.test.ts', 20);
}

if (wanted('integration')) {
  step('integration tests (real VS Code extension host, code-server)');
  const { runIntegration } = await import('../test/harness/integration.mjs');
  // A harness failure (code-server not starting) is one failed tier, not the end of the run.
  const r = await runIntegration({ grep }).catch((err) => {
    console.error(`[integration] ${err instanceof Error ? err.message : String(err)}`);
    return { exitCode: 2, results: null };
  });
  if (r.results) record('integration', r.results.passes.length, r.results.failures.length, r.results.failures.map((f) => `${f.title}: ${f.error}`));
  else record('integration', 0, 1, [r.exitCode === 2 ? 'the extension host timed out or the harness failed' : 'the in-host runner failed before mocha ran']);
}

if (wanted('ui')) {
  step('package the .vsix');
  if (run(process.execPath, ['scripts/package.mjs']) !== 0) record('ui', 0, 1, ['packaging failed']);
  else {
    step('UI tests (Playwright + Chromium)');
    mochaTier('ui', '.mocharc.ui.json', 'test/ui/**/*.ui.test.ts', 30);
  }
}

console.log(`\n=== summary (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const t of tiers) console.log(`  ${t.tier.padEnd(12)} ${t.passed} passed, ${t.failed} failed`);
for (const f of failures) console.log(`  FAILED ${f}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

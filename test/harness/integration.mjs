// Runs the integration suites (out/test/integration) in code-server's extension host.
//   node test/harness/integration.mjs [--workspace DIR] [--grep TEXT] [--stage DIR]
// --stage DIR: run the build made by `node scripts/build.mjs --tests --stage DIR`.
import { join } from 'node:path';
import { ROOT, RESULTS_DIR } from './paths.mjs';
import { runInExtensionHost } from './runInExtensionHost.mjs';
import { mkdirSync } from 'node:fs';

export async function runIntegration({ grep, workspace, stage } = {}) {
  const ext = stage || ROOT;
  mkdirSync(RESULTS_DIR, { recursive: true });
  return runInExtensionHost({
    extensionDevelopmentPath: ext,
    extensionTestsPath: join(ext, 'out/test/integration/index.js'),
    workspace: workspace || join(ROOT, 'test/workspace'),
    env: grep ? { MOCHA_GREP: grep } : {},
    screenshot: join(RESULTS_DIR, 'integration-final.png'),
    timeoutSec: 600,
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const args = process.argv.slice(2);
  const opt = (n) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
  const r = await runIntegration({ grep: opt('--grep'), workspace: opt('--workspace'), stage: opt('--stage') });
  if (r.results) {
    for (const f of r.results.failures) console.log(`  FAIL ${f.title}\n       ${f.error.split('\n')[0]}`);
    console.log(`${r.results.passes.length} passed, ${r.results.failures.length} failed`);
  }
  process.exit(r.exitCode);
}

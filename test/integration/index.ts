// Loaded by the VS Code extension host as `extensionTestsPath` (code-server harness).
// Contract (as with @vscode/test-electron): export run(); resolve = pass, reject = fail.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

// The workbench forwards extension-host console output as already-joined strings
// (printf placeholders are not expanded), so let mocha's reporter pre-format lines.
(Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args: unknown[]) =>
  console.log(util.format(...args));

interface Results {
  passes: { title: string; duration?: number }[];
  failures: { title: string; error: string; stack?: string }[];
  pending: { title: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec', forbidOnly: true, forbidPending: true });
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  const results: Results = { passes: [], failures: [], pending: [] };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (process.env.SCCM_TEST_RESULTS_FILE) fs.writeFileSync(process.env.SCCM_TEST_RESULTS_FILE, JSON.stringify(results, null, 2));
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
      runner.on('pass', (t) => results.passes.push({ title: t.fullTitle(), duration: t.duration }));
      runner.on('fail', (t, err: Error) => results.failures.push({ title: t.fullTitle(), error: String(err?.message), stack: err?.stack }));
      runner.on('pending', (t) => results.pending.push({ title: t.fullTitle() }));
    } catch (err) {
      reject(err);
    }
  });
}

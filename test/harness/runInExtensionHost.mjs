// Runs mocha suites INSIDE a real VS Code extension host (code-server's), against the
// real `vscode` API: the offline counterpart of @vscode/test-electron's
// runTests({ extensionDevelopmentPath, extensionTestsPath }).
//
// VS Code for the web reads `?payload=` and honours extensionDevelopmentPath and
// extensionTestsPath; when the test module's run() settles, the workbench calls
// window.codeAutomationExit(code), which we expose through Playwright. The extension
// host's console (mocha's reporter) arrives through window.codeAutomationLog.
import { existsSync, mkdtempSync, readFileSync, rmSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { launchBrowser, startCodeServer } from './codeServer.mjs';

const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin extensions cache|Started local extension host|Extension host .* exiting|No search provider registered for scheme|Loading development extension|File not found: .*vsda|a socket was left hanging)/;

/**
 * @returns {Promise<{exitCode: number, results: object|null, seconds: number, workDir: string}>}
 *   exitCode: 0 all passed, 1 a test failed or the runner rejected, 2 harness error or timeout
 */
export async function runInExtensionHost(o) {
  const log = o.log || ((line) => console.log(line));
  const t0 = Date.now();
  const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
  const workDir = mkdtempSync(join(tmpdir(), 'sccm-ext-tests-'));
  const resultsFile = join(workDir, 'results.json');
  const server = await startCodeServer({
    workDir,
    settings: o.settings,
    env: { SCCM_TEST_RESULTS_FILE: resultsFile, SCCM_TEST_RUN: '1', ...(o.env || {}) },
  });
  log(`[host] code-server ${server.url} (${secs()} s)`);
  let browser;
  let outcome = { code: 'timeout', logs: [] };
  try {
    browser = await launchBrowser();
    const { context } = browser;
    let finish;
    const exited = new Promise((r) => (finish = r));
    await context.exposeFunction('codeAutomationExit', (code, logs) => finish({ code, logs }));
    const wbLog = createWriteStream(join(workDir, 'workbench.log'));
    await context.exposeFunction('codeAutomationLog', (type, message) => {
      const text = Array.isArray(message) ? message.join(' ') : String(message);
      wbLog.write(`[${type}] ${text}\n`);
      if (process.env.E2E_VERBOSE || !NOISE.test(text)) log(type === 'error' || type === 'warn' ? `  [${type}] ${text}` : `  ${text}`);
    });
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (err) => log(`[browser] page error: ${err.message}`));
    const remote = (p) => `vscode-remote://${server.authority}${resolve(p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(o.extensionTestsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    let url = `${server.url}?payload=${encodeURIComponent(JSON.stringify(payload))}`;
    url += o.workspace ? `&folder=${encodeURIComponent(resolve(o.workspace))}` : '&ew=true';
    await page.goto(url);
    let timer;
    const timeout = new Promise((r) => (timer = setTimeout(() => r({ code: 'timeout', logs: [] }), (o.timeoutSec || 300) * 1000)));
    outcome = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    log(`[host] extension host finished: ${JSON.stringify(outcome.code)} (${secs()} s)`);
    for (const l of outcome.logs || []) {
      const dest = join(workDir, 'logs', l.relativePath);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, l.contents);
    }
    if (o.screenshot) await page.screenshot({ path: o.screenshot }).catch(() => {});
    wbLog.end();
  } finally {
    if (browser) {
      if (browser.blocked.length) log(`[host] refused non-loopback request(s): ${[...new Set(browser.blocked)].slice(0, 5).join(', ')}`);
      await browser.close();
    }
    await server.stop();
  }
  let results = null;
  let exitCode;
  if (existsSync(resultsFile)) {
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    exitCode = results.failures.length > 0 || (typeof outcome.code === 'number' && outcome.code !== 0) ? 1 : 0;
  } else if (typeof outcome.code === 'number') {
    exitCode = outcome.code === 0 ? 0 : 1;
  } else {
    exitCode = 2;
  }
  if (exitCode === 0 && !process.env.E2E_KEEP) rmSync(workDir, { recursive: true, force: true });
  else log(`[host] logs kept in ${workDir}`);
  return { exitCode, results, seconds: Number(secs()), workDir };
}

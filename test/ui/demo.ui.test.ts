import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { Workbench } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..');

interface BrowserHarness {
  launchBrowser(o?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
}

/** `npm run demo` as a person runs it: the URL it prints must open a working workbench. */
describe('UI: npm run demo', function () {
  this.timeout(180000);
  let demo: ChildProcess | undefined;
  let browser: { context: BrowserContext; close(): Promise<void> } | undefined;
  let page: Page;

  before(async () => {
    demo = spawn(process.execPath, [path.join(ROOT, 'scripts/demo.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the demo printed no URL within 150 s:\n${out}`)), 150000);
      const onData = (chunk: Buffer): void => {
        out += chunk.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      demo!.stdout!.on('data', onData);
      demo!.stderr!.on('data', onData);
      demo!.on('exit', (code) => reject(new Error(`the demo exited (${code}):\n${out}`)));
    });
    const harness = (await import(pathToFileURL(path.join(ROOT, 'test/harness/codeServer.mjs')).href)) as BrowserHarness;
    browser = await harness.launchBrowser({ viewport: { width: 1440, height: 900 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(url);
  });

  after(async () => {
    await browser?.close();
    if (demo && demo.exitCode === null) {
      const exited = new Promise((r) => demo!.once('exit', r));
      demo.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
      if (demo.exitCode === null) demo.kill('SIGKILL');
    }
  });

  it('opens with the lab site connected and the failure logs in the workspace', async () => {
    const wb = new Workbench(page);
    await wb.waitReady();
    await page.locator('.statusbar-item', { hasText: 'PS1 · Lab' }).first().waitFor({ timeout: 30000 });
    await wb.openView('SCCM Workbench');
    // The row's description fills in once the site answers: wait for it rather than read once.
    const site = wb.sideBar().locator('.monaco-list-row', { hasText: 'PS1 · Lab' }).first();
    await site.waitFor({ timeout: 30000 });
    await wb.sideBar().locator('.monaco-list-row', { hasText: 'All Systems' }).first().waitFor({ timeout: 30000 });
    await wb.openView('Explorer');
    for (const folder of ['logs', 'lab-clients']) await wb.sideBar().locator('.monaco-list-row', { hasText: folder }).first().waitFor({ timeout: 20000 });
    await wb.screenshot('00-demo');
  });
});

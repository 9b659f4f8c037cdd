/**
 * One code-server with the packaged extension installed, opened in headless Chromium,
 * shared by the UI suites of a run (installing and starting takes a few seconds).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { Workbench } from './workbench';

interface Harness {
  startCodeServer(o: { workDir: string; folder?: string; env?: Record<string, string>; settings?: object }): Promise<{ url: string; stop(): Promise<void>; userDataDir: string; extensionsDir: string }>;
  installVsix(vsix: string, extensionsDir: string, userDataDir: string): Promise<void>;
  launchBrowser(o?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; close(): Promise<void>; blocked: string[] }>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export interface UiSession {
  workbench: Workbench;
  page: Page;
  workspace: string;
  close(): Promise<void>;
}

/** Opens `folder` (a copy is made so tests can write into it) in a fresh code-server. */
export async function openWorkbench(folder: string, settings: object = {}): Promise<UiSession> {
  const vsix = process.env.SCCM_VSIX ?? path.join(ROOT, `sccm-workbench-${(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run "npm run package" first`);
  const harness = (await import(pathToFileURL(path.join(ROOT, 'test/harness/codeServer.mjs')).href)) as Harness;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-ui-'));
  const workspace = path.join(workDir, 'workspace');
  fs.cpSync(folder, workspace, { recursive: true });
  const extensionsDir = path.join(workDir, 'extensions');
  const userDataDir = path.join(workDir, 'user-data');
  fs.mkdirSync(extensionsDir, { recursive: true });
  await harness.installVsix(vsix, extensionsDir, userDataDir);
  const server = await harness.startCodeServer({ workDir, folder: workspace, settings, env: { SCCM_UI_TEST: '1' } });
  let browser: Awaited<ReturnType<Harness['launchBrowser']>> | undefined;
  const close = async (): Promise<void> => {
    if (browser?.blocked.length) console.log(`    refused non-loopback requests: ${[...new Set(browser.blocked)].slice(0, 3).join(', ')}`);
    await browser?.close();
    await server.stop();
    if (!process.env.E2E_KEEP) fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    browser = await harness.launchBrowser({ viewport: { width: 1440, height: 900 } });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
    const workbench = new Workbench(page);
    await workbench.waitReady();
    return { workbench, page, workspace, close };
  } catch (err) {
    // The caller gets no session to close: stop code-server and the browser here, or they outlive the run.
    await close().catch(() => undefined);
    throw err;
  }
}

import * as path from 'node:path';
import { openWorkbench, type UiSession } from './session';

describe('UI: the SCCM Workbench activity bar view', function () {
  this.timeout(120000);
  let session: UiSession;

  before(async () => {
    session = await openWorkbench(path.resolve(__dirname, '..', 'workspace'));
  });
  after(async () => {
    await session?.close();
  });

  it('shows its icon in the activity bar and a welcome view with next steps', async () => {
    const wb = session.workbench;
    await wb.openView('SCCM Workbench');
    // VS Code sets isWorkspaceTrusted only once trust has been resolved, so the untrusted
    // welcome can show for a moment first: wait for the trusted one instead of reading once.
    const welcome = wb.sideBar().locator('.welcome-view-content', { hasText: 'No SCCM site is connected yet' });
    await welcome.waitFor({ state: 'visible', timeout: 30000 });
    await wb.sideBar().getByRole('button', { name: 'Open Lab Site' }).waitFor({ state: 'visible', timeout: 10000 });
    await wb.screenshot('01-sites-welcome');
  });

  it('runs "SCCM: Show Output" from the command palette', async () => {
    const wb = session.workbench;
    await wb.runCommand('SCCM: Show Output');
    const panel = session.page.locator('.part.panel');
    await panel.waitFor({ state: 'visible' });
    await session.page.locator('.part.panel .monaco-editor .view-lines', { hasText: 'SCCM Workbench' }).first().waitFor({ timeout: 20000 });
    await wb.screenshot('02-output-channel');
  });
});

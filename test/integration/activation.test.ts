import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

describe('Extension in a real VS Code extension host', () => {
  it('activates and reports its version', async () => {
    const api = await activateExtension();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(api.version, ext?.packageJSON.version);
    assert.equal(ext?.isActive, true);
  });

  it('contributes the SCCM view container and its Sites view', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const views = ext?.packageJSON.contributes.views.sccm as { id: string }[];
    assert.ok(views.some((v) => v.id === 'sccm.views.sites'));
    // Focusing the view only succeeds when VS Code knows it.
    await vscode.commands.executeCommand('sccm.views.sites.focus');
  });

  it('registers every contributed command', async () => {
    await activateExtension();
    const all = new Set(await vscode.commands.getCommands(true));
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = (ext?.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const missing = contributed.filter((c) => !all.has(c));
    assert.deepEqual(missing, []);
  });
});

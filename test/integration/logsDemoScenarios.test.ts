import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEMOS } from '../support/demoScenarios';
import { EXTENSION_ID, waitFor } from './helpers';
import { codeValue, logsTesting, openLog } from './logsTestKit';

/** Rule ids of a folder's SCCM diagnostics (codes that are not rule ids are generic findings). */
function ruleIds(uris: vscode.Uri[], known: ReadonlySet<string>): string[] {
  return uris.flatMap((u) => vscode.languages.getDiagnostics(u).filter((d) => d.source === 'SCCM').map(codeValue)).filter((c): c is string => !!c && known.has(c));
}

// The demo workspace is what `npm run demo` opens: each failure folder must show its known
// failures in the Problems panel when its logs are opened, linked across logs where they relate.
describe('SCCM logs in the editor: every demo scenario shows its findings', () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const root = path.join(extension?.extensionPath ?? '', 'demo', 'workspace', 'logs');
  const known = new Set(Object.values(DEMOS).flatMap((d) => d.rules));

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const [folder, expected] of Object.entries(DEMOS)) {
    it(`${folder}: ${[...new Set(expected.rules)].join(', ')}`, async () => {
      const api = await logsTesting();
      const uris = fs.readdirSync(path.join(root, folder)).sort().map((f) => vscode.Uri.file(path.join(root, folder, f)));
      for (const uri of uris) await openLog(api, uri, true);
      const want = [...expected.rules].sort();
      await waitFor(`the findings of ${folder}`, () => {
        const got = ruleIds(uris, known).sort();
        return JSON.stringify(got) === JSON.stringify(want) ? got : undefined;
      }, 15000).catch(() => assert.deepEqual(ruleIds(uris, known).sort(), want));
      for (const [from, to] of expected.related ?? []) {
        const source = uris.flatMap((u) => vscode.languages.getDiagnostics(u)).find((d) => codeValue(d) === from);
        const target = uris.find((u) => vscode.languages.getDiagnostics(u).some((d) => codeValue(d) === to));
        assert.ok(target && source?.relatedInformation?.some((r) => r.location.uri.fsPath === target.fsPath), `${from} points at the log with ${to}`);
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  }
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import osdRules from '../../src/core/logs/kb/rules/osd.json';
import pxeRules from '../../src/core/logs/kb/rules/pxe.json';
import { escapeMarkdown } from '../../src/logs/codeMarkdown';
import type { LogsTestingApi } from '../../src/logs/testingApi';
import { waitFor } from './helpers';
import { byRule, closeAllEditors, codeTarget, codeValue, documentOf, hoverText, logFixture, logsTesting, openLog, sccmDiagnostics, showLog } from './logsTestKit';

const GUID_A = '00000011-4918-8015-BF5A-888888888788';
const GUID_B = '4C4C4544-0051-3510-8052-B4C04F563432';

function referenceOf(rules: { rules: Array<{ id: string; reference: string }> }, id: string): string {
  const rule = rules.rules.find((r) => r.id === id);
  assert.ok(rule, `rule ${id} in the knowledge base`);
  return rule.reference;
}

describe('SCCM logs in the editor: recognition by content', function () {
  this.timeout(60000);
  let api: LogsTestingApi;

  before(async () => {
    api = await logsTesting();
  });
  after(closeAllEditors);

  for (const name of ['execmgr-export.txt', 'execmgr-noextension', 'execmgr.lo_', 'PkgXferMgr.log']) {
    it(`gives the CMTrace/legacy log ${name} the sccm-log language and its findings`, async () => {
      const uri = logFixture('recognition', name);
      await openLog(api, uri);
      const doc = await waitFor(`${name} switched to sccm-log`, () => (documentOf(uri)?.languageId === 'sccm-log' ? documentOf(uri) : undefined));
      assert.equal(doc.languageId, 'sccm-log');
      const diagnostics = await sccmDiagnostics(uri);
      assert.ok(diagnostics.every((d) => d.source === 'SCCM'));
    });
  }

  it('keeps the language of a Panther log (setuperr.log) and still shows its findings', async () => {
    const uri = logFixture('osd-code31', 'setuperr.log');
    const doc = await openLog(api, uri);
    const languageBefore = doc.languageId;
    const diagnostics = await sccmDiagnostics(uri, 4);
    assert.equal(api.logState(uri)?.format, 'panther');
    assert.notEqual(documentOf(uri)?.languageId, 'sccm-log');
    assert.equal(documentOf(uri)?.languageId, languageBefore);
    assert.ok(byRule(diagnostics, 'SETUP-DRIVERSTORE-FAIL'));
  });

  it('leaves an ordinary .log alone: no language change, no diagnostics', async () => {
    const uri = logFixture('recognition', 'build-server.log');
    const doc = await openLog(api, uri);
    const language = doc.languageId;
    await new Promise((r) => setTimeout(r, 300));
    await api.whenIdle();
    assert.equal(api.logState(uri), undefined);
    assert.equal(documentOf(uri)?.languageId, language);
    assert.notEqual(language, 'sccm-log');
    assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
  });
});

describe('SCCM logs in the editor: Problems, hovers, quick fixes', function () {
  this.timeout(60000);
  let api: LogsTestingApi;
  const smsts = logFixture('osd-code31', 'smsts.log');
  const setuperr = logFixture('osd-code31', 'setuperr.log');
  const pxe = logFixture('pxe-duplicate-guid', 'SMSPXE.log');

  before(async () => {
    api = await logsTesting();
  });
  after(closeAllEditors);

  it('publishes the code 31 failure on its exact range, linked to setuperr.log', async () => {
    await openLog(api, smsts);
    const diagnostics = await sccmDiagnostics(smsts);
    const code31 = byRule(diagnostics, 'OSD-SETUP-WINDOWS-CODE31');
    // Line 10 of the fixture: `<![LOG[Windows setup failed, code 31]LOG]!>...`: the message starts after the 7-character marker.
    assert.deepEqual([code31.range.start.line, code31.range.start.character, code31.range.end.line, code31.range.end.character], [9, 7, 9, 7 + 'Windows setup failed, code 31'.length]);
    assert.equal(code31.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(code31.source, 'SCCM');
    assert.equal(codeTarget(code31), vscode.Uri.parse(referenceOf(osdRules, 'OSD-SETUP-WINDOWS-CODE31')).toString());
    assert.match(code31.message, /^Windows Setup failed \(code 31 \/ 0x80004005\).* \u2014 \S/);
    // The partner log of the same folder is read without being opened: the finding points at its line 3.
    const related = await waitFor('related information to setuperr.log', () => {
      const d = vscode.languages.getDiagnostics(smsts).find((x) => codeValue(x) === 'OSD-SETUP-WINDOWS-CODE31');
      return d?.relatedInformation?.length ? d.relatedInformation : undefined;
    });
    assert.ok(
      related.some((r) => r.location.uri.toString() === setuperr.toString() && r.location.range.start.line === 2),
      related.map((r) => `${r.location.uri.path}:${r.location.range.start.line}`).join(', '),
    );
  });

  it('links setuperr.log back to smsts.log', async () => {
    await openLog(api, setuperr);
    const d = await waitFor('setuperr.log finding related to smsts.log', () => {
      const found = vscode.languages.getDiagnostics(setuperr).find((x) => codeValue(x) === 'SETUP-DRIVERSTORE-FAIL');
      return found?.relatedInformation?.length ? found : undefined;
    });
    assert.equal(d.range.start.line, 2);
    assert.ok(d.relatedInformation?.some((r) => r.location.uri.toString() === smsts.toString() && r.location.range.start.line === 9));
  });

  it('marks generic error records by the log’s own severity, with the code’s reference', async () => {
    const diagnostics = await sccmDiagnostics(setuperr, 4);
    const first = diagnostics.find((d) => d.range.start.line === 0);
    assert.ok(first);
    assert.equal(codeValue(first), '0x8007000D');
    assert.equal(first.severity, vscode.DiagnosticSeverity.Error);
  });

  it('hovers an error code with its name, official message and source', async () => {
    const doc = await openLog(api, setuperr);
    const line = doc.lineAt(2).text;
    const at = new vscode.Position(2, line.indexOf('0x800B0100') + 4);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', setuperr, at);
    const text = hoverText(hovers);
    assert.match(text, /0x800B0100/);
    assert.match(text, /TRUST_E_NOSIGNATURE/);
    assert.match(text, /No signature was present in the subject/);
    assert.match(text, /Source: /);
    assert.match(text, /command:sccm\.logs\.lookUpErrorCode/);
  });

  it('escapes log text put into hover Markdown: markup, links and theme icons', () => {
    const escaped = escapeMarkdown('$(zap) *bold* [link](command:x) <b>\n# title');
    assert.equal(escaped, '\\$(zap) \\*bold\\* \\[link\\](command:x) \\<b\\>\n\\# title');
  });

  it('hovers a CMTrace time with bias +240 as UTC and UTC−04:00', async () => {
    const doc = await openLog(api, smsts);
    const line = doc.lineAt(9).text;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', smsts, new vscode.Position(9, line.indexOf('10:43:07') + 2));
    const text = hoverText(hovers);
    // 10:43:07.725 local + 240 minutes = 14:43:07.725 UTC.
    assert.match(text, /2019-10-18 14:43:07\.725/);
    assert.match(text, /UTC\u221204:00/);
  });

  it('hovers a time with bias -330 as UTC+05:30, and the date attribute too', async () => {
    const doc = await openLog(api, pxe);
    const line = doc.lineAt(0).text;
    const onTime = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', pxe, new vscode.Position(0, line.indexOf('09:12:03') + 1)));
    // 09:12:03.118 local - 330 minutes = 03:42:03.118 UTC.
    assert.match(onTime, /2024-03-11 03:42:03\.118/);
    assert.match(onTime, /UTC\+05:30/);
    const onDate = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', pxe, new vscode.Position(0, line.indexOf('date="') + 8)));
    assert.match(onDate, /2024-03-11 03:42:03\.118/);
  });

  it('offers explain, reference and the BannedGuids value built from exactly the duplicate GUIDs', async () => {
    await openLog(api, pxe);
    const diagnostics = await sccmDiagnostics(pxe, 2);
    const duplicate = byRule(diagnostics, 'PXE-DUPLICATE-SMBIOS-GUID');
    assert.equal(codeTarget(duplicate), vscode.Uri.parse(referenceOf(pxeRules, 'PXE-DUPLICATE-SMBIOS-GUID')).toString());
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', pxe, duplicate.range, vscode.CodeActionKind.QuickFix.value);
    const ours = actions.filter((a) => a.command?.command.startsWith('sccm.logs.'));
    const explain = ours.find((a) => a.title.startsWith('Explain: Two devices share one SMBIOS GUID'));
    assert.ok(explain, ours.map((a) => a.title).join(' | '));
    assert.equal(explain.isPreferred, true);
    assert.equal(explain.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(ours.some((a) => a.title === 'Open reference' && a.command?.arguments?.[0] === referenceOf(pxeRules, 'PXE-DUPLICATE-SMBIOS-GUID')));
    const copyReg = ours.find((a) => a.title === 'Copy the BannedGuids registry value (.reg)');
    assert.ok(copyReg, ours.map((a) => a.title).join(' | '));
    const regText = (copyReg.command?.arguments?.[0] as { text: string }).text;
    const value = /"BannedGuids"="([^"]*)"/.exec(regText)?.[1];
    assert.deepEqual(value?.split(';').sort(), [GUID_A, GUID_B].sort());
    assert.ok(ours.some((a) => a.title.startsWith('Copy PowerShell')));

    const copied = await vscode.commands.executeCommand<string>(copyReg.command!.command, ...(copyReg.command!.arguments ?? []));
    assert.equal(copied, regText);
    const explained = await vscode.commands.executeCommand<{ markdown: string; uri: vscode.Uri }>(explain.command!.command, ...(explain.command!.arguments ?? []));
    assert.match(explained.markdown, /^# Two devices share one SMBIOS GUID/m);
    assert.match(explained.markdown, /## Likely cause/);
    assert.match(explained.markdown, /## Remediation/);
    assert.match(explained.markdown, /## Related lines/);
    assert.ok(explained.markdown.includes(GUID_B));
    const shown = await vscode.workspace.openTextDocument(explained.uri);
    assert.equal(shown.getText(), explained.markdown, 'the explanation document serves the same markdown');
  });

  it('explains a finding in a read-only markdown document whose related lines are links', async () => {
    const diagnostics = await sccmDiagnostics(smsts);
    const code31 = byRule(diagnostics, 'OSD-SETUP-WINDOWS-CODE31');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', smsts, code31.range);
    const explain = actions.find((a) => a.isPreferred && a.command?.command === 'sccm.logs.explainFinding');
    assert.ok(explain?.command);
    const explained = await vscode.commands.executeCommand<{ markdown: string; uri: vscode.Uri }>(explain.command.command, ...(explain.command.arguments ?? []));
    for (const section of ['What happened', 'Likely cause', 'Fix', 'Related lines', 'Reference']) assert.match(explained.markdown, new RegExp(`^## ${section}$`, 'm'));
    assert.match(explained.markdown, /Windows setup failed, code 31/, 'the record itself');
    const doc = await waitFor('the explanation beside the log', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === explained.uri.toString())?.document);
    assert.equal(doc.languageId, 'markdown');
    assert.equal(vscode.workspace.fs.isWritableFileSystem(explained.uri.scheme), false, 'read-only');
    const links = await waitFor('document links', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', explained.uri);
      return found.some((l) => l.target?.path.endsWith('/setuperr.log')) ? found : undefined;
    });
    const toSetuperr = links.find((l) => l.target?.path.endsWith('/setuperr.log'));
    assert.equal(toSetuperr?.target?.fragment, 'L3');
  });

  it('offers "Look up error code" on a finding with a code, and the lookup answers every form', async () => {
    const diagnostics = await sccmDiagnostics(setuperr, 4);
    const withCode = diagnostics.find((d) => codeValue(d) === '0x8007000D');
    assert.ok(withCode);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', setuperr, withCode.range);
    const lookUp = actions.find((a) => a.title === 'Look up error code 0x8007000D');
    assert.ok(lookUp);
    for (const form of ['0x80070002', '80070002', '-2147024894', '2147942402']) {
      const result = await vscode.commands.executeCommand<{ info: { hex: string; name: string } | null; rules: string[] }>('sccm.logs.lookUpErrorCode', form);
      assert.equal(result.info?.hex, '0x80070002', form);
      assert.equal(result.info?.name, 'ERROR_FILE_NOT_FOUND');
      assert.ok(result.rules.includes('OSD-80070002-APPLY-OS'));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    const unknown = await vscode.commands.executeCommand<{ info: unknown }>('sccm.logs.lookUpErrorCode', '0x12345678');
    assert.equal(unknown.info, null);
  });

  it('asks for the code when run from the palette', async () => {
    api.answerPrompts(['1603']);
    const result = await vscode.commands.executeCommand<{ info: { hex: string } | null }>('sccm.logs.lookUpErrorCode');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(api.askedPrompts()[0]?.kind, 'inputBox');
    api.answerPrompts(undefined);
    assert.equal(result.info?.hex, '0x00000643');
  });
});

describe('SCCM logs in the editor: navigation, annotations, status bar', function () {
  this.timeout(60000);
  let api: LogsTestingApi;
  const smsts = logFixture('osd-code31', 'smsts.log');

  before(async () => {
    api = await logsTesting();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('sccm.logs').update('annotations.inline', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('moves to the next and previous error record and comes round', async () => {
    const editor = await showLog(api, smsts);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // Error records (type="3") start on lines 10, 13, 17 and 19 of the fixture.
    const lines: number[] = [];
    for (let i = 0; i < 5; i++) {
      await vscode.commands.executeCommand('sccm.logs.nextError');
      lines.push(vscode.window.activeTextEditor!.selection.active.line + 1);
    }
    assert.deepEqual(lines, [10, 13, 17, 19, 10]);
    assert.equal(vscode.window.activeTextEditor!.selection.active.character, 7, 'at the start of the message');
    await vscode.commands.executeCommand('sccm.logs.previousError');
    assert.equal(vscode.window.activeTextEditor!.selection.active.line + 1, 19, 'back round to the last one');
  });

  it('annotates finding lines and toggles every annotation', async () => {
    await showLog(api, smsts);
    const counts = await waitFor('annotations on smsts.log', () => {
      api.refreshAnnotations();
      const c = api.annotationCounts(smsts);
      return c && c.inline > 0 ? c : undefined;
    });
    assert.ok(counts.gutter > 0 && counts.overviewRuler > 0);
    assert.equal(await vscode.commands.executeCommand('sccm.logs.toggleAnnotations'), false);
    assert.deepEqual(api.annotationCounts(smsts), { inline: 0, gutter: 0, overviewRuler: 0 });
    assert.equal(await vscode.commands.executeCommand('sccm.logs.toggleAnnotations'), true);
    assert.deepEqual(api.annotationCounts(smsts), counts);
    await vscode.workspace.getConfiguration('sccm.logs').update('annotations.inline', false, vscode.ConfigurationTarget.Global);
    const withoutInline = await waitFor('inline hints off', () => {
      api.refreshAnnotations();
      const c = api.annotationCounts(smsts);
      return c?.inline === 0 ? c : undefined;
    });
    assert.equal(withoutInline.gutter, counts.gutter, 'the other kinds stay');
  });

  it('shows the log’s own error and warning record counts in the status bar', async () => {
    await showLog(api, smsts);
    const status = await waitFor('status bar item', () => (api.statusBar().visible ? api.statusBar() : undefined));
    // type="3": 4 records; type="2": 2 records.
    assert.equal(status.text, '$(error) 4 $(warning) 2');
    assert.equal(status.command, 'sccm.logs.openViewer');
    assert.match(status.tooltip, /finding/);
    assert.match(status.accessibilityLabel, /4 error records, 2 warning records/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('status bar hidden', () => (api.statusBar().visible ? undefined : true));
  });
});

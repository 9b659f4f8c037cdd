import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LogsTestingApi } from '../../src/logs/testingApi';
import { waitFor } from './helpers';
import { closeAllEditors, logFixture, logsTesting, openLog, sccmDiagnostics } from './logsTestKit';

function record(message: string, type: number): string {
  return `<![LOG[${message}]LOG]!><time="11:02:17.431+240" date="10-18-2019" component="TSManager" context="" type="${type}" thread="1964" file="utils.cpp:4214">\r\n`;
}

describe('SCCM logs in the editor: live tail', function () {
  this.timeout(60000);
  let api: LogsTestingApi;
  let dir: string;
  let file: string;

  before(async () => {
    api = await logsTesting();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-tail-'));
    file = path.join(dir, 'smsts.log');
    fs.copyFileSync(logFixture('osd-code31', 'smsts.log').fsPath, file);
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes an error record appended on disk', async () => {
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await openLog(api, uri), { preview: false });
    const before = await sccmDiagnostics(uri);
    const linesBefore = fs.readFileSync(file, 'utf8').split(/\r\n/).length - 1;
    fs.appendFileSync(file, record('Failed to open C:\\_SMSTaskSequence\\TSEnv.dat. The system cannot find the path specified. (Error: 80070003; Source: Windows)', 3));
    const appended = await waitFor(
      'the appended error as a diagnostic',
      () => vscode.languages.getDiagnostics(uri).find((d) => d.range.start.line === linesBefore),
      5000,
    );
    assert.equal(appended.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(appended.code && typeof appended.code === 'object' ? appended.code.value : appended.code, '0x80070003');
    assert.ok(vscode.languages.getDiagnostics(uri).length > before.length);
    assert.equal(api.logState(uri)?.counts.error, 5);
  });

  it('reads the new file after a rollover to .lo_', async () => {
    const uri = vscode.Uri.file(file);
    fs.renameSync(file, path.join(dir, 'smsts.lo_'));
    fs.writeFileSync(
      file,
      '\ufeff' +
        record('==============================[ TSManager.exe ]==============================', 1) +
        record('Failed to download policy {5C8D7E0A-1F2B-4C3D-8E9F-0A1B2C3D4E5F} (Code 0x80190194).', 3),
    );
    const diagnostics = await waitFor(
      'only the new file’s findings',
      () => {
        const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'SCCM');
        return list.length > 0 && list.every((d) => d.range.start.line === 1) ? list : undefined;
      },
      5000,
    );
    assert.ok(diagnostics.some((d) => /0x80190194|404/.test(d.message) || (typeof d.code === 'object' && String(d.code.value).includes('0x80190194'))));
    assert.equal(api.logState(uri)?.records, 2);
  });
});

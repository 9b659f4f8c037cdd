import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LogsTestingApi } from '../../src/logs/testingApi';
import { waitFor } from './helpers';
import { closeAllEditors, codeValue, logFixture, logsTesting } from './logsTestKit';

function record(message: string, type: number): string {
  return `<![LOG[${message}]LOG]!><time="10:26:12.602+240" date="10-18-2019" component="TSManager" context="" type="${type}" thread="1964" file="engine.cxx:2241">\r\n`;
}

describe('SCCM logs in the editor: big files and the workspace scan', function () {
  this.timeout(120000);
  let api: LogsTestingApi;
  let dir: string;

  before(async () => {
    api = await logsTesting();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-big-'));
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a log over 50 MB from disk (VS Code does not hand it to extensions) and publishes its findings', async () => {
    const file = path.join(dir, 'smsts.log');
    const filler = record('Set a global environment variable _SMSTSNextInstructionPointer=16', 1).repeat(1000);
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '\ufeff' + record('Windows setup failed, code 31', 3));
    for (let written = 0; written < 52 * 1024 * 1024; written += filler.length) fs.writeSync(fd, filler);
    fs.closeSync(fd);
    const uri = vscode.Uri.file(file);
    await vscode.commands.executeCommand('vscode.open', uri);
    const diagnostic = await waitFor(
      'the code 31 finding of the big log',
      () => vscode.languages.getDiagnostics(uri).find((d) => codeValue(d) === 'OSD-SETUP-WINDOWS-CODE31'),
      60000,
    );
    assert.equal(diagnostic.range.start.line, 0);
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), false, 'the editor did not get the text');
    assert.equal(api.logState(uri)?.sourceKind, 'disk');
  });

  it('scans every SCCM log of the workspace on command, and keeps their findings without editors', async () => {
    await closeAllEditors();
    const summary = await vscode.commands.executeCommand<{ files: number; logs: number; findings: number }>('sccm.logs.scanWorkspace');
    // test/workspace/logs has five SCCM logs named .log/.lo_ (and build-server.log, which is none).
    assert.ok(summary.logs >= 5, JSON.stringify(summary));
    assert.ok(summary.files > summary.logs, 'the ordinary .log was looked at and left out');
    const rolled = logFixture('recognition', 'execmgr.lo_');
    assert.ok(vscode.languages.getDiagnostics(rolled).some((d) => d.source === 'SCCM'));
    assert.deepEqual(vscode.languages.getDiagnostics(logFixture('recognition', 'build-server.log')), []);
  });
});

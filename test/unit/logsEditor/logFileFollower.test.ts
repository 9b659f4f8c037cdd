import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LogFileFollower } from '../../../src/core/logs/editor/logFileFollower';
import { CancellationError, CancellationSource } from '../../../src/core/util/cancellation';
import type { LogAnalysis } from '../../../src/core/logs/editor/logAnalysis';
import { cmtrace, tempFolder } from './helpers';

describe('LogFileFollower (live tail of a log on disk)', () => {
  let folder: ReturnType<typeof tempFolder>;
  let file: string;

  beforeEach(() => {
    folder = tempFolder();
    file = path.join(folder.dir, 'smsts.log');
  });
  afterEach(() => folder.remove());

  const info = cmtrace('Start executing an instruction. Instruction name: Apply Operating System. Instruction pointer: 7');
  const error = cmtrace('Failed to delete directory C:\\_SMSTaskSequence\\Packages. GLE = 0x5', { type: 3 });

  it('reads only the appended bytes into the same analysis', async () => {
    fs.writeFileSync(file, info);
    const follower = new LogFileFollower(file, { keepOpen: true });
    assert.equal(await follower.load(), 'restarted');
    const analysis = follower.analysis;
    assert.equal(analysis.store.recordCount, 1);
    assert.equal(analysis.findings.length, 0);

    fs.appendFileSync(file, error);
    assert.equal(await follower.refresh(), 'appended');
    assert.equal(follower.analysis, analysis, 'no re-read from the start');
    assert.equal(analysis.store.recordCount, 2);
    assert.equal(analysis.bytesRead, fs.statSync(file).size);
    assert.deepEqual(
      analysis.findings.map((f) => f.line),
      [2],
    );
    assert.equal(await follower.refresh(), 'unchanged');
  });

  it('starts over on the new file when the log rolls over to .lo_', async () => {
    fs.writeFileSync(file, info + error);
    const follower = new LogFileFollower(file, { keepOpen: true });
    await follower.load();
    const before = follower.analysis;
    assert.equal(before.findings.length, 1);

    // ConfigMgr renames X.log to X.lo_ and starts a new X.log, which may soon be bigger than the old offset.
    fs.renameSync(file, path.join(folder.dir, 'smsts.lo_'));
    assert.equal(await follower.refresh(), 'missing');
    fs.writeFileSync(file, info + info + info);
    assert.equal(await follower.refresh(), 'restarted');
    assert.notEqual(follower.analysis, before);
    assert.equal(follower.analysis.store.recordCount, 3);
    assert.equal(follower.analysis.findings.length, 0, 'the old file’s error is gone with it');
  });

  it('starts over when the file was truncated', async () => {
    fs.writeFileSync(file, info + info + error);
    const follower = new LogFileFollower(file, { keepOpen: true });
    await follower.load();
    fs.writeFileSync(file, error);
    assert.equal(await follower.refresh(), 'restarted');
    assert.equal(follower.analysis.store.recordCount, 1);
    assert.deepEqual(
      follower.analysis.findings.map((f) => f.line),
      [1],
    );
  });

  it('re-reads a log whose format cannot be continued (Panther records may span lines)', async () => {
    const setuperr = path.join(folder.dir, 'setuperr.log');
    const line = (msg: string): string => `2019-10-18 10:42:58, Error                 SP     ${msg}\r\n`;
    fs.writeFileSync(setuperr, line('AddDriverPackageIntoDriverStore: Failed to install the driver package C:\\d\\a.inf. Error = 0x800B0100'));
    const follower = new LogFileFollower(setuperr, { keepOpen: true });
    await follower.load();
    assert.equal(follower.analysis.store.recordCount, 1);
    fs.appendFileSync(setuperr, line('Callback_Mig_ApplyDrivers: Failed to add driver packages; hr = 0x800B0100'));
    assert.equal(await follower.refresh(), 'restarted');
    assert.equal(follower.analysis.store.recordCount, 2);
  });

  it('reports every chunk of a big read, the first one early', async () => {
    let text = error;
    while (text.length < 300_000) text += info;
    fs.writeFileSync(file, text);
    const steps: Array<{ analysis: LogAnalysis; to: number; added: number }> = [];
    const follower = new LogFileFollower(file, { keepOpen: false, firstChunkBytes: 4096, chunkBytes: 65536, onStep: (analysis, step) => steps.push({ analysis, to: step.to, added: step.added.length }) });
    await follower.load();
    assert.ok(steps.length > 3, `read in several chunks (${steps.length})`);
    assert.equal(steps[0].added, 1, 'the first chunk already gives the finding on line 1');
    assert.ok(steps[0].to < follower.analysis.store.recordCount / 10, 'long before the whole file is read');
    assert.ok(steps.every((s) => s.analysis === follower.analysis));
  });

  it('without tail, a rewritten file is read again', async () => {
    fs.writeFileSync(file, info);
    const follower = new LogFileFollower(file, { keepOpen: false });
    await follower.load();
    fs.appendFileSync(file, error);
    assert.equal(await follower.refresh(), 'restarted');
    assert.equal(follower.analysis.findings.length, 1);
  });

  it('starts over when the log was copied, emptied and written again past where it was read', async () => {
    fs.writeFileSync(file, error + info);
    const follower = new LogFileFollower(file, { keepOpen: true });
    await follower.load();
    assert.equal(follower.analysis.findings.length, 1);
    // Copy-and-truncate: same file, now longer than before, but none of it is the old text.
    fs.copyFileSync(file, path.join(folder.dir, 'smsts.lo_'));
    fs.truncateSync(file, 0);
    fs.appendFileSync(file, cmtrace('Start executing an instruction. Instruction name: Setup Windows and ConfigMgr. Instruction pointer: 15') + info + info);
    assert.ok(fs.statSync(file).size > follower.analysis.bytesRead);
    assert.equal(await follower.refresh(), 'restarted');
    assert.equal(follower.analysis.store.recordCount, 3, 'only the new records');
    assert.equal(follower.analysis.findings.length, 0, 'the old error is not kept as if still in the file');
  });

  it('goes on where a cancelled load stopped', async () => {
    let text = '';
    while (text.length < 100_000) text += info;
    text += error;
    fs.writeFileSync(file, text);
    const cancel = new CancellationSource();
    // Chunks end between records, so what was read can be continued (else the refresh would read it all again).
    const chunk = Buffer.byteLength(info) * 20;
    const follower = new LogFileFollower(file, { keepOpen: true, firstChunkBytes: chunk, chunkBytes: chunk, onStep: () => cancel.cancel() });
    await assert.rejects(follower.load(cancel.token), CancellationError);
    const partial = follower.analysis;
    assert.equal(partial.bytesRead, chunk, 'stopped after the first chunk');
    assert.equal(await follower.refresh(), 'appended');
    assert.equal(follower.analysis, partial);
    assert.equal(partial.bytesRead, text.length);
    assert.equal(partial.store.recordCount, text.split('\r\n').length - 1);
    assert.deepEqual(
      partial.findings.map((f) => f.line),
      [partial.store.recordCount],
    );
  });
});

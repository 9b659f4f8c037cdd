import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationSource } from '../../../../src/core/util/cancellation';
import { LogFeeds } from '../../../../src/webviews/logViewer/LogFeeds';
import { rolledOverPath } from '../../../../src/core/logs/tail/rolledOver';
import { ViewerModel } from '../../../../src/webviews/logViewer/ViewerModel';
import { cmtraceText, immediate } from './support';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function record(second: number, message: string, type: 1 | 3 = 1): string {
  return cmtraceText([{ time: `10:00:${String(second).padStart(2, '0')}.000`, bias: '+240', type, message }]);
}

describe('viewer: reading logs from disk and following them', () => {
  let dir: string;
  let feeds: LogFeeds | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-feeds-'));
  });
  afterEach(() => {
    feeds?.dispose();
    feeds = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, live = true): Promise<{ model: ViewerModel; feeds: LogFeeds; changes: string[] }> {
    const model = new ViewerModel({ yieldControl: immediate });
    const changes: string[] = [];
    feeds = new LogFeeds(model, { changed: (what) => changes.push(what) }, 60_000);
    await feeds.load([{ displayPath: file, file, live }], () => undefined);
    feeds.follow();
    return { model, feeds, changes };
  }

  it('names the previous copy ConfigMgr keeps', () => {
    assert.equal(rolledOverPath('C:\\Windows\\CCM\\Logs\\CAS.log'), 'C:\\Windows\\CCM\\Logs\\CAS.lo_');
    assert.equal(rolledOverPath('/logs/SMSTS.LOG'), '/logs/SMSTS.LO_');
  });

  it('loads a file, finds what the knowledge base knows in it, and reads only what is appended', async () => {
    const file = path.join(dir, 'CAS.log');
    fs.writeFileSync(file, Buffer.concat([BOM, Buffer.from(record(1, 'one') + record(2, 'Failed to download content P0100012.1. Error 0x80070002', 3))]));
    const { model, feeds: f, changes } = await open(file);
    assert.equal(model.total, 2);
    assert.ok(model.findings.some((x) => x.record === 1), 'the error record has a finding');
    assert.ok(changes.includes('findings'));
    changes.length = 0;
    fs.appendFileSync(file, record(3, 'three') + record(4, 'four'));
    await f.checkTails();
    assert.equal(model.total, 4);
    assert.deepEqual(changes, ['records'], 'no new finding: the findings are not sent again');
    assert.deepEqual(model.rows(2, 2).map((r) => r.text), ['three', 'four']);
    // A record cut in the middle of a write waits for its end.
    const next = record(5, 'five');
    fs.appendFileSync(file, next.slice(0, 20));
    await f.checkTails();
    assert.equal(model.total, 4);
    fs.appendFileSync(file, next.slice(20));
    await f.checkTails();
    assert.equal(model.total, 5);
  });

  it('keeps the records of a rolled-over log as the .lo_ (with what was written last) and follows the new file', async () => {
    const file = path.join(dir, 'CAS.log');
    fs.writeFileSync(file, Buffer.concat([BOM, Buffer.from(record(1, 'old one'))]));
    const { model, feeds: f } = await open(file);
    fs.appendFileSync(file, record(2, 'old two, written just before the rollover'));
    fs.renameSync(file, rolledOverPath(file));
    fs.writeFileSync(file, Buffer.concat([BOM, Buffer.from(record(3, 'new one'))]));
    await f.checkTails();
    assert.deepEqual(model.logs.map((l) => l.name), ['CAS.lo_', 'CAS.log']);
    assert.deepEqual(model.logs.map((l) => l.live), [false, true]);
    assert.equal(model.logs[0].path, rolledOverPath(file), '"Go to line" opens the file the records are in now');
    assert.deepEqual(model.rows(0, 10).map((r) => r.text), ['old one', 'old two, written just before the rollover', 'new one']);
    fs.appendFileSync(file, record(4, 'new two'));
    await f.checkTails();
    assert.equal(model.rows(3, 1)[0]?.text, 'new two');
  });

  it('after a rollover, is told about writes to the new file (the watch follows the name, not the old file)', async function () {
    if (process.platform === 'win32') this.skip(); // Windows watches by name anyway
    const file = path.join(dir, 'CAS.log');
    fs.writeFileSync(file, Buffer.concat([BOM, Buffer.from(record(1, 'old one'))]));
    const { model, feeds: f } = await open(file);
    fs.renameSync(file, rolledOverPath(file));
    fs.writeFileSync(file, Buffer.concat([BOM, Buffer.from(record(2, 'new one'))]));
    await f.checkTails();
    assert.equal(model.total, 2);
    // No poll in these tests (60 s): only the file watch can bring the next record in.
    fs.appendFileSync(file, record(3, 'new two'));
    const deadline = Date.now() + 5000;
    while (model.total < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(model.total, 3);
  });

  it('starts over when the file is emptied in place', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, Buffer.from(record(1, 'before') + record(2, 'before too')));
    const { model, feeds: f } = await open(file);
    fs.writeFileSync(file, Buffer.from(record(3, 'after')));
    await f.checkTails();
    assert.equal(model.logs.length, 2);
    assert.match(model.logs[0].name, /before it was emptied/);
    assert.deepEqual(model.rows(0, 10).map((r) => r.text), ['before', 'before too', 'after']);
  });

  it('keeps the records of a log copied, emptied and written again past where it was read as their own log', async () => {
    const file = path.join(dir, 'app.log');
    fs.writeFileSync(file, Buffer.from(record(1, 'before')));
    const { model, feeds: f } = await open(file);
    fs.copyFileSync(file, rolledOverPath(file));
    fs.truncateSync(file, 0);
    fs.appendFileSync(file, record(2, 'after') + record(3, 'after too'));
    await f.checkTails();
    assert.deepEqual(model.logs.map((l) => l.live), [false, true]);
    assert.match(model.logs[0].name, /before it was emptied/);
    assert.deepEqual(model.rows(0, 10).map((r) => r.text), ['before', 'after', 'after too'], 'nothing of the new text taken as appended to the old');
  });

  it('does not follow a .lo_ and keeps what was read when loading is cancelled', async () => {
    const file = path.join(dir, 'CAS.lo_');
    fs.writeFileSync(file, Buffer.from(record(1, 'only') + 'a last line without its end'));
    const { model } = await open(file, false);
    assert.equal(model.logs[0].live, false);
    assert.equal(model.total, 2, 'a finished file: the trailing text is kept as a fragment');
    const cancelled = new CancellationSource();
    cancelled.cancel();
    const other = new ViewerModel({ yieldControl: immediate });
    const f = new LogFeeds(other, { changed: () => undefined });
    await f.load([{ displayPath: file, file, live: false }], () => undefined, cancelled.token);
    assert.equal(other.total, 0);
    f.dispose();
  });
});

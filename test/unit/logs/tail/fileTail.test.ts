import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileTail } from '../../../../src/core/logs/tail/fileTail';
import { rolledOverPath } from '../../../../src/core/logs/tail/rolledOver';
import { CancellationError, CancellationSource } from '../../../../src/core/util/cancellation';
import { lines, recordingSink, tempFolder, touchLater } from './tailTestSupport';

describe('FileTail: following a file on disk by byte offset', () => {
  let folder: ReturnType<typeof tempFolder>;
  let file: string;

  beforeEach(() => {
    folder = tempFolder();
    file = path.join(folder.dir, 'CAS.log');
  });
  afterEach(() => folder.remove());

  it('names the previous copy ConfigMgr keeps', () => {
    assert.equal(rolledOverPath('C:\\Windows\\CCM\\Logs\\CAS.log'), 'C:\\Windows\\CCM\\Logs\\CAS.lo_');
    assert.equal(rolledOverPath('/logs/SMSTS.LOG'), '/logs/SMSTS.LO_');
    assert.equal(rolledOverPath('/logs/setupact.txt'), '/logs/setupact.txt.lo_');
  });

  it('reads the whole file first, a small chunk first and then bounded ones', async () => {
    const text = lines('old', 0, 2000);
    fs.writeFileSync(file, text);
    const sink = recordingSink();
    const tail = new FileTail(file, sink, { firstChunkBytes: 1000, chunkBytes: 8000 });
    assert.equal(await tail.check(), 'restarted');
    assert.deepEqual(sink.events[0], { restart: 'opened', rolledPath: null });
    assert.equal(sink.text(), text);
    assert.equal(sink.chunkSizes[0], 1000, 'the first findings come from a small first read');
    assert.ok(sink.chunkSizes.slice(1).every((n) => n <= 8000), `no chunk over the bound: ${sink.chunkSizes.join(',')}`);
    assert.ok(sink.chunkSizes.length > 3);
    assert.deepEqual(sink.progress[sink.progress.length - 1], { offset: text.length, size: text.length });
    assert.equal(tail.offset, text.length);
  });

  it('reads only appended bytes, and says when nothing changed or the file is gone', async () => {
    fs.writeFileSync(file, lines('old', 0, 3));
    const sink = recordingSink();
    const tail = new FileTail(file, sink);
    await tail.check();
    sink.events.length = 0;
    assert.equal(await tail.check(), 'unchanged');
    fs.appendFileSync(file, lines('old', 3, 2));
    assert.equal(await tail.check(), 'appended');
    assert.deepEqual(sink.stream(), [{ bytes: lines('old', 3, 2) }]);
    // A record cut in the middle of a write: its first half now, the rest with the next check.
    fs.appendFileSync(file, 'half a ');
    assert.equal(await tail.check(), 'appended');
    fs.appendFileSync(file, 'record\r\n');
    assert.equal(await tail.check(), 'appended');
    assert.equal(sink.text(), lines('old', 3, 2) + 'half a record\r\n');
    fs.rmSync(file);
    assert.equal(await tail.check(), 'missing');
    assert.equal(await new FileTail(path.join(folder.dir, 'none.log'), recordingSink()).check(), 'missing');
  });

  it('after a rollover to .lo_, delivers what the old file got last, then the new file from its start', async () => {
    fs.writeFileSync(file, lines('old', 0, 3));
    const sink = recordingSink();
    const tail = new FileTail(file, sink);
    await tail.check();
    sink.events.length = 0;
    fs.appendFileSync(file, lines('old', 3, 1)); // written just before the rollover, never read from CAS.log
    fs.renameSync(file, rolledOverPath(file));
    fs.writeFileSync(file, lines('new', 0, 10)); // already longer than the old offset
    assert.equal(await tail.check(), 'restarted');
    assert.deepEqual(sink.stream(), [{ bytes: lines('old', 3, 1) }, { restart: 'rolledOver', rolledPath: rolledOverPath(file) }, { bytes: lines('new', 0, 10) }]);
    fs.appendFileSync(file, lines('new', 10, 1));
    assert.equal(await tail.check(), 'appended');
    assert.equal(sink.text(), lines('new', 0, 11));
  });

  it('waits while the name is free between the rename and the new file', async () => {
    fs.writeFileSync(file, lines('old', 0, 3));
    const sink = recordingSink();
    const tail = new FileTail(file, sink);
    await tail.check();
    fs.appendFileSync(file, lines('old', 3, 1));
    fs.renameSync(file, rolledOverPath(file));
    assert.equal(await tail.check(), 'missing');
    fs.writeFileSync(file, lines('new', 0, 1));
    assert.equal(await tail.check(), 'restarted');
    assert.deepEqual(sink.stream().slice(-3), [{ bytes: lines('old', 0, 4) }, { restart: 'rolledOver', rolledPath: rolledOverPath(file) }, { bytes: lines('new', 0, 1) }]);
  });

  it('does not take an unrelated .lo_ for the old file', async () => {
    fs.writeFileSync(rolledOverPath(file), lines('older', 0, 50)); // yesterday's copy
    fs.writeFileSync(file, lines('old', 0, 3));
    const sink = recordingSink();
    const tail = new FileTail(file, sink);
    await tail.check();
    sink.events.length = 0;
    // Replaced by another file (written aside, renamed over it): the old one and its rest are gone.
    fs.writeFileSync(`${file}.tmp`, lines('new', 0, 5));
    fs.renameSync(`${file}.tmp`, file);
    assert.equal(await tail.check(), 'restarted');
    assert.deepEqual(sink.stream(), [{ restart: 'replaced', rolledPath: null }, { bytes: lines('new', 0, 5) }]);
  });

  it('starts over, with no rest, when the file is truncated in place', async () => {
    fs.writeFileSync(file, lines('old', 0, 5));
    const sink = recordingSink();
    const tail = new FileTail(file, sink);
    await tail.check();
    sink.events.length = 0;
    fs.writeFileSync(file, lines('new', 0, 1));
    assert.equal(await tail.check(), 'restarted');
    assert.deepEqual(sink.stream(), [{ restart: 'shrunk', rolledPath: null }, { bytes: lines('new', 0, 1) }]);
  });

  it('tells a copy-and-truncate that grew past the old offset from an append', async () => {
    fs.writeFileSync(file, lines('old', 0, 5));
    const sink = recordingSink();
    const tail = new FileTail(file, sink);
    await tail.check();
    const inode = fs.statSync(file).ino;
    // The log is copied to .lo_, emptied in place and written again, past where we had read.
    fs.copyFileSync(file, rolledOverPath(file));
    fs.truncateSync(file, 0);
    fs.appendFileSync(file, lines('new', 0, 8));
    assert.equal(fs.statSync(file).ino, inode, 'the same file: only its bytes tell');
    assert.ok(fs.statSync(file).size > tail.offset);
    sink.events.length = 0;
    assert.equal(await tail.check(), 'restarted');
    assert.deepEqual(sink.stream(), [{ restart: 'rewritten', rolledPath: null }, { bytes: lines('new', 0, 8) }], 'the new content from its start, nothing of it taken as appended');
    fs.appendFileSync(file, lines('new', 8, 1));
    assert.equal(await tail.check(), 'appended');
    assert.equal(sink.text(), lines('new', 0, 9));
  });

  it('notices a rewrite that kept the size (the bytes before the offset changed)', async () => {
    fs.writeFileSync(file, lines('old', 0, 5));
    const sink = recordingSink();
    const tail = new FileTail(file, sink);
    await tail.check();
    sink.events.length = 0;
    fs.writeFileSync(file, lines('new', 0, 5));
    touchLater(file);
    assert.equal(await tail.check(), 'restarted');
    assert.deepEqual(sink.stream(), [{ restart: 'rewritten', rolledPath: null }, { bytes: lines('new', 0, 5) }]);
    touchLater(file); // only the time changed: nothing to read
    assert.equal(await tail.check(), 'unchanged');
  });

  describe('without file ids (inode 0 on FAT and some network shares)', () => {
    it('still tells appends, rollovers to a bigger file and truncations apart by size and bytes', async () => {
      fs.writeFileSync(file, lines('old', 0, 5));
      const sink = recordingSink();
      const tail = new FileTail(file, sink, { trustFileIds: false });
      await tail.check();
      fs.appendFileSync(file, lines('old', 5, 1));
      assert.equal(await tail.check(), 'appended');
      sink.events.length = 0;

      // Rollover to a new file already longer than the old offset: no identity to compare.
      fs.appendFileSync(file, lines('old', 6, 1));
      fs.renameSync(file, rolledOverPath(file));
      fs.writeFileSync(file, lines('new', 0, 20));
      assert.equal(await tail.check(), 'restarted');
      assert.deepEqual(sink.stream(), [{ bytes: lines('old', 6, 1) }, { restart: 'rolledOver', rolledPath: rolledOverPath(file) }, { bytes: lines('new', 0, 20) }], 'the .lo_ recognised by its bytes');
      sink.events.length = 0;

      // Rollover to a smaller file: the shrink reveals it, the .lo_'s bytes give the rest.
      fs.appendFileSync(file, lines('new', 20, 1));
      fs.rmSync(rolledOverPath(file));
      fs.renameSync(file, rolledOverPath(file));
      fs.writeFileSync(file, lines('newer', 0, 1));
      assert.equal(await tail.check(), 'restarted');
      assert.deepEqual(sink.stream(), [{ bytes: lines('new', 20, 1) }, { restart: 'rolledOver', rolledPath: rolledOverPath(file) }, { bytes: lines('newer', 0, 1) }]);
      sink.events.length = 0;

      // Truncated in place to less than was read: no .lo_ holds its bytes.
      fs.rmSync(rolledOverPath(file));
      fs.writeFileSync(file, 'x\r\n');
      assert.equal(await tail.check(), 'restarted');
      assert.deepEqual(sink.stream(), [{ restart: 'shrunk', rolledPath: null }, { bytes: 'x\r\n' }]);
    });
  });

  it('reads the old file to its end when it rolls over while a check is reading it (between the stat and the reads)', async () => {
    const old = lines('old', 0, 300);
    fs.writeFileSync(file, old);
    const sink = recordingSink();
    sink.afterChunk = (count) => {
      if (count !== 1) return;
      // After the first chunk of the first check: ConfigMgr appends, renames and starts a new log.
      fs.appendFileSync(file, lines('old', 300, 2));
      fs.renameSync(file, rolledOverPath(file));
      fs.writeFileSync(file, lines('new', 0, 400));
    };
    const tail = new FileTail(file, sink, { firstChunkBytes: 512, chunkBytes: 2048 });
    assert.equal(await tail.check(), 'restarted');
    assert.equal(sink.text(), old, 'every byte from the old file, none from the new one');
    assert.equal(await tail.check(), 'restarted');
    assert.deepEqual(sink.stream(), [
      { restart: 'opened', rolledPath: null },
      { bytes: old + lines('old', 300, 2) },
      { restart: 'rolledOver', rolledPath: rolledOverPath(file) },
      { bytes: lines('new', 0, 400) },
    ]);
  });

  it('stops between two chunks when cancelled, and the next check goes on where it stopped', async () => {
    const text = lines('old', 0, 500);
    fs.writeFileSync(file, text);
    const sink = recordingSink();
    const cancel = new CancellationSource();
    sink.afterChunk = (count) => {
      if (count === 2) cancel.cancel();
    };
    const tail = new FileTail(file, sink, { firstChunkBytes: 1000, chunkBytes: 1000 });
    await assert.rejects(tail.check(cancel.token), CancellationError);
    assert.equal(tail.offset, 2000, 'what was delivered is what was read');
    sink.afterChunk = undefined;
    assert.equal(await tail.check(), 'appended');
    assert.equal(sink.text(), text, 'nothing lost, nothing twice');
  });

  it('runs a check asked for while one runs once after it, in the same promise', async () => {
    fs.writeFileSync(file, lines('old', 0, 200));
    const sink = recordingSink();
    const tail = new FileTail(file, sink, { firstChunkBytes: 1000, chunkBytes: 1000 });
    let joined: Array<Promise<unknown>> = [];
    sink.afterChunk = (count) => {
      if (count === 1) {
        fs.appendFileSync(file, lines('more', 0, 1));
        joined = [tail.check(), tail.check()];
      } else if (sink.text().includes('more')) {
        // Written during the check that ran after: a third run would deliver it too.
        if (!sink.text().includes('late')) fs.appendFileSync(file, lines('late', 0, 1));
      }
    };
    const first = tail.check();
    assert.equal(await first, 'restarted');
    assert.equal(joined.length, 2);
    for (const p of joined) assert.equal(p, first, 'asked while running: the same promise');
    assert.equal(sink.text(), lines('old', 0, 200) + lines('more', 0, 1), 'the appended line was read by the one check after');
    sink.afterChunk = undefined;
    assert.equal(await tail.check(), 'appended');
    assert.ok(sink.text().endsWith(lines('late', 0, 1)));
  });

  it('reads again from the start when asked to, or when the sink cannot take appended bytes', async () => {
    fs.writeFileSync(file, lines('old', 0, 2));
    const sink = recordingSink();
    let appendable = true;
    sink.canAppend = () => appendable;
    const tail = new FileTail(file, sink);
    await tail.check();
    assert.equal(await tail.reload(), 'restarted');
    assert.deepEqual(sink.events.slice(-2), [{ restart: 'reloaded', rolledPath: null }, { bytes: lines('old', 0, 2) }]);
    appendable = false;
    assert.equal(await tail.check(), 'unchanged', 'nothing changed: nothing to read again');
    fs.appendFileSync(file, lines('old', 2, 1));
    assert.equal(await tail.check(), 'restarted');
    assert.deepEqual(sink.events.slice(-2), [{ restart: 'changed', rolledPath: null }, { bytes: lines('old', 0, 3) }]);
  });

  it('stops reading once disposed', async () => {
    fs.writeFileSync(file, lines('old', 0, 500));
    const sink = recordingSink();
    const tail = new FileTail(file, sink, { firstChunkBytes: 1000, chunkBytes: 1000 });
    sink.afterChunk = (count) => {
      if (count === 1) tail.dispose();
    };
    await tail.check();
    assert.equal(sink.chunkSizes.length, 1);
  });
});

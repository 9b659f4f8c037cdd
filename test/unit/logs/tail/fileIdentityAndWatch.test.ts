import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileIdentity, sameFile } from '../../../../src/core/logs/tail/fileIdentity';
import { rolledOverPath } from '../../../../src/core/logs/tail/rolledOver';
import { watchFile } from '../../../../src/core/logs/tail/watchFile';
import { tempFolder } from './tailTestSupport';

async function until(what: string, condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('file identity', () => {
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => (folder = tempFolder()));
  afterEach(() => folder.remove());

  it('tells a renamed file from the new one under its name', () => {
    const file = path.join(folder.dir, 'CAS.log');
    fs.writeFileSync(file, 'old');
    const old = fileIdentity(fs.statSync(file, { bigint: true }));
    fs.renameSync(file, rolledOverPath(file));
    fs.writeFileSync(file, 'new');
    assert.equal(sameFile(old, fileIdentity(fs.statSync(rolledOverPath(file), { bigint: true }))), true);
    assert.equal(sameFile(old, fileIdentity(fs.statSync(file, { bigint: true }))), false);
  });

  it('is unknown where the file system reports inode 0, or when file ids are not trusted', () => {
    const stats = fs.statSync(folder.dir, { bigint: true });
    assert.equal(fileIdentity({ dev: stats.dev, ino: 0n, birthtimeNs: stats.birthtimeNs }), undefined);
    assert.equal(fileIdentity(stats, false), undefined);
    assert.equal(sameFile(undefined, fileIdentity(stats)), undefined);
  });
});

describe('watchFile: what makes a tail check', () => {
  let folder: ReturnType<typeof tempFolder>;
  let dispose: (() => void) | undefined;
  beforeEach(() => (folder = tempFolder()));
  afterEach(() => {
    dispose?.();
    folder.remove();
  });

  it('is told about writes to the file under the name, also after a rollover', async () => {
    const file = path.join(folder.dir, 'CAS.log');
    fs.writeFileSync(file, 'old\r\n');
    let changes = 0;
    // No poll within the test: only the file-system watch can report.
    dispose = watchFile(file, () => changes++, 60_000).dispose;
    fs.appendFileSync(file, 'more\r\n');
    await until('a change of CAS.log', () => changes > 0);
    fs.renameSync(file, rolledOverPath(file));
    fs.writeFileSync(file, 'new\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = changes;
    fs.appendFileSync(file, 'new two\r\n');
    await until('a change of the new CAS.log', () => changes > before);
  });

  it('polls for file systems that do not notify', async () => {
    const file = path.join(folder.dir, 'CAS.log');
    fs.writeFileSync(file, 'old\r\n');
    let changes = 0;
    dispose = watchFile(file, () => changes++, 20).dispose;
    await until('two polls without any write', () => changes >= 2);
  });
});

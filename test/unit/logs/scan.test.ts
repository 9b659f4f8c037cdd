import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseLog } from '../../../src/core/logs/logParser';
import { readLogFile, ScanInputError, scanPaths } from '../../../src/core/logs/scan';
import { CancellationError, CancellationSource } from '../../../src/core/util/cancellation';
import { cmtraceLine, entries, fixture, FIXTURES } from './logTestSupport';

describe('log scan (files and folders)', () => {
  it('scans a folder recursively, keeping only files that look like logs, in a stable order', async () => {
    const { files, skipped } = await scanPaths([fixture('folder')]);
    assert.deepEqual(
      files.map((f) => path.relative(FIXTURES, f.path)),
      [path.join('folder', 'CAS.log'), path.join('folder', 'nested', 'setuperr.log')],
    );
    assert.deepEqual(skipped, []);
    const [cas, setuperr] = files;
    assert.equal(cas.format, 'cmtrace');
    assert.equal(cas.encoding, 'utf-8-bom');
    assert.equal(cas.records, 2);
    assert.deepEqual(cas.counts, { error: 1, warning: 0, info: 1 });
    assert.equal(cas.entries, undefined);
    assert.equal(setuperr.format, 'panther');
  });

  it('diagnoses each file: findings sit within records of that file, sorted by line', async () => {
    const { files } = await scanPaths([fixture('folder'), fixture('smsts-torn.log'), fixture('setupapi.dev.log')], { records: true });
    for (const file of files) {
      const lines = file.findings.map((f) => f.line);
      assert.deepEqual(lines, [...lines].sort((a, b) => a - b), file.path);
      for (const finding of file.findings) {
        const record = file.entries?.[finding.recordIndex];
        assert.ok(record, `${file.path}: finding on record ${finding.recordIndex}`);
        assert.ok(finding.line >= record.line && finding.endLine <= record.endLine, `${file.path}: finding lines ${finding.line}-${finding.endLine} outside record ${record.line}-${record.endLine}`);
      }
    }
    // The error record of CAS.log (type 3, 0x80070002) is reported.
    const cas = files.find((f) => f.path.endsWith('CAS.log'));
    assert.ok(cas?.findings.some((f) => f.line === 2 && f.severity === 'error'));
  });

  it('includes every record when asked', async () => {
    const { files } = await scanPaths([fixture('smsts-torn.log')], { records: true });
    assert.equal(files[0].entries?.length, 6);
    assert.equal(files[0].entries?.[1].kind, 'fragment');
  });

  it('parses a named file even when a folder scan would skip it', async () => {
    const { files } = await scanPaths([fixture('folder/README.txt'), fixture('folder/nested/ccmcache.bin')]);
    assert.deepEqual(
      files.map((f) => f.format),
      ['plain', 'plain'],
    );
  });

  it('scans a file named twice (or inside a named folder too) once', async () => {
    const { files } = await scanPaths([fixture('folder/CAS.log'), fixture('folder'), 'folder/CAS.log'], { cwd: FIXTURES });
    assert.equal(files.length, 2);
  });

  it('fails clearly on a missing path', async () => {
    await assert.rejects(scanPaths([fixture('no-such.log')]), (err: unknown) => err instanceof ScanInputError && /no-such\.log: no such file or directory/.test(err.message));
  });

  it('stops when cancelled', async () => {
    const source = new CancellationSource();
    source.cancel();
    await assert.rejects(scanPaths([fixture('folder')], { token: source.token }), CancellationError);
  });

  describe('streaming (how a 2 GB file is read)', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-logscan-'));
    });
    after(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('scans rolled-over .lo_ copies and UTF-16 logs found in a folder, by their content', async () => {
      const folder = path.join(dir, 'rolled');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'CAS.lo_'), `${cmtraceLine('older copy')}\r\n`);
      fs.writeFileSync(path.join(folder, 'wide.log'), Buffer.from(`\ufeff${cmtraceLine('wide', { type: '2' })}\r\n`, 'utf16le'));
      const { files } = await scanPaths([folder]);
      assert.deepEqual(
        files.map((f) => [path.basename(f.path), f.format, f.encoding, f.records, f.counts.warning]),
        [
          ['CAS.lo_', 'cmtrace', 'utf-8', 1, 0],
          ['wide.log', 'cmtrace', 'utf-16le', 1, 1],
        ],
      );
    });

    it('gives the same records reading in 7-byte chunks as parsing the whole file', async () => {
      for (const name of ['smsts-torn.log', 'setupact-continuation.log', 'u_ex210401.log', 'colleval-legacy.log', 'setupapi.dev.log']) {
        const whole = parseLog(fs.readFileSync(fixture(name)));
        const streamed = await readLogFile(fixture(name), { chunkSize: 7 });
        assert.deepEqual(entries(streamed), entries(whole), name);
        assert.equal(streamed.encoding, whole.encoding);
      }
    });

    it('gives every duplicate-GUID finding of a log read in chunks the remediation built from all duplicates', async () => {
      const guidA = '00000011-4918-8015-BF5A-888888888788';
      const guidB = '4C4C4544-0051-3510-8052-B4C04F563432';
      const lookup = (mac: string, guid: string): string => `${cmtraceLine(`${mac}, ${guid}: device is in the database.`, { component: 'SMSPXE' })}\r\n`;
      const file = path.join(dir, 'SMSPXE.log');
      const filler = Array.from({ length: 40 }, (_, i) => `${cmtraceLine(`Looking for bootImage P010000${i % 10}`, { component: 'SMSPXE' })}\r\n`).join('');
      fs.writeFileSync(file, lookup('70:71:BC:88:C3:BC', guidA) + lookup('00:1B:21:3A:4F:90', guidA) + filler + lookup('A4:BB:6D:10:22:7E', guidB) + lookup('A4:BB:6D:10:9C:01', guidB));
      const batches: number[] = [];
      const { files } = await scanPaths([file], { chunkSize: 512, onFindings: (_path, found) => batches.push(found.length) });
      assert.ok(batches.length >= 2, 'the findings came in more than one batch');
      const duplicates = files[0].findings.filter((f) => f.rule === 'PXE-DUPLICATE-SMBIOS-GUID');
      assert.equal(duplicates.length, 2);
      for (const finding of duplicates) {
        const registry = finding.remediation?.find((r) => r.kind === 'registry')?.text ?? '';
        assert.deepEqual(/"BannedGuids"="([^"]*)"/.exec(registry)?.[1].split(';').sort(), [guidA, guidB].sort(), `line ${finding.line}`);
      }
    });

    it('streams a log of many chunks with multi-byte characters and reports records chunk by chunk', async () => {
      const file = path.join(dir, 'big.log');
      const lines = Array.from({ length: 2000 }, (_, i) => cmtraceLine(`Größe ${i} € ${'x'.repeat(i % 50)}`, { type: i % 100 === 0 ? '3' : '1' }));
      fs.writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
      const batches: Array<[number, number]> = [];
      const store = await readLogFile(file, { chunkSize: 4093, onRecords: (_s, from, to) => batches.push([from, to]) });
      assert.equal(store.recordCount, 2000);
      assert.ok(batches.length > 10);
      assert.equal(batches[batches.length - 1][1], 2000);
      batches.forEach(([from], i) => i > 0 && assert.equal(from, batches[i - 1][1]));
      assert.equal(store.entry(1999).message, `Größe 1999 € ${'x'.repeat(1999 % 50)}`);
      assert.equal(store.entry(1999).line, 2000);
      assert.deepEqual(store.counts, { error: 20, warning: 0, info: 1980 });
    });
  });
});

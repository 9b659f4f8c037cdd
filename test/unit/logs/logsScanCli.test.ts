import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { CliIo } from '../../../src/core/cli/args';
import { runCli } from '../../../src/core/cli/main';
import { fixture, FIXTURES } from './logTestSupport';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: FIXTURES, env: {} };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const FILE_KEYS = ['path', 'format', 'encoding', 'records', 'counts', 'findings'];
const FINDING_KEYS = new Set(['line', 'endLine', 'startColumn', 'endColumn', 'severity', 'rule', 'code', 'codeMessage', 'title', 'cause', 'fix', 'reference', 'recordIndex', 'related', 'remediation']);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const FORMATS = new Set(['cmtrace', 'legacy', 'panther', 'windowsupdate', 'windowsupdate10', 'setupapi', 'iis', 'plain']);
const ENCODINGS = new Set(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']);

describe('sccm-workbench logs scan (CLI contract)', () => {
  it('prints exactly one JSON object {"files":[...]} with the ScanFileResult fields', async () => {
    const { code, stdout, stderr } = await run(['logs', 'scan', '--json', 'folder', 'smsts-torn.log']);
    assert.equal(code, 0, stderr);
    assert.equal(stdout.trim().split('\n').length, 1);
    const parsed = JSON.parse(stdout) as { files: Array<Record<string, unknown>> };
    assert.deepEqual(Object.keys(parsed), ['files']);
    assert.equal(parsed.files.length, 3);
    for (const file of parsed.files) {
      assert.deepEqual(Object.keys(file), FILE_KEYS);
      assert.ok(FORMATS.has(file.format as string));
      assert.ok(ENCODINGS.has(file.encoding as string));
      assert.deepEqual(Object.keys(file.counts as object).sort(), ['error', 'info', 'warning']);
      for (const finding of file.findings as Array<Record<string, unknown>>) {
        for (const key of Object.keys(finding)) assert.ok(FINDING_KEYS.has(key), `unexpected finding field ${key}`);
        assert.ok(SEVERITIES.has(finding.severity as string));
        assert.equal(typeof finding.line, 'number');
        assert.equal(typeof finding.title, 'string');
      }
    }
    assert.equal(parsed.files[2].path, fixture('smsts-torn.log'));
    assert.equal(parsed.files[2].records, 6);
  });

  it('adds entries with --records', async () => {
    const { code, stdout } = await run(['logs', 'scan', '--json', '--records', 'cmtrace-times.log']);
    assert.equal(code, 0);
    const [file] = (JSON.parse(stdout) as { files: Array<{ entries: Array<Record<string, unknown>> }> }).files;
    assert.equal(file.entries.length, 7);
    const first = file.entries[0];
    for (const key of ['line', 'endLine', 'localTime', 'utc', 'component', 'thread', 'severity', 'message']) assert.ok(key in first, key);
    assert.equal(first.utc, '2019-10-18T14:30:43.112Z');
    assert.equal(file.entries[1].utc, '2021-03-15T14:03:19.766Z');
  });

  it('prints a readable report without --json', async () => {
    const { code, stdout } = await run(['logs', 'scan', 'folder/CAS.log']);
    assert.equal(code, 0);
    assert.match(stdout, /CAS\.log\n {2}format cmtrace, encoding utf-8-bom, 2 records: 1 error, 0 warnings, 1 info/);
    assert.match(stdout, /line 2 \[error\]/);
    assert.match(stdout, /cause: /);
    assert.match(stdout, /fix: /);
  });

  it('exits 2 with a message on stderr for a missing file', async () => {
    const { code, stdout, stderr } = await run(['logs', 'scan', '--json', 'missing.log']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /cannot read missing\.log: no such file or directory/);
  });

  it('exits 2 on bad usage', async () => {
    assert.equal((await run(['logs', 'scan'])).code, 2);
    assert.equal((await run(['logs', 'scan', '--bogus', 'x.log'])).code, 2);
    const unknown = await run(['logs', 'frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown subcommand "frobnicate"/);
  });

  it('runs as a real process', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'core', 'cli', 'main.ts'), 'logs', 'scan', '--json', fixture('u_ex210401.log')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 0, result.stderr);
    const parsed = JSON.parse(result.stdout) as { files: Array<{ format: string; records: number; counts: object }> };
    assert.equal(parsed.files[0].format, 'iis');
    assert.equal(parsed.files[0].records, 4);
    assert.deepEqual(parsed.files[0].counts, { error: 1, warning: 1, info: 2 });

    const missing = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'core', 'cli', 'main.ts'), 'logs', 'scan', fixture('nope.log')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.log/);
  });
});

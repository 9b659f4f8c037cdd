import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { correlateLogs, createDiagnoser, type DiagnosedLog } from '../../../../src/core/logs/kb/diagnoser';
import { readLogFile } from './support/simpleLogReader';
import { SHARED_SAMPLES, describeWithSharedSamples } from '../../../support/sharedSamples';
import { DEMOS } from '../../../support/demoScenarios';

function diagnoseFile(path: string, fileName?: string): DiagnosedLog {
  const source = readLogFile(path, fileName);
  const diagnoser = createDiagnoser();
  return { source, findings: [...diagnoser.update(source, 0, source.recordCount), ...diagnoser.atEnd(source)] };
}

/**
 * Real logs from public repositories (the project's shared research samples). Their names carry
 * provenance; the log's own name is the part before the first underscore.
 */
const SAMPLES = SHARED_SAMPLES;

describeWithSharedSamples('real sample logs', () => {
  it('are all there', () => {
    assert.ok(readdirSync(SAMPLES).filter((f) => f.endsWith('.log')).length >= 10);
  });

  // Every signature stays silent on them: their errors are real but none is a known failure.
  // Generic findings are expected for the error records (listed with their codes as a check).
  const expectedGeneric: Record<string, string[]> = {
    'UpdatesStore_findingsanity_2021_UTF8BOM.log': ['0x87D00310'],
    'dism_win7_DieterReuter_2014_UTF8BOM.log': ['-', '-', '-', '-'],
    'setupact_winpe-setup_bitbtrust_2019_ANSI.log': ['-'],
    'setuperr_winpe-setup_bitbtrust_2019_ASCII.log': ['-'],
    'smsts_winpe_brackdk04_2019_UTF8BOM.log': ['-'],
    // Seven "Failed to save environment to  (80070057)" records say the same thing: one finding.
    'smsts_winpe_multiline_maxmoonACR_2024_UTF8BOM.log': ['0x80070057'],
  };
  for (const file of existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.log')).sort() : []) {
    it(`no signature fires on ${file}`, () => {
      const logical = file.startsWith('iis10') ? 'u_ex210713.log' : `${file.split('_')[0]}.log`;
      const { findings } = diagnoseFile(join(SAMPLES, file), logical);
      assert.deepEqual(findings.filter((f) => f.rule).map((f) => `${f.rule}@${f.line}`), []);
      assert.deepEqual(findings.map((f) => f.code ?? '-'), expectedGeneric[file] ?? []);
      if (file.startsWith('smsts_winpe_multiline')) {
        assert.equal(findings[0].repeats, 7);
        assert.equal(findings[0].related?.length, 6, 'the six repeats are listed under the first');
      }
    });
  }
});

describe('demo logs (demo/workspace/logs)', () => {
  const root = join(__dirname, '../../../../demo/workspace/logs');

  it('has one folder per scenario, each described in the README', () => {
    const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    assert.deepEqual(folders, Object.keys(DEMOS).sort());
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const folder of folders) assert.ok(readme.includes(folder), `README does not mention ${folder}`);
  });

  for (const [folder, expected] of Object.entries(DEMOS)) {
    it(`${folder} shows ${[...new Set(expected.rules)].join(', ')}`, () => {
      const dir = join(root, folder);
      const logs = readdirSync(dir).sort().map((f) => diagnoseFile(join(dir, f)));
      correlateLogs(logs);
      const findings = logs.flatMap((l) => l.findings);
      assert.deepEqual(findings.filter((f) => f.rule).map((f) => f.rule), expected.rules);
      for (const [from, to] of expected.related ?? []) {
        const source = findings.find((f) => f.rule === from);
        const target = logs.find((l) => l.findings.some((f) => f.rule === to));
        assert.ok(source?.related?.some((r) => r.path === target?.source.path), `${from} is not related to ${to}`);
      }
    });
  }

  it('are CMTrace files as ConfigMgr writes them: UTF-8 BOM, CRLF, a bias on every time', () => {
    for (const folder of Object.keys(DEMOS)) {
      for (const file of readdirSync(join(root, folder))) {
        const bytes = readFileSync(join(root, folder, file));
        const text = bytes.toString('utf8');
        if (!text.includes('<![LOG[')) continue;
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${folder}/${file} has no BOM`);
        assert.ok(text.endsWith('">\r\n'), `${folder}/${file} does not end with CRLF`);
        assert.ok(!/[^\r]\n<!\[LOG\[/.test(text), `${folder}/${file} separates records with LF only`);
        for (const m of text.matchAll(/time="([^"]*)"/g)) assert.match(m[1], /^\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2,3}$/, `${folder}/${file}`);
      }
    }
  });
});

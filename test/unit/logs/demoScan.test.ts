import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { scanPaths } from '../../../src/core/logs/scan';
import { DEMOS } from '../../support/demoScenarios';

const DEMO_LOGS = path.resolve(__dirname, '..', '..', '..', 'demo', 'workspace', 'logs');

// The same scenarios the knowledge-base tests check, end to end through the real parser,
// the file scan and cross-log correlation: what `sccm-workbench logs scan <folder>` shows.
describe('demo scenarios through the file scan (parser + knowledge base + correlation)', () => {
  for (const [folder, expected] of Object.entries(DEMOS)) {
    it(`${folder}: ${[...new Set(expected.rules)].join(', ')}`, async () => {
      const { files } = await scanPaths([path.join(DEMO_LOGS, folder)]);
      const rules = files.flatMap((f) => f.findings.filter((x) => x.rule).map((x) => x.rule as string));
      assert.deepEqual([...rules].sort(), [...expected.rules].sort());
      for (const f of files) assert.equal(f.format === 'cmtrace' || f.format === 'panther', true, `${f.path} is ${f.format}`);
      for (const [from, to] of expected.related ?? []) {
        const target = files.find((f) => f.findings.some((x) => x.rule === to));
        const source = files.flatMap((f) => f.findings).find((x) => x.rule === from);
        assert.ok(target && source?.related?.some((r) => r.path === target.path), `${from} is linked to ${to}`);
      }
    });
  }
});

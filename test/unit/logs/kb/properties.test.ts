import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { findErrorCodes, lookupErrorCode } from '../../../../src/core/logs/errorCodes';
import { createDiagnoser } from '../../../../src/core/logs/kb/diagnoser';
import { readLogFile } from './support/simpleLogReader';

const hex8 = (u: number): string => u.toString(16).toUpperCase().padStart(8, '0');

describe('properties', () => {
  it('finds any failure HRESULT in each printed form and looks it up in each form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x80000000, max: 0xffffffff }), (u) => {
        const code = `0x${hex8(u)}`;
        const signed = u - 2 ** 32;
        for (const message of [
          `Failed with 0x${hex8(u).toLowerCase()}.`,
          `Failed to run the action: X.\nText (Error: ${hex8(u)}; Source: Windows)`,
          `Error 0x(${hex8(u)})`,
          `Unmatched exit code (${signed}) is considered an execution failure.`,
          `Process completed with exit code ${u}`,
        ]) {
          assert.deepEqual(findErrorCodes(message).map((f) => f.code), [code], message);
        }
        for (const input of [code, hex8(u), String(signed), String(u), signed, u]) {
          const info = lookupErrorCode(input);
          if (info) assert.equal(info.hex, code);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same findings whether a demo log is read at once or in random pieces (live tail)', () => {
    const root = join(__dirname, '../../../../demo/workspace/logs');
    const files = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(root, d.name)).map((f) => join(root, d.name, f)));
    for (const file of files) {
      const source = readLogFile(file);
      const once = createDiagnoser();
      const whole = [...once.update(source, 0, source.recordCount), ...once.atEnd(source)];
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, source.recordCount - 1) }), { maxLength: 6 }), (cuts) => {
          const bounds = [0, ...cuts.filter((c) => c < source.recordCount).sort((a, b) => a - b), source.recordCount];
          const tail = createDiagnoser();
          const pieces = bounds.slice(1).flatMap((to, i) => tail.update(source, bounds[i], to));
          const sortKey = (f: { line: number; rule: string | null }) => `${String(f.line).padStart(6, '0')} ${f.rule}`;
          assert.deepEqual([...pieces, ...tail.atEnd(source)].map(sortKey).sort(), whole.map(sortKey).sort(), file);
        }),
        { numRuns: 20 },
      );
    }
  });
});

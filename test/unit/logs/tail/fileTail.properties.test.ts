import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { FileTail } from '../../../../src/core/logs/tail/fileTail';
import { rolledOverPath } from '../../../../src/core/logs/tail/rolledOver';
import { lines, recordingSink, tempFolder, type TailEvent } from './tailTestSupport';

/** What a writer does to the log between two checks. */
type Operation = { kind: 'append' | 'rollover' | 'copyAndTruncate'; lines: number } | { kind: 'check' };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('append' as const), lines: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rollover' as const), lines: fc.integer({ min: 0, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copyAndTruncate' as const), lines: fc.integer({ min: 0, max: 60 }) }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'check' as const }) },
);

/** The text delivered before the last restart, and that restart. */
function lastGeneration(events: readonly TailEvent[]): { before: string; restart: TailEvent | undefined } {
  let index = events.length - 1;
  while (index >= 0 && 'bytes' in events[index]) index--;
  let before = '';
  for (let i = index - 1; i >= 0 && 'bytes' in events[i]; i--) before = (events[i] as { bytes: string }).bytes + before;
  return { before, restart: events[index] };
}

describe('FileTail properties (fast-check, real files)', () => {
  for (const trustFileIds of [true, false]) {
    it(`after every check holds exactly the file's content since the last restart, and a rollover's rest (file ids ${trustFileIds ? 'trusted' : 'ignored'})`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), fc.integer({ min: 16, max: 700 }), async (operations, chunkBytes) => {
          const folder = tempFolder();
          try {
            const file = path.join(folder.dir, 'CAS.log');
            const rolled = rolledOverPath(file);
            let generation = 0;
            let written = 0;
            // Writers and checks are seconds apart in real life; file systems stamp times coarsely.
            let clock = Date.now() / 1000;
            const stamp = (): void => fs.utimesSync(file, (clock += 2), clock);
            fs.writeFileSync(file, lines(`g${generation}`, 0, 3));
            written = 3;
            stamp();
            const sink = recordingSink();
            const tail = new FileTail(file, sink, { firstChunkBytes: Math.max(1, chunkBytes >> 2), chunkBytes, trustFileIds });
            for (const op of [...operations, { kind: 'check' as const }]) {
              if (op.kind === 'append') {
                fs.appendFileSync(file, lines(`g${generation}`, written, op.lines));
                written += op.lines;
              } else if (op.kind === 'rollover') {
                fs.rmSync(rolled, { force: true });
                fs.renameSync(file, rolled);
                fs.writeFileSync(file, lines(`g${++generation}`, 0, op.lines));
                written = op.lines;
              } else if (op.kind === 'copyAndTruncate') {
                fs.copyFileSync(file, rolled);
                fs.truncateSync(file, 0);
                fs.appendFileSync(file, lines(`g${++generation}`, 0, op.lines));
                written = op.lines;
              } else {
                const result = await tail.check();
                assert.equal(sink.text(), fs.readFileSync(file, 'latin1'), 'what was delivered since the last restart is the file');
                const { before, restart } = lastGeneration(sink.events);
                // The .lo_ holds the old file only right after the check that found the rollover.
                if (result === 'restarted' && restart && 'restart' in restart && restart.restart === 'rolledOver') {
                  assert.equal(before, fs.readFileSync(rolled, 'latin1'), 'the rolled-over file was delivered whole');
                }
                continue;
              }
              stamp();
            }
          } finally {
            folder.remove();
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});

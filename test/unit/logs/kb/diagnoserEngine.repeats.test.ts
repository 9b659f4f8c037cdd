import * as assert from 'node:assert/strict';
import { createDiagnoser } from '../../../../src/core/logs/kb/diagnoser';
import { errorTemplate, MAX_LISTED_REPEATS } from '../../../../src/core/logs/kb/repeatedErrors';
import { parseLog } from '../../../../src/core/logs/logParser';

function cmtrace(lines: Array<[string, string, number]>): Buffer {
  return Buffer.from(
    lines
      .map(([message, component, type], i) => `<![LOG[${message}]LOG]!><time="10:00:${String(i % 60).padStart(2, '0')}.000+000" date="03-14-2024" component="${component}" context="" type="${type}" thread="1" file="x.cpp:1">\r\n`)
      .join(''),
  );
}

describe('knowledge base: repeated unexplained errors', () => {
  it('reads ids out of the wording, but keeps component and code apart', () => {
    assert.equal(errorTemplate('CAS', '0x80070002', 'Failed to download content P0100021.1. Error 0x80070002'), errorTemplate('CAS', '0x80070002', 'Failed to download content P0100033.1. Error 0x80070002'));
    assert.notEqual(errorTemplate('CAS', '0x80070002', 'Failed to download content'), errorTemplate('CTM', '0x80070002', 'Failed to download content'));
    assert.notEqual(errorTemplate('CAS', '0x80070002', 'Failed to download content'), errorTemplate('CAS', '0x80070005', 'Failed to download content'));
  });

  it('reports a failure once with its count and the other lines, across tail updates', () => {
    const rows: Array<[string, string, number]> = [];
    for (let i = 0; i < 30; i++) rows.push([`Failed to download content P01000${10 + i}.1. Error 0x80070002`, 'CAS', 3], ['Location update', 'CAS', 1]);
    rows.push(['Failed to create folder C:\\x. Error 0x80070005', 'CAS', 3]);
    const store = parseLog(cmtrace(rows), { path: '/logs/CAS.log' });
    const diagnoser = createDiagnoser();
    const half = 20;
    const first = diagnoser.update(store, 0, half);
    const second = diagnoser.update(store, half, store.recordCount);
    const generic = [...first, ...second].filter((f) => f.rule === null);
    assert.deepEqual(generic.map((f) => f.code), ['0x80070002', '0x80070005'], 'one finding per distinct failure');
    const repeated = generic[0];
    assert.equal(repeated.line, 1);
    assert.equal(repeated.repeats, 30, 'the count grows as the tail brings more of the same');
    assert.equal(repeated.related?.length, Math.min(29, MAX_LISTED_REPEATS));
    assert.equal(repeated.related?.[0].line, 3);
    assert.equal(generic[1].repeats, undefined);
  });
});

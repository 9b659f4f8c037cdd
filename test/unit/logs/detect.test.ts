import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DETECT_SAMPLE_CHARS, detectFormat, looksBinary, looksLikeLog } from '../../../src/core/logs/detect';
import type { LogFormat } from '../../../src/core/logs/types';
import { cmtraceLine, fixture } from './logTestSupport';

describe('format detection (by content, never by name)', () => {
  const cases: Array<[string, LogFormat]> = [
    ['cmtrace-times.log', 'cmtrace'],
    ['smsts-torn.log', 'cmtrace'],
    ['colleval-legacy.log', 'legacy'],
    ['setupact-continuation.log', 'panther'],
    ['windowsupdate-legacy.log', 'windowsupdate'],
    ['windowsupdate10.log', 'windowsupdate10'],
    ['setupapi.dev.log', 'setupapi'],
    ['u_ex210401.log', 'iis'],
    ['client.msi.log', 'plain'],
  ];
  for (const [name, format] of cases) {
    it(`detects ${name} as ${format}`, () => {
      const text = fs.readFileSync(fixture(name), 'utf8').replace(/^\ufeff/, '');
      assert.equal(detectFormat(text), format);
    });
  }

  it('detects CMTrace when the first record is torn', () => {
    const text = `ding file x]LOG]!><time="10:00:00.000+000" date="01-01-2024" component="A" context="" type="1" thread="1" file="">\r\n${cmtraceLine('next')}\r\n`;
    assert.equal(detectFormat(text), 'cmtrace');
  });

  it('waits for more text before deciding on an incomplete first line', () => {
    assert.equal(detectFormat('2019-03-29 00:25', false), undefined);
    assert.equal(detectFormat('<![LO', false), undefined);
    assert.equal(detectFormat('<![LOG[', false), 'cmtrace');
    assert.equal(detectFormat('some words\nmore words\n', false), undefined);
    assert.equal(detectFormat('some words\nmore words\n', true), 'plain');
  });

  it('votes over the first lines when the first line is not typical of a format', () => {
    const panther = '2019-03-29 00:25:29, Info                  IBS    message\n';
    const text = `Log opened\n${panther.repeat(60)}`;
    assert.equal(detectFormat(text, false), 'panther');
    assert.equal(detectFormat(`Log opened\n${panther.repeat(3)}`, false), undefined);
  });

  it('decides on the start of a long first line without waiting for its end', () => {
    assert.equal(detectFormat('x'.repeat(DETECT_SAMPLE_CHARS + 10), false), 'plain');
  });

  it('tells binary files from text logs', () => {
    assert.equal(looksBinary(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])), true);
    assert.equal(looksBinary(Buffer.from('plain text\r\n', 'utf8')), false);
    assert.equal(looksBinary(Buffer.from('\ufefftext', 'utf16le')), false);
  });

  it('counts a plain text file as a log only when it has times of day', () => {
    assert.equal(looksLikeLog('plain', 'These notes describe the lab.\n'), false);
    assert.equal(looksLikeLog('plain', 'Action ended 16:53:53: InstallFinalize.\n'), true);
    assert.equal(looksLikeLog('panther', ''), true);
  });
});

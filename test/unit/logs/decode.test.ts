import * as assert from 'node:assert/strict';
import { LogDecoder, decodeLog } from '../../../src/core/logs/decode';
import { parseLog } from '../../../src/core/logs/logParser';
import { cmtraceLine, entries, parseInChunks } from './logTestSupport';

const PANTHER_LINE = '2019-03-29 00:25:29, Info                  IBS    Device [Standardmäßiger SATA AHCI-Controller]';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

describe('log encodings', () => {
  it('reads UTF-8 with a BOM and leaves the BOM out of the text and columns', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${cmtraceLine('Grüße')}\r\n`, 'utf8')]);
    const store = parseLog(bytes);
    assert.equal(store.encoding, 'utf-8-bom');
    const [entry] = entries(store);
    assert.equal(entry.message, 'Grüße');
    assert.equal(entry.messageColumn, 7);
  });

  it('reads UTF-8 without a BOM', () => {
    const store = parseLog(Buffer.from(`${PANTHER_LINE}\n`, 'utf8'));
    assert.equal(store.encoding, 'utf-8');
    assert.equal(store.entry(0).message, 'Device [Standardmäßiger SATA AHCI-Controller]');
  });

  it('reads UTF-16LE and UTF-16BE by their BOM', () => {
    const text = `\ufeff${cmtraceLine('wide € text')}\r\n${cmtraceLine('second')}\r\n`;
    for (const [bytes, encoding] of [
      [Buffer.from(text, 'utf16le'), 'utf-16le'],
      [utf16be(text), 'utf-16be'],
    ] as const) {
      const store = parseLog(bytes);
      assert.equal(store.encoding, encoding);
      assert.equal(store.format, 'cmtrace');
      assert.deepEqual(
        entries(store).map((e) => [e.line, e.message]),
        [
          [1, 'wide € text'],
          [2, 'second'],
        ],
      );
    }
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    const bytes = Buffer.from(`${PANTHER_LINE.replace('Standardmäßiger', 'Standardm\u00e4\u00dfiger')} \u20ac\n`, 'latin1');
    // latin1 cannot hold €: put the Windows-1252 byte (0x80) in by hand.
    bytes[bytes.length - 2] = 0x80;
    const store = parseLog(bytes);
    assert.equal(store.encoding, 'windows-1252');
    assert.equal(store.entry(0).message, 'Device [Standardmäßiger SATA AHCI-Controller] €');
  });

  it('decodes a character split between two chunks', () => {
    const bytes = Buffer.from(`${cmtraceLine('Größe €')}\r\n`, 'utf8');
    for (const at of [8, 9, 10, 11, 12, 13]) {
      const decoder = new LogDecoder();
      const text = decoder.decode(bytes.subarray(0, at)) + decoder.decode(bytes.subarray(at), true);
      assert.equal(text, bytes.toString('utf8'), `split at ${at}`);
      assert.equal(decoder.encoding, 'utf-8');
    }
    const utf16 = Buffer.from(`\ufeff${cmtraceLine('€')}`, 'utf16le');
    const oneByteAtATime = parseInChunks(utf16, [1]);
    assert.equal(oneByteAtATime.entry(0).message, '€');
  });

  it('reports windows-1252 however the bytes are split', () => {
    const bytes = Buffer.from('2019-03-29 00:25:29, Info                  IBS    caf\xe9 cr\xe8me \x93quoted\x94\n', 'latin1');
    for (const size of [1, 2, 5, 64]) {
      const store = parseInChunks(bytes, [size]);
      assert.equal(store.encoding, 'windows-1252');
      assert.equal(store.entry(0).message, 'café crème \u201cquoted\u201d');
    }
  });

  it('counts lines the same with CRLF, LF and lone CR line ends', () => {
    const lines = ['one', 'two failed', 'three'];
    for (const eol of ['\r\n', '\n', '\r']) {
      const store = parseLog(Buffer.from(lines.join(eol) + eol, 'utf8'), { format: 'plain' });
      assert.deepEqual(
        entries(store).map((e) => [e.line, e.message]),
        [
          [1, 'one'],
          [2, 'two failed'],
          [3, 'three'],
        ],
        JSON.stringify(eol),
      );
    }
    const mixed = parseLog(Buffer.from('a\r\nb\nc\rd\n', 'utf8'), { format: 'plain' });
    assert.deepEqual(
      entries(mixed).map((e) => e.line),
      [1, 2, 3, 4],
    );
  });

  it('decodes a whole buffer with decodeLog', () => {
    assert.deepEqual(decodeLog(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), { text: 'A', encoding: 'utf-8-bom' });
    assert.deepEqual(decodeLog(Buffer.from([0x41, 0xe9])), { text: 'Aé', encoding: 'windows-1252' });
    assert.deepEqual(decodeLog(Buffer.alloc(0)), { text: '', encoding: 'utf-8' });
  });
});

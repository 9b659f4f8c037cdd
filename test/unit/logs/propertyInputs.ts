import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, SHARED_SAMPLES, hasSharedSamples } from './logTestSupport';

/**
 * Lines of real logs (the fixtures, plus the shared samples where present), one pool per
 * file so a random log is mostly of one format, plus one pool mixing them all.
 */
function linePools(): string[][] {
  const files = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.log'))
    .map((f) => path.join(FIXTURES, f));
  if (hasSharedSamples) {
    for (const f of fs.readdirSync(SHARED_SAMPLES)) if (f.endsWith('.log')) files.push(path.join(SHARED_SAMPLES, f));
  }
  const pools = files.map((file) => {
    const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    // The first lines of each file keep every format in play without flooding the pool with one.
    return text.split(/\r\n|\n|\r/).slice(0, 60).filter((line) => line.length < 2000);
  });
  return [...pools.filter((pool) => pool.length > 0), pools.flat()];
}

const POOLS = linePools();

/** Bytes a torn or corrupt log can hold: markup characters, line breaks, NUL, non-UTF-8 bytes. */
const NOISE = fc.constantFrom(...['<', '>', '"', '[', ']', '~', '$$<', '\r', '\n', '\r\n', '\0', '\t', ' ', '<![LOG[', ']LOG]!><time="', '#Fields: time', '!!!  ', '\u00e9', '\u20ac', '\ufeff'].map((s) => Buffer.from(s, 'utf8')), Buffer.from([0x80]), Buffer.from([0xe9]), Buffer.from([0xc3]), Buffer.from([0xff, 0xfe]));

const EOL = fc.constantFrom('\r\n', '\n', '\r');

/** One line of a real log, maybe cut short or with noise inserted. */
function mutatedLine(lines: string[]): fc.Arbitrary<Buffer> {
  return fc.tuple(fc.constantFrom(...lines), fc.nat(), fc.nat(), fc.option(NOISE, { nil: undefined }), fc.boolean()).map(([line, cutAt, insertAt, noise, cut]) => {
    let bytes = Buffer.from(line, 'utf8');
    if (cut) bytes = bytes.subarray(0, cutAt % (bytes.length + 1));
    if (noise) {
      const at = insertAt % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, at), noise, bytes.subarray(at)]);
    }
    return bytes;
  });
}

const BOM = fc.constantFrom(Buffer.alloc(0), Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]));

/** A random log: real lines of one pool (some mutated) joined by mixed line ends, with or without a BOM. */
export const randomLog: fc.Arbitrary<Buffer> = fc.constantFrom(...POOLS).chain((lines) =>
  fc
    .tuple(BOM, fc.array(fc.tuple(fc.oneof(mutatedLine(lines), fc.constantFrom(...lines).map((l) => Buffer.from(l, 'utf8'))), EOL), { maxLength: 30 }), fc.boolean())
    .map(([bom, picked, endWithEol]) => {
      const parts: Buffer[] = [bom];
      picked.forEach(([line, eol], i) => {
        parts.push(line);
        if (i < picked.length - 1 || endWithEol) parts.push(Buffer.from(eol, 'utf8'));
      });
      return Buffer.concat(parts);
    }),
);

/** Completely random bytes, for "never throws". */
export const randomBytes: fc.Arbitrary<Uint8Array> = fc.uint8Array({ maxLength: 400 });

/** Chunk sizes to split a log into, small enough to split characters, CRLFs and markers. */
export const chunkSizes: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 });

/** Two random logs, the second appended after a line break with its own UTF-8 BOM (`type a.log b.log`). */
export const concatenatedLogs: fc.Arbitrary<Buffer> = fc.tuple(randomLog, randomLog, EOL).map(([first, second, eol]) => {
  const body = second[0] === 0xef ? second : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), second]);
  return Buffer.concat([first, Buffer.from(eol, 'utf8'), body]);
});

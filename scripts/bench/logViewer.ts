/**
 * Log viewer at scale: 1,000,000 generated CMTrace records through the same path the
 * viewer panel uses (file → LogParser in chunks → model, knowledge base), then filters,
 * row pages, a merge of two 500k logs, and memory. Prints figures; exits 1 when a row page
 * takes over 50 ms or a filter keeps the event loop for over 1 s without yielding.
 *   node --import tsx --expose-gc scripts/bench/logViewer.ts
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LogIndex } from '../../src/core/logs/viewer/logIndex';
import { MergedOrder } from '../../src/core/logs/viewer/timelineOrder';
import { LogFeeds } from '../../src/webviews/logViewer/LogFeeds';
import { readLogFile } from '../../src/core/logs/scan';
import { EMPTY_FILTER, type ViewerFilter } from '../../src/webviews/logViewer/protocol';
import { ViewerModel } from '../../src/webviews/logViewer/ViewerModel';
import { writeCmtraceLog } from './lib/generateLogs';

const PAGE_LIMIT_MS = 50;
const BLOCK_LIMIT_MS = 1000;
const DIR = path.join(os.tmpdir(), 'sccm-workbench-bench');
/** About 252 bytes per generated record. */
const BYTES_PER_RECORD = 252;

function ms(t0: number): string {
  return `${(performance.now() - t0).toFixed(0)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** A generated log of at least `records` records (kept between runs: same seed, same bytes). */
async function logWith(records: number, seed: number): Promise<string> {
  fs.mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `cmtrace-${records}-${seed}.log`);
  if (!fs.existsSync(file)) writeCmtraceLog(file, records * BYTES_PER_RECORD, seed);
  return file;
}

/** A yield that records the longest stretch the caller ran without one. */
function measuringYield(): { yieldControl: () => Promise<void>; reset(): void; readonly longestMs: number } {
  let last = performance.now();
  let longest = 0;
  return {
    yieldControl: () =>
      new Promise<void>((resolve) => {
        longest = Math.max(longest, performance.now() - last);
        setImmediate(() => {
          last = performance.now();
          resolve();
        });
      }),
    reset() {
      last = performance.now();
      longest = 0;
    },
    get longestMs() {
      return longest;
    },
  };
}

async function main(): Promise<void> {
  let failed = false;
  const file = await logWith(1_000_000, 1);
  console.log(`log: ${path.basename(file)}, ${mb(fs.statSync(file).size)}`);

  // Load exactly as the panel does (minus VS Code): chunks, records appended, diagnoser.
  const yields = measuringYield();
  const model = new ViewerModel({ yieldControl: yields.yieldControl });
  const feeds = new LogFeeds(model, { changed: () => undefined });
  global.gc?.();
  let t0 = performance.now();
  await feeds.load([{ displayPath: file, file, live: false }], () => undefined);
  console.log(`load (parse + index + knowledge base): ${model.total.toLocaleString('en-US')} records in ${ms(t0)}`);
  const records = model.total;

  const filters: Array<[string, ViewerFilter]> = [
    ['text "download"', { ...EMPTY_FILTER, text: 'download' }],
    ['regex "Error 0x8007\\d{4}"', { ...EMPTY_FILTER, text: 'Error 0x8007\\d{4}', regex: true }],
    ['severity errors only', { ...EMPTY_FILTER, severities: ['error'] }],
    ['component CAS + warnings', { ...EMPTY_FILTER, components: ['CAS'], severities: ['warning', 'error'] }],
  ];
  for (const [name, filter] of filters) {
    yields.reset();
    t0 = performance.now();
    const outcome = await model.setFilter(filter);
    const visible = outcome.ok ? outcome.visible : -1;
    const longest = yields.longestMs;
    console.log(`filter ${name}: ${visible.toLocaleString('en-US')} of ${records.toLocaleString('en-US')} in ${ms(t0)}, longest stretch without yielding ${longest.toFixed(0)} ms`);
    if (longest > BLOCK_LIMIT_MS) {
      console.log(`  !!! blocked for more than ${BLOCK_LIMIT_MS} ms`);
      failed = true;
    }
  }

  await model.setFilter({ ...EMPTY_FILTER });
  let worst = 0;
  let sum = 0;
  const fetches = 200;
  for (let i = 0; i < fetches; i++) {
    const start = Math.floor(((i * 7919) % 1000) / 1000 * (model.visibleCount - 200));
    t0 = performance.now();
    model.rows(start, 200);
    const took = performance.now() - t0;
    worst = Math.max(worst, took);
    sum += took;
  }
  console.log(`row page (200 rows): mean ${(sum / fetches).toFixed(2)} ms, worst ${worst.toFixed(2)} ms over ${fetches} fetches`);
  if (worst > PAGE_LIMIT_MS) {
    console.log(`  !!! a page took more than ${PAGE_LIMIT_MS} ms`);
    failed = true;
  }
  t0 = performance.now();
  model.summary({ done: true, bytes: 0, totalBytes: 0, stopped: null });
  console.log(`summary with histogram: ${ms(t0)}`);
  global.gc?.();
  const memory = process.memoryUsage();
  console.log(`memory with 1M records loaded: rss ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}, buffers ${mb(memory.arrayBuffers)}`);
  feeds.dispose();

  // Merge: two logs of 500k records each, from different seeds.
  const [a, b] = await Promise.all([logWith(500_000, 2), logWith(500_000, 3)]);
  const stores = [];
  t0 = performance.now();
  for (const f of [a, b]) {
    stores.push(await readLogFile(f));
  }
  console.log(`merge: parsed 2 × ${stores[0].recordCount.toLocaleString('en-US')} records in ${ms(t0)}`);
  t0 = performance.now();
  const indexes = stores.map((s) => new LogIndex(s));
  for (const ix of indexes) ix.extend();
  const order = new MergedOrder(indexes);
  console.log(`merge: time keys and merged order of ${order.length.toLocaleString('en-US')} records in ${ms(t0)}`);
  const merged = new ViewerModel({ yieldControl: yields.yieldControl });
  for (const s of stores) merged.addLog(s, { path: s.path });
  yields.reset();
  t0 = performance.now();
  await merged.rebuild();
  await merged.setFilter({ ...EMPTY_FILTER, severities: ['error'] });
  console.log(`merge: model rebuild + error filter in ${ms(t0)}, longest stretch without yielding ${yields.longestMs.toFixed(0)} ms`);
  if (yields.longestMs > BLOCK_LIMIT_MS) failed = true;
  t0 = performance.now();
  merged.rows(Math.floor(merged.visibleCount / 2), 200);
  console.log(`merge: row page in ${ms(t0)}`);

  console.log(failed ? 'log viewer targets: MISSED' : 'log viewer targets: met (pages < 50 ms, filters yield at least every second)');
  process.exit(failed ? 1 : 0);
}

void main();

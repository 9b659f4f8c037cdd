/**
 * Time to the first findings of a big log opened in the editor: a 50 MB smsts.log with a
 * known failure near the start, read through the same code path as the editor's document
 * tracker (sniff the first 64 KB, then LogFileFollower: chunked parse + diagnose, publishing
 * after each chunk). Target: first findings in under 1 s. Then the live tail: error records
 * appended to the same file, seen by fs.watch on its folder with the editor's 50 ms debounce,
 * until the analysis shows them: their own finding, or, for an error that says the same as an
 * earlier one, that finding listing its line (repeats are collapsed). Target: under 250 ms
 * each. Exits 1 when a target is missed.
 *   node --import tsx scripts/bench/logsEditorFirstFindings.ts [sizeMB]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LogFileFollower } from '../../src/core/logs/editor/logFileFollower';
import { SNIFF_BYTES, sniffBytes } from '../../src/core/logs/editor/sniff';
import { writeCmtraceLog } from './lib/generateLogs';

const TARGET_FIRST_MS = 1000;
const TARGET_TAIL_MS = 250;
/** LogTail's debounce after a file-system event. */
const TAIL_DEBOUNCE_MS = 50;
const TAIL_APPENDS = 20;
const KNOWN_RULE = 'OSD-SETUP-WINDOWS-CODE31';
const sizeMb = Number(process.argv[2] ?? 50);

function record(message: string, type: number): string {
  return `<![LOG[${message}]LOG]!><time="10:26:12.602+240" date="10-18-2019" component="TSManager" context="" type="${type}" thread="1964" file="engine.cxx:2241">\r\n`;
}

/** smsts.log: the failure in the first records, then `sizeMb` of ordinary client traffic. */
function writeLog(file: string): void {
  const body = path.join(path.dirname(file), 'body.log');
  writeCmtraceLog(body, sizeMb * 1024 * 1024, 7);
  const head =
    record('Start executing an instruction. Instruction name: Setup Windows and ConfigMgr. Instruction pointer: 15', 1) +
    record('Windows setup failed, code 31', 3) +
    record('Failed to run the action: Setup Windows and ConfigMgr.\r\nUnspecified error (Error: 80004005; Source: Windows)', 3);
  const bytes = fs.readFileSync(body);
  // The generator writes a BOM: keep one, at the very start.
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(head, 'utf8'), bytes.subarray(3)]));
  fs.rmSync(body);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-bench-editor-'));
  try {
    const file = path.join(dir, 'smsts.log');
    writeLog(file);
    const size = fs.statSync(file).size;
    const t0 = performance.now();
    // What the recogniser does before tracking: read the head and decide the format.
    const handle = await fs.promises.open(file, 'r');
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    await handle.close();
    const format = sniffBytes(head.subarray(0, bytesRead));
    const tSniff = performance.now() - t0;
    let firstMs: number | undefined;
    let firstRules: string[] = [];
    let steps = 0;
    const follower = new LogFileFollower(file, {
      keepOpen: true,
      onStep: (_analysis, step) => {
        steps++;
        if (firstMs === undefined && step.added.length) {
          firstMs = performance.now() - t0;
          firstRules = step.added.map((f) => f.rule ?? f.code ?? f.title);
        }
      },
    });
    await follower.load();
    const allMs = performance.now() - t0;
    const analysis = follower.analysis;
    const mb = size / 1024 / 1024;
    console.log(`log: ${mb.toFixed(1)} MB smsts.log, ${analysis.store.recordCount} records (format ${format}, sniffed in ${tSniff.toFixed(1)} ms)`);
    console.log(`first findings: ${firstMs?.toFixed(1) ?? 'none'} ms (${firstRules.join(', ')}), target < ${TARGET_FIRST_MS} ms`);
    console.log(`all findings: ${analysis.findings.length} in ${allMs.toFixed(0)} ms (${(mb / (allMs / 1000)).toFixed(0)} MB/s, ${steps} publish steps)`);
    console.log(`memory: rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
    const ok = firstMs !== undefined && firstMs < TARGET_FIRST_MS && firstRules.includes(KNOWN_RULE);
    if (!ok) {
      console.log(`TARGET MISSED: the first findings must include ${KNOWN_RULE} within ${TARGET_FIRST_MS} ms`);
      process.exitCode = 1;
    }
    const latencies = await measureTail(file, follower);
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const worst = sorted[sorted.length - 1];
    console.log(`tail: ${latencies.length} appended error records, finding after median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms (target < ${TARGET_TAIL_MS} ms)`);
    if (worst >= TARGET_TAIL_MS) {
      console.log(`TARGET MISSED: a tail update took ${worst.toFixed(0)} ms`);
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Appends error records one at a time and measures append → fs.watch → debounce → refresh → finding. */
async function measureTail(file: string, follower: LogFileFollower): Promise<number[]> {
  const latencies: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  let waiting: { since: number; line: number; done: (ms: number) => void } | undefined;
  const check = async (): Promise<void> => {
    await follower.refresh();
    const w = waiting;
    if (w && follower.analysis.findings.some((f) => f.line === w.line || f.related?.some((r) => r.line === w.line))) {
      waiting = undefined;
      w.done(performance.now() - w.since);
    }
  };
  const watcher = fs.watch(path.dirname(file), (_event, name) => {
    if (name?.toString() !== path.basename(file)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void check(), TAIL_DEBOUNCE_MS);
  });
  try {
    for (let i = 0; i < TAIL_APPENDS; i++) {
      // Each record ends its line: the appended one starts on the line after the last record.
      const store = follower.analysis.store;
      const line = store.endLineAt(store.recordCount - 1) + 1;
      const ms = await new Promise<number>((resolve) => {
        // A finding that never comes counts as a miss instead of hanging the bench.
        const giveUp = setTimeout(() => resolve(Number.POSITIVE_INFINITY), 5000);
        const done = (elapsed: number): void => {
          clearTimeout(giveUp);
          resolve(elapsed);
        };
        waiting = { since: performance.now(), line, done };
        fs.appendFileSync(file, record(`Failed to open C:\\_SMSTaskSequence\\TSEnv${i}.dat (Error: 80070003; Source: Windows)`, 3));
      });
      latencies.push(ms);
    }
  } finally {
    watcher.close();
    if (timer) clearTimeout(timer);
  }
  return latencies;
}

void main();

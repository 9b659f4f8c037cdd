/**
 * One measurement of the log benchmark, in a process of its own (see logParse.ts).
 * Prints one JSON line: the figures.
 */
import * as fs from 'node:fs';
import { createDiagnoser } from '../../../src/core/logs/kb/diagnoser';
import { LogParser, parseLog } from '../../../src/core/logs/logParser';
import { scanPaths } from '../../../src/core/logs/scan';
import { writeCmtraceLog } from './generateLogs';

export const CHILD_FLAG = '--bench-child';

let cpuAtStart = process.cpuUsage();

export interface ChildReport {
  /** Wall-clock time of the measured work. */
  ms: number;
  /** CPU time (user + system) of the whole child: less disturbed by other processes on a shared machine. */
  cpuMs: number;
  totalMs: number;
  records: number;
  findings: number;
  peakRss: number;
  heapUsed: number;
  external: number;
}

/** Starts the wall and CPU clocks of a measurement. */
function startClock(): number {
  cpuAtStart = process.cpuUsage();
  return performance.now();
}

function report(ms: number, extra: Partial<ChildReport> = {}): void {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage(cpuAtStart);
  const figures: ChildReport = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    totalMs: ms,
    records: 0,
    findings: 0,
    // maxRSS is in KiB.
    peakRss: process.resourceUsage().maxRSS * 1024,
    heapUsed: memory.heapUsed,
    // Includes the array buffers (record columns, read buffer) and the decoded text.
    external: memory.external,
    ...extra,
  };
  console.log(JSON.stringify(figures));
}

/** Reading and counting lines the simplest way: the floor any parser is compared with. */
function baseline(file: string): void {
  const started = startClock();
  const text = fs.readFileSync(file).toString('latin1');
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  report(performance.now() - started, { records: lines });
}

/** The fastest newline count Node offers (memchr over the bytes, no decoding): a floor, for honesty. */
function newlineFloor(file: string): void {
  const started = startClock();
  const bytes = fs.readFileSync(file);
  let lines = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines++;
  report(performance.now() - started, { records: lines });
}

function parse(file: string): void {
  const started = startClock();
  const store = parseLog(fs.readFileSync(file), { path: file });
  report(performance.now() - started, { records: store.recordCount });
}

function diagnose(file: string): void {
  const started = startClock();
  const store = parseLog(fs.readFileSync(file), { path: file });
  const diagnoser = createDiagnoser();
  const findings = diagnoser.update(store, 0, store.recordCount).length + diagnoser.atEnd(store).length;
  report(performance.now() - started, { records: store.recordCount, findings });
}

async function scan(file: string): Promise<void> {
  const started = startClock();
  const { files } = await scanPaths([file]);
  report(performance.now() - started, { records: files[0].records, findings: files[0].findings.length });
}

/** Parses a log, then times the parse + diagnosis of 1 MB appended to it (live tail). */
function append(file: string): void {
  const parser = new LogParser({ path: file });
  parser.push(fs.readFileSync(file));
  const diagnoser = createDiagnoser();
  diagnoser.update(parser.store, 0, parser.store.recordCount);
  const more = `${file}.more`;
  writeCmtraceLog(more, 1024 * 1024, 99);
  const bytes = fs.readFileSync(more).subarray(3); // no second BOM in the middle of the log
  fs.rmSync(more);
  const started = startClock();
  const range = parser.push(bytes);
  const findings = diagnoser.update(parser.store, range.from, range.to).length;
  report(performance.now() - started, { records: range.to - range.from, findings });
}

async function firstFindings(file: string): Promise<void> {
  const started = startClock();
  let first = NaN;
  const { files } = await scanPaths([file], {
    onFindings: () => {
      if (Number.isNaN(first)) first = performance.now() - started;
    },
  });
  report(first, { totalMs: performance.now() - started, records: files[0].records, findings: files[0].findings.length });
}

const TASKS: Record<string, (file: string) => void | Promise<void>> = { baseline, newlineFloor, parse, diagnose, scan, append, firstFindings };

if (process.argv[2] === CHILD_FLAG) {
  const task = TASKS[process.argv[3]];
  if (!task) throw new Error(`unknown task ${process.argv[3]}`);
  void Promise.resolve(task(process.argv[4]));
}

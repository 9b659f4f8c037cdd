/**
 * Knowledge-base benchmark: prints figures, asserts nothing (speed is not a unit test).
 *
 *   node --import tsx scripts/bench/diagnose.ts [MB]
 *
 * Builds a CMTrace smsts.log and an AppEnforce.log of about MB megabytes (default 100) in
 * memory, parses them with the product's parser, then times createDiagnoser().update over
 * all records plus atEnd: the knowledge base's share of a scan.
 */
import { parseLog } from '../../src/core/logs/logParser';
import { createDiagnoser } from '../../src/core/logs/kb/diagnoser';
import { bundledRules } from '../../src/core/logs/kb/ruleLoader';

const MB = 1024 * 1024;

function record(message: string, component: string, type: number, i: number): string {
  const s = i % 60;
  const m = Math.floor(i / 60) % 60;
  return `<![LOG[${message}]LOG]!><time="10:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}+480" date="03-12-2024" component="${component}" context="" type="${type}" thread="1932" file="executionenv.cxx:662">\r\n`;
}

const TS_NOISE = [
  'Set a global environment variable _SMSTSNextInstructionPointer=%n',
  'Expand a string: %_SMSTSMDataPath%\\Logs',
  'Set a local default variable OSDApplyDriverBootCriticalContentUniqueID',
  'Clear local default environment',
  'Save the current environment block',
  'Set a TS execution environment variable _SMSTSInstructionStackString=%n',
  'Updated security on object C:\\_SMSTaskSequence.',
  'Executing in non SMS standalone mode. Ignoring send a task execution status message request',
];
const TS_EVENTS = [
  'Start executing an instruction. Instruction name: Step %n. Instruction pointer: %n',
  'Set a global environment variable _SMSTSCurrentActionName=Step %n',
  'Found network adapter "Intel(R) Ethernet Connection (13) I219-LM" with IP Address 10.20.40.57.',
  'Successfully completed the action (Step %n) with the exit win32 code 0',
];
const APP_NOISE = [
  '    Performing detection of app deployment type Contoso %n(ScopeId_4B1A2C3D-5E6F-4A7B-8C9D-0E1F2A3B4C5D/DeploymentType_9F8E7D6C-5B4A-4938-A271-605F4E3D2C1B, revision 4) for system.',
  '    Prepared working directory: C:\\WINDOWS\\ccmcache\\%n',
  '    Waiting for process %n to finish.  Timeout = 120 minutes.',
  '    Process %n terminated with exitcode: 0',
  '    Matched exit code 0 to a Success entry in exit codes table.',
  '+++ Discovered application [AppDT Id: ScopeId_4B1A2C3D-5E6F-4A7B-8C9D-0E1F2A3B4C5D/DeploymentType_9F8E7D6C-5B4A-4938-A271-605F4E3D2C1B, Revision: 4]',
];
const APP_EVENTS = ['    Unmatched exit code (1603) is considered an execution failure.', '+++ Application not discovered. [AppDT Id: ScopeId_4B1A2C3D/DeploymentType_9F8E7D6C, Revision: 4]'];

/** A log of about `bytes` bytes: noise, one event in 200 records, one error in 2,000 (fixed by index, so every run times the same text). */
function buildLog(bytes: number, component: string, noise: string[], events: string[], error: string): Buffer {
  const parts: string[] = ['\ufeff'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const n = String((i * 7919) % 100000);
    const line =
      i % 2000 === 1999
        ? record(error, component, 3, i)
        : i % 200 === 199
          ? record(events[(i / 200) % events.length | 0].replace(/%n/g, n), component, 1, i)
          : record(noise[i % noise.length].replace(/%n/g, n), component, i % 3 === 0 ? 0 : 1, i);
    parts.push(line);
    size += line.length;
  }
  return Buffer.from(parts.join(''), 'utf8');
}

function time(label: string, bytes: Buffer, fileName: string): void {
  const store = parseLog(bytes, { path: `C:/Windows/CCM/Logs/${fileName}` });
  const runs: number[] = [];
  let findings = 0;
  for (let run = 0; run < 3; run++) {
    const diagnoser = createDiagnoser();
    const t0 = performance.now();
    findings = diagnoser.update(store, 0, store.recordCount).length + diagnoser.atEnd(store).length;
    runs.push(performance.now() - t0);
  }
  const best = Math.min(...runs);
  console.log(
    `${label.padEnd(14)} ${(bytes.length / MB).toFixed(0).padStart(4)} MB  ${String(store.recordCount).padStart(8)} records  ` +
      `diagnose ${best.toFixed(0).padStart(5)} ms (best of 3)  ${(bytes.length / MB / (best / 1000)).toFixed(0)} MB/s  ${findings} findings`,
  );
}

const size = Number(process.argv[2] ?? 100) * MB;
const t0 = performance.now();
bundledRules();
console.log(`rules: ${bundledRules().length} signatures compiled in ${(performance.now() - t0).toFixed(1)} ms`);
time('smsts.log', buildLog(size, 'TSManager', TS_NOISE, TS_EVENTS, 'Failed to run the action: Step 9.\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)'), 'smsts.log');
time('AppEnforce.log', buildLog(size, 'AppEnforce', APP_NOISE, APP_EVENTS, 'Failed to open the WMI namespace. Error = 0x8004100e'), 'AppEnforce.log');

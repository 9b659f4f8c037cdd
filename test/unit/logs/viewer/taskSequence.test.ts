import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLog } from '../../../../src/core/logs/logParser';
import type { Finding } from '../../../../src/core/logs/types';
import { extractTaskSequence, findingForStep } from '../../../../src/core/logs/viewer/taskSequence';
import { STEP_START, ACTION_FAILED } from '../../../../src/core/logs/viewer/taskSequencePatterns';
import { cmtraceStore } from './support';
import { SHARED_SAMPLES } from '../../../support/sharedSamples';

const SAMPLES = SHARED_SAMPLES;
const BRACKDK = path.join(SAMPLES, 'smsts_winpe_brackdk04_2019_UTF8BOM.log');
const MAXMOON = path.join(SAMPLES, 'smsts_winpe_multiline_maxmoonACR_2024_UTF8BOM.log');
const FAILURE = path.join(__dirname, 'fixtures', 'smsts_failure.log');

function timelineOf(file: string): ReturnType<typeof extractTaskSequence> {
  return extractTaskSequence(parseLog(fs.readFileSync(file), { path: file }));
}

/** Step names from the raw bytes with grep-like logic, independent of the timeline code. */
function instructionNamesIn(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/<!\[LOG\[Start executing an instruction\. Instruction name: (.+?)\. Instruction pointer: \d+\]LOG\]/g)].map((m) => m[1]);
}

describe('viewer: task-sequence timeline from smsts.log', () => {
  // The real samples live beside the project (../shared/samples); without them only the fixtures run.
  const sampleIt = fs.existsSync(BRACKDK) && fs.existsSync(MAXMOON) ? it : (): void => undefined;

  sampleIt('reads every step of the real WinPE sample in order, with groups, results and durations', () => {
    const t = timelineOf(BRACKDK);
    // Group-end instructions ("Start executing ... Initialization" at pointer 3) are not steps of their own.
    const names = t.steps.map((s) => s.name);
    const raw = instructionNamesIn(BRACKDK);
    assert.equal(raw.length, 34);
    assert.equal(t.steps.length, 34 - 4, 'four instructions only close a group');
    assert.deepEqual(names.slice(0, 6), ['Initialization', 'Gather local only', 'Set High Performance Profile', 'Validation', 'State Capture', 'Preinstall']);
    assert.equal(names[names.length - 1], 'Restart computer');
    for (const name of names) assert.ok(raw.includes(name), `${name} is an instruction of the log`);
    const groups = t.steps.filter((s) => s.kind === 'group').map((s) => s.name);
    assert.deepEqual(groups, ['Initialization', 'Validation', 'State Capture', 'Preinstall', 'New Computer only', 'Offline User State Capture', 'Refresh only', 'Install', 'Postinstall']);
    const byName = (n: string) => t.steps.find((s) => s.name === n);
    assert.equal(byName('Format and Partition Disk (UEFI)')?.result, 'skipped');
    assert.equal(byName('Validation')?.result, 'skipped');
    const install = byName('Install Operating System');
    assert.equal(install?.result, 'success');
    assert.equal(install?.exitCode, 0);
    assert.equal(install?.commandLine, 'cscript.exe "%SCRIPTROOT%\\LTIApply.wsf"');
    // 22:56:48.915 → 23:03:09.474 in the log.
    assert.equal(install?.durationMs, 380_559);
    assert.equal(byName('Validate')?.depth, 2, 'inside Preinstall › New Computer only');
    for (const s of t.steps) assert.ok(s.durationMs === null || s.durationMs >= 0, `${s.name} has a duration ≥ 0`);
    assert.equal(t.failedStep, null);
    assert.equal(t.outcome, 'unknown', 'the log ends at the reboot, mid-sequence');
    assert.equal(t.steps.find((s) => s.name === 'Postinstall')?.result, 'running');
  });

  sampleIt('marks the reboot to WinPE and the WinPE phase of both real samples', () => {
    for (const file of [BRACKDK, MAXMOON]) {
      const t = timelineOf(file);
      assert.equal(t.reboots.length, 1, path.basename(file));
      assert.equal(t.reboots[0].target, 'WinPE');
      assert.equal(t.steps[t.reboots[0].stepOrder ?? -1]?.name, 'Restart computer');
      assert.deepEqual(t.phases.map((p) => p.phase), ['winpe']);
      assert.ok(t.steps.every((s) => s.phase === 'winpe'));
    }
  });

  sampleIt('reads the 2024 sample, whose multi-line errors are not step failures', () => {
    const t = timelineOf(MAXMOON);
    assert.equal(t.steps.filter((s) => s.kind === 'action').length, 20);
    assert.ok(t.steps.every((s) => s.result !== 'failed'));
    assert.equal(t.steps.find((s) => s.name === 'Enable BitLocker (Offline)')?.result, 'success');
  });

  it('finds the failing step, its code and text, the reboot into the full OS and both phases', () => {
    const t = timelineOf(FAILURE);
    assert.equal(t.outcome, 'failed');
    const failed = t.steps[t.failedStep ?? -1];
    assert.equal(failed.name, 'Install Application');
    assert.equal(failed.errorCode, '0x80070002');
    assert.equal(failed.errorText, 'The system cannot find the file specified.');
    assert.equal(failed.exitCode, 2147942402);
    assert.equal(failed.phase, 'fullos');
    assert.equal(failed.durationMs, 120_100);
    assert.equal(t.steps.find((s) => s.name === 'Install Applications')?.result, 'failed');
    assert.equal(t.steps.find((s) => s.name === 'Pre-provision BitLocker')?.result, 'skipped');
    assert.deepEqual(t.phases.map((p) => p.phase), ['winpe', 'fullos']);
    assert.equal(t.reboots.length, 1, 'the request and the engine’s "performed a reboot" are one reboot');
    assert.equal(t.reboots[0].target, 'HD');
    // WinPE logs bias +480, the new OS +240: durations and order are in UTC.
    const setup = t.steps.find((s) => s.name === 'Setup Windows and ConfigMgr');
    assert.ok(setup && setup.startMs !== null && failed.startMs !== null && failed.startMs > setup.startMs);
  });

  it('reads the one-line failure form and a log that starts inside a step', () => {
    const store = cmtraceStore([
      { time: '10:00:00.000', bias: '+240', message: 'Process completed with exit code 2147942402' },
      { time: '10:00:00.100', bias: '+240', type: 3, message: 'Failed to run the action: Pre-provision BitLocker. Error -2147024894' },
    ]);
    const t = extractTaskSequence(store);
    assert.equal(t.steps.length, 1);
    assert.equal(t.steps[0].name, 'Pre-provision BitLocker');
    assert.equal(t.steps[0].errorCode, '0x80070002');
    assert.equal(t.failedStep, 0);
  });

  it('accepts the misspelt "instrution" and a start line without a pointer', () => {
    assert.equal(STEP_START.exec('Start executing an instrution. Instruction name: Apply Drivers. Instruction pointer: 12')?.[1], 'Apply Drivers');
    const noPointer = STEP_START.exec('Start executing an instruction. Instruction name: Run Hardware Inventory');
    assert.equal(noPointer?.[1], 'Run Hardware Inventory');
    assert.equal(noPointer?.[2], undefined);
    assert.equal(ACTION_FAILED.exec('Failed to run the action: Install Office v1.2.\nAccess is denied. (Error: 80070005; Source: Windows)')?.[2], 'Install Office v1.2');
    assert.equal(ACTION_FAILED.exec('Failed to run the last action: X. Execution of task sequence failed.')?.[2], 'X');
  });

  it('does not take the marker of a process a step starts for a new boot', () => {
    const store = cmtraceStore([
      { time: '10:00:00.000', bias: '+480', component: 'TSBootShell', message: '==============================[ TSBootShell.exe ]==============================' },
      { time: '10:00:01.000', bias: '+480', message: 'Start executing an instruction. Instruction name: Setup Windows and ConfigMgr. Instruction pointer: 6' },
      { time: '10:00:02.000', bias: '+480', component: 'OSDSetupWindows', message: '==============================[ OSDSetupWindows.exe ]==============================' },
      { time: '10:00:03.000', bias: '+480', component: 'OSDSetupWindows', message: 'Windows setup failed, code 31' },
      { time: '10:00:04.000', bias: '+480', type: 3, message: 'Failed to run the action: Setup Windows and ConfigMgr.\r\nUnspecified error (Error: 80004005; Source: Windows)' },
    ]);
    const t = extractTaskSequence(store);
    assert.deepEqual(t.phases.map((p) => p.phase), ['winpe']);
    assert.equal(t.steps[0].boot, 0);
    assert.equal(t.steps[0].errorCode, '0x80004005');
  });

  it('explains a failed step with the diagnoser finding on its records', () => {
    const t = timelineOf(FAILURE);
    const failed = t.steps[t.failedStep ?? -1];
    const base = { endLine: 1, severity: 'error' as const, codeMessage: null, cause: 'c', fix: 'f', reference: null };
    const findings: Finding[] = [
      { ...base, line: 1, recordIndex: failed.startRecord - 5, rule: 'ELSEWHERE', code: null, title: 'Before the step' },
      { ...base, line: 2, recordIndex: failed.endRecord, rule: null, code: '0x80070002', title: 'Generic error' },
      { ...base, line: 2, recordIndex: failed.endRecord, rule: 'OSD-CONTENT', code: '0x80070002', title: 'Content missing on the DP' },
    ];
    assert.equal(findingForStep(failed, findings)?.title, 'Content missing on the DP');
    assert.equal(findingForStep(failed, findings.slice(0, 2))?.title, 'Generic error');
    assert.equal(findingForStep(failed, findings.slice(0, 1)), null);
  });
});

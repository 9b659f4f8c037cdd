import { formatHex, toUnsigned32 } from '../errorCodeFormat';
import type { RecordSource } from '../recordSource';
import type { Finding, LogEntry } from '../types';
import * as P from './taskSequencePatterns';
import type {
  StepResult,
  TaskSequencePhase,
  TaskSequencePhaseBand,
  TaskSequenceReboot,
  TaskSequenceStep,
  TaskSequenceTimeline,
} from './taskSequenceTypes';

export type * from './taskSequenceTypes';

interface BootSession {
  boot: number;
  startRecord: number;
  line: number;
  startMs: number | null;
  endRecord: number;
  endMs: number | null;
  winpe: number;
  fullos: number;
  evidence: string[];
  /** What the previous boot asked to boot into (SMSTSRebootRequested) or implied. */
  expected: TaskSequencePhase;
}

/** Reads the steps, reboots and WinPE / full-OS phases of a task sequence from smsts.log. */
export function extractTaskSequence(source: RecordSource): TaskSequenceTimeline {
  return new TimelineBuilder().build(source);
}

/**
 * The diagnoser's finding that explains a failed step: the most specific one (a knowledge
 * base rule before a generic error) among the findings on the step's records.
 */
export function findingForStep(step: TaskSequenceStep, findings: readonly Finding[]): Finding | null {
  const inStep = findings.filter((f) => f.recordIndex >= step.startRecord && f.recordIndex <= step.endRecord && f.severity === 'error');
  if (!inStep.length) return null;
  const withRule = inStep.filter((f) => f.rule !== null);
  const pool = withRule.length ? withRule : inStep;
  return pool.find((f) => step.errorCode !== null && f.code === step.errorCode) ?? pool[pool.length - 1];
}

class TimelineBuilder {
  private readonly steps: TaskSequenceStep[] = [];
  private readonly reboots: TaskSequenceReboot[] = [];
  private readonly sessions: BootSession[] = [];
  private readonly groups: TaskSequenceStep[] = [];
  /** The instruction that started last: an action until a group line says otherwise. */
  private current: TaskSequenceStep | null = null;
  private outcome: TaskSequenceTimeline['outcome'] = 'unknown';
  private rebootOpen: TaskSequenceReboot | null = null;
  private lastRecord = -1;
  private lastEntry: LogEntry | null = null;

  build(source: RecordSource): TaskSequenceTimeline {
    const count = source.recordCount;
    if (count > 0) {
      const first = source.entry(0);
      this.openSession(first, 0, 'unknown');
      P.KEYWORDS.lastIndex = 0;
      for (const index of source.recordsMatching(P.KEYWORDS, 0, count)) this.observe(source.entry(index));
      const last = source.entry(count - 1);
      this.lastEntry = last;
      this.lastRecord = count - 1;
    }
    return this.finish();
  }

  private observe(entry: LogEntry): void {
    const message = entry.message.trim();
    const marker = P.BOOT_MARKER.exec(message);
    if (marker) {
      this.newBoot(entry, marker[1]);
      return;
    }
    this.phaseEvidence(entry, message);
    let m: RegExpExecArray | null;
    if ((m = P.STEP_START.exec(message))) return this.startInstruction(entry, m[1].trim(), m[2] === undefined ? null : Number(m[2]));
    if ((m = P.GROUP_STARTED.exec(message))) return this.groupStarted((m[1] ?? m[2]).trim());
    if ((m = P.GROUP_COMPLETED.exec(message))) return this.groupEnded(entry, m[1].trim(), 'success');
    if ((m = P.GROUP_FAILED.exec(message))) return this.groupEnded(entry, m[1].trim(), 'failed');
    if ((m = P.GROUP_SKIPPED.exec(message))) return this.groupSkipped(entry, m[1].trim());
    if ((m = P.ACTION_SUCCEEDED.exec(message))) return this.actionEnded(entry, m[1].trim(), 'success', Number(m[2]));
    if ((m = P.ACTION_SKIPPED.exec(message))) return this.actionEnded(entry, (m[1] ?? m[2]).trim(), 'skipped', null);
    if ((m = P.ACTION_FAILED.exec(message))) return this.actionFailed(entry, m[2].trim(), message, m[1] !== undefined);
    if ((m = P.EXIT_CODE.exec(message))) {
      const step = this.openAction();
      if (step && step.exitCode === null) step.exitCode = Number(m[1]);
      return;
    }
    if ((m = P.COMMAND_LINE.exec(message))) {
      const step = this.openAction();
      if (step && step.commandLine === null) step.commandLine = m[1].trim();
      return;
    }
    if ((m = P.REBOOT_REQUESTED.exec(message))) return this.reboot(entry, m[1], message);
    if (P.REBOOT_PERFORMED.test(message)) return this.rebootPerformed(entry, message);
    if ((m = P.ENGINE_COMPLETED.exec(message))) {
      this.outcome = Number.parseInt(m[1], 16) === 0 ? 'success' : 'failed';
      return;
    }
    if (P.ENGINE_FAILED.test(message)) this.outcome = 'failed';
  }

  // ---- steps --------------------------------------------------------------------------

  private startInstruction(entry: LogEntry, name: string, pointer: number | null): void {
    this.closeCurrent(entry);
    const step = this.newStep(entry, name, pointer);
    this.current = step;
    this.steps.push(step);
    this.rebootOpen = null;
  }

  private newStep(entry: LogEntry, name: string, pointer: number | null): TaskSequenceStep {
    const session = this.session;
    return {
      order: this.steps.length,
      name,
      kind: 'action',
      depth: this.groups.length,
      pointer,
      startRecord: entry.index,
      endRecord: entry.index,
      line: entry.line,
      endLine: entry.endLine,
      startTime: entry.localTime,
      startMs: timeOf(entry),
      endMs: null,
      durationMs: null,
      result: 'running',
      exitCode: null,
      errorCode: null,
      errorText: null,
      commandLine: null,
      phase: 'unknown',
      boot: session.boot,
    };
  }

  /** An action whose end was not logged ends where the next instruction starts. */
  private closeCurrent(entry: LogEntry): void {
    const step = this.current;
    if (!step) return;
    if (step.result === 'running') {
      step.result = 'unknown';
      this.end(step, entry, false);
    }
    this.current = null;
  }

  private openAction(): TaskSequenceStep | null {
    const step = this.current;
    return step && step.kind === 'action' && step.result === 'running' ? step : null;
  }

  /** The step a line names: the current one when the names agree, else the latest of that name. */
  private stepNamed(name: string, kind?: 'action' | 'group'): TaskSequenceStep | null {
    if (this.current && this.current.name === name && (!kind || this.current.kind === kind)) return this.current;
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const s = this.steps[i];
      if (s.name === name && (!kind || s.kind === kind)) return s;
    }
    return null;
  }

  private groupStarted(name: string): void {
    const step = this.current && this.current.name === name ? this.current : null;
    if (!step || step.kind === 'group') return;
    step.kind = 'group';
    step.depth = this.groups.length;
    this.groups.push(step);
    this.current = null;
  }

  private groupSkipped(entry: LogEntry, name: string): void {
    const step = this.current && this.current.name === name ? this.current : this.stepNamed(name);
    if (!step) return;
    step.kind = 'group';
    step.result = 'skipped';
    this.end(step, entry, true);
    if (step === this.current) this.current = null;
  }

  private groupEnded(entry: LogEntry, name: string, result: StepResult): void {
    // The instruction that announced the end of a group is not a step of its own.
    if (this.current && this.current.name === name && this.current.kind === 'action' && this.current.result === 'running') {
      this.steps.pop();
      this.current = null;
    }
    let at = this.groups.length - 1;
    while (at >= 0 && this.groups[at].name !== name) at--;
    if (at < 0) return;
    const group = this.groups[at];
    // Groups inside it that never said they ended end with it.
    for (let i = this.groups.length - 1; i > at; i--) this.finishGroup(this.groups[i], entry, result === 'failed' ? 'failed' : 'unknown');
    this.groups.length = at;
    this.finishGroup(group, entry, result);
  }

  private finishGroup(group: TaskSequenceStep, entry: LogEntry, result: StepResult): void {
    group.result = result;
    this.end(group, entry, true);
  }

  private actionEnded(entry: LogEntry, name: string, result: StepResult, exitCode: number | null): void {
    const step = this.stepNamed(name);
    if (!step) return;
    if (step.result === 'failed') return;
    step.result = result;
    if (exitCode !== null) step.exitCode = exitCode;
    this.end(step, entry, true);
  }

  private actionFailed(entry: LogEntry, name: string, message: string, last: boolean): void {
    if (last) this.outcome = 'failed';
    let step = this.stepNamed(name, 'action');
    if (!step) {
      // The log starts inside the step (rolled over): show it from the failure on.
      step = this.newStep(entry, name, null);
      this.steps.push(step);
    }
    if (step.result === 'failed' && last) return;
    step.result = 'failed';
    const hex = P.ERROR_AND_SOURCE.exec(message);
    const decimal = hex ? null : P.ERROR_DECIMAL.exec(message);
    if (hex) step.errorCode = formatHex(Number.parseInt(hex[1], 16) >>> 0);
    else if (decimal) {
      const unsigned = toUnsigned32(Number(decimal[1]));
      if (unsigned !== null) step.errorCode = formatHex(unsigned);
    }
    const lines = message.split('\n');
    const detail = lines.length > 1 ? lines.slice(1).join(' ').trim() : '';
    step.errorText = (detail ? detail.replace(P.ERROR_AND_SOURCE, '').trim() : '') || null;
    this.end(step, entry, true);
  }

  private end(step: TaskSequenceStep, entry: LogEntry, inclusive: boolean): void {
    step.endRecord = Math.max(step.startRecord, inclusive ? entry.index : entry.index - 1);
    step.endLine = inclusive ? entry.endLine : Math.max(step.line, entry.line - 1);
    step.endMs = timeOf(entry);
    if (step.startMs !== null && step.endMs !== null) step.durationMs = Math.max(0, step.endMs - step.startMs);
  }

  // ---- reboots and phases -------------------------------------------------------------

  private reboot(entry: LogEntry, target: string | null, text: string): void {
    const step = this.current ?? this.steps[this.steps.length - 1] ?? null;
    // One reboot is announced by several lines (message, delay, requested): keep one event.
    if (this.rebootOpen && this.rebootOpen.stepOrder === (step?.order ?? null)) {
      if (target && !this.rebootOpen.target) this.rebootOpen.target = target;
      return;
    }
    const reboot: TaskSequenceReboot = {
      record: entry.index,
      line: entry.line,
      timeMs: timeOf(entry),
      time: entry.localTime,
      target,
      stepOrder: step?.order ?? null,
      text,
    };
    this.reboots.push(reboot);
    this.rebootOpen = reboot;
  }

  /** After the boot, the engine says it performed the reboot the previous boot asked for: the same event. */
  private rebootPerformed(entry: LogEntry, message: string): void {
    const session = this.session;
    const previous = this.reboots[this.reboots.length - 1];
    const stepsThisBoot = this.steps.some((s) => s.boot === session.boot);
    if (previous && session.boot > 0 && previous.record < session.startRecord && !stepsThisBoot) return;
    this.reboot(entry, null, message);
  }

  private get session(): BootSession {
    return this.sessions[this.sessions.length - 1];
  }

  private openSession(entry: LogEntry, record: number, expected: TaskSequencePhase): void {
    this.sessions.push({
      boot: this.sessions.length,
      startRecord: record,
      line: entry.line,
      startMs: timeOf(entry),
      endRecord: record,
      endMs: timeOf(entry),
      winpe: 0,
      fullos: 0,
      evidence: [],
      expected,
    });
  }

  private newBoot(entry: LogEntry, exe: string): void {
    const session = this.session;
    const name = exe.toLowerCase();
    // Every process prints a marker (OSDDriverClient, OSDSetupWindows ... run inside a step):
    // a new boot is a marker after a reboot, or an engine process starting after steps ran.
    const rebooted = this.reboots.some((r) => r.record >= session.startRecord);
    const engineRestart = P.ENGINE_PROCESSES.has(name) && this.steps.some((s) => s.boot === session.boot);
    if (rebooted || engineRestart) {
      this.closeCurrent(entry);
      session.endRecord = entry.index - 1;
      this.openSession(entry, entry.index, this.expectedAfterReboot());
      this.rebootOpen = null;
    }
    if (P.FULLOS_COMPONENTS.has(name)) this.vote('fullos', `${exe}.exe started`);
    else if (P.WINPE_COMPONENTS.has(name)) this.vote('winpe', `${exe}.exe started`);
  }

  private expectedAfterReboot(): TaskSequencePhase {
    const reboot = this.reboots[this.reboots.length - 1];
    const target = reboot && reboot.record >= this.session.startRecord ? reboot.target?.toLowerCase() : undefined;
    if (target === 'winpe') return 'winpe';
    if (target === 'hd') return 'fullos';
    const setup = this.steps.find((s) => s.boot === this.session.boot && P.SETUP_WINDOWS_STEP.test(s.name) && s.result === 'success');
    return setup ? 'fullos' : 'unknown';
  }

  private phaseEvidence(entry: LogEntry, message: string): void {
    const component = entry.component.toLowerCase();
    if (P.WINPE_COMPONENTS.has(component)) this.vote('winpe', `${entry.component} runs only in WinPE`);
    else if (P.FULLOS_COMPONENTS.has(component)) this.vote('fullos', `${entry.component} runs in the new OS`);
    if (P.WINPE_ENV.test(message)) this.vote('winpe', 'started for WinPE');
    else if (P.WINPE_PATH.test(message)) this.vote('winpe', 'paths on the X:\\ RAM disk');
    else if (P.FULLOS_PATH.test(message)) this.vote('fullos', 'the installed client runs the engine');
  }

  private vote(phase: 'winpe' | 'fullos', why: string): void {
    const session = this.session;
    session[phase]++;
    if (!session.evidence.includes(why)) session.evidence.push(why);
  }

  private finish(): TaskSequenceTimeline {
    const last = this.lastEntry;
    if (last) {
      const open = this.current;
      if (open && open.result === 'running') this.end(open, last, true);
      for (const group of this.groups) if (group.result === 'running') this.end(group, last, true);
      this.session.endRecord = this.lastRecord;
    }
    const phases: TaskSequencePhaseBand[] = this.sessions.map((s, i) => {
      const next = this.sessions[i + 1];
      const endRecord = next ? next.startRecord - 1 : s.endRecord;
      const phase: TaskSequencePhase = s.winpe > s.fullos ? 'winpe' : s.fullos > s.winpe ? 'fullos' : s.expected;
      const evidence = s.winpe || s.fullos ? s.evidence.join('; ') : s.expected !== 'unknown' ? 'follows the reboot the previous phase asked for' : 'no evidence in the log';
      return { phase, boot: s.boot, startRecord: s.startRecord, endRecord, line: s.line, startMs: s.startMs, endMs: next ? next.startMs : last ? timeOf(last) : s.endMs, evidence };
    });
    for (const step of this.steps) step.phase = phases[step.boot]?.phase ?? 'unknown';
    this.steps.forEach((s, i) => (s.order = i));
    const failed = [...this.steps].reverse().find((s) => s.kind === 'action' && s.result === 'failed');
    const times = this.steps.map((s) => s.startMs).filter((t): t is number => t !== null);
    if (this.outcome === 'unknown' && failed && failed === this.steps.filter((s) => s.kind === 'action').pop()) this.outcome = 'failed';
    return {
      steps: this.steps,
      reboots: this.reboots,
      phases,
      failedStep: failed ? failed.order : null,
      outcome: this.outcome,
      startMs: this.sessions[0]?.startMs ?? (times.length ? Math.min(...times) : null),
      endMs: last ? timeOf(last) : null,
    };
  }
}

function timeOf(entry: LogEntry): number | null {
  return entry.utcMs ?? entry.localMs;
}

/** The smsts.log timeline as plain data (sent to the timeline webview as is). */

export type StepResult = 'success' | 'failed' | 'skipped' | 'running' | 'unknown';
export type TaskSequencePhase = 'winpe' | 'fullos' | 'unknown';

export interface TaskSequenceStep {
  /** Position in the timeline (0-based). */
  order: number;
  name: string;
  /** A group's entry spans the steps inside it. */
  kind: 'action' | 'group';
  /** Number of groups the step runs in. */
  depth: number;
  /** The engine's instruction pointer, when logged. */
  pointer: number | null;
  startRecord: number;
  endRecord: number;
  /** 1-based line where the step starts / ends. */
  line: number;
  endLine: number;
  /** Start as the log wrote it (`YYYY-MM-DDTHH:MM:SS.mmm`, local time), or null. */
  startTime: string | null;
  /** Ordering times (UTC when the log has a zone, else local read as UTC), or null. */
  startMs: number | null;
  endMs: number | null;
  /** Never negative; null when a time is missing. */
  durationMs: number | null;
  result: StepResult;
  /** Process or win32 exit code, when logged. */
  exitCode: number | null;
  /** `0x%08X` of the failure, when it failed. */
  errorCode: string | null;
  /** What the engine said about the failure (the text before "(Error: ...)"). */
  errorText: string | null;
  commandLine: string | null;
  phase: TaskSequencePhase;
  /** Boot session (0-based): increases after each reboot. */
  boot: number;
}

export interface TaskSequenceReboot {
  record: number;
  line: number;
  timeMs: number | null;
  time: string | null;
  /** `WinPE`, `HD`, ... from SMSTSRebootRequested, or null. */
  target: string | null;
  /** The step that asked for it, or null. */
  stepOrder: number | null;
  text: string;
}

export interface TaskSequencePhaseBand {
  phase: TaskSequencePhase;
  boot: number;
  startRecord: number;
  endRecord: number;
  line: number;
  startMs: number | null;
  endMs: number | null;
  /** Why the phase was decided: the evidence, for the tooltip. */
  evidence: string;
}

export interface TaskSequenceTimeline {
  steps: TaskSequenceStep[];
  reboots: TaskSequenceReboot[];
  phases: TaskSequencePhaseBand[];
  /** `order` of the step that failed the task sequence (the last failed action), or null. */
  failedStep: number | null;
  /** How the engine ended, as far as the log tells. */
  outcome: 'success' | 'failed' | 'unknown';
  startMs: number | null;
  endMs: number | null;
}

// PLACEHOLDER until the knowledge-base engine lands: the interface is final, the body is not.
import type { RecordSource } from '../recordSource';
import type { Finding } from '../types';

/**
 * Turns records into findings. Incremental: `update` examines only the records
 * appended since the previous call (live tail re-parses only new bytes).
 */
export interface Diagnoser {
  /** Examines records [from, to) and returns the findings they produce. */
  update(source: RecordSource, from: number, to: number): Finding[];
  /**
   * Findings that hold only because the log ends where it ends now ("a line that
   * never follows", "repeated N times with no progress"). Recomputed on each call.
   */
  atEnd(source: RecordSource): Finding[];
}

export function createDiagnoser(): Diagnoser {
  return {
    update: () => [],
    atEnd: () => [],
  };
}

/** A diagnosed log, as cross-log correlation sees it. */
export interface DiagnosedLog {
  source: RecordSource;
  findings: Finding[];
}

/**
 * Relates findings across logs of one scan (smsts.log with setuperr.log, ...): adds
 * related locations to existing findings and may add findings that need both logs.
 */
export function correlateLogs(_logs: DiagnosedLog[]): void {
  // replaced by the knowledge-base engine
}

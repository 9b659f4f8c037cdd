import type { RecordSource } from '../recordSource';
import type { Finding } from '../types';
import type { CompiledRule } from './compiledRule';
import { correlateDiagnosedLogs } from './correlation';
import { buildFilePlan, type FilePlan } from './filePlan';
import { genericErrorFinding } from './genericFinding';
import { RepeatedErrors } from './repeatedErrors';
import { bundledRules } from './ruleLoader';
import { RuleEvaluator } from './ruleEvaluator';
import { SourceState } from './sourceState';

/**
 * Turns records into findings. Incremental: `update` examines only the records
 * appended since the previous call (live tail re-parses only new bytes).
 */
export interface Diagnoser {
  /**
   * Examines records [from, to) and returns the findings they produce. An unexplained error
   * that repeats an earlier one is not returned again: the earlier finding (already returned)
   * grows its `repeats` and `related` instead, so callers re-render what they hold.
   */
  update(source: RecordSource, from: number, to: number): Finding[];
  /**
   * Findings that hold only because the log ends where it ends now ("a line that
   * never follows", "repeated N times with no progress"). Recomputed on each call.
   */
  atEnd(source: RecordSource): Finding[];
}

interface Tracked {
  state: SourceState;
  evaluator: RuleEvaluator;
  repeats: RepeatedErrors;
}

/**
 * A diagnoser over the product's knowledge base (or the given rules, for tests).
 * State is kept per log path, so the same log can be fed in pieces as it grows.
 */
export function createDiagnoser(rules: readonly CompiledRule[] = bundledRules()): Diagnoser {
  const plans = new Map<string, FilePlan>();
  const tracked = new Map<string, Tracked>();

  const planFor = (fileName: string): FilePlan => {
    const key = fileName.toLowerCase();
    let plan = plans.get(key);
    if (!plan) {
      plan = buildFilePlan(rules, fileName);
      plans.set(key, plan);
    }
    return plan;
  };

  const trackedFor = (source: RecordSource, from: number): Tracked => {
    let t = tracked.get(source.path);
    // Reading from before where we stopped means the log was re-read from the start (rolled over, reopened).
    if (!t || from < t.state.processedTo) {
      const state = new SourceState();
      t = { state, evaluator: new RuleEvaluator(planFor(source.fileName), state, source.path), repeats: new RepeatedErrors(source.path) };
      tracked.set(source.path, t);
    }
    return t;
  };

  return {
    update(source, from, to) {
      const end = Math.min(to, source.recordCount);
      const start = Math.max(0, from);
      const { state, evaluator, repeats } = trackedFor(source, start);
      if (end <= start) return [];
      const plan = planFor(source.fileName);
      const indexes = recordsToExamine(source, plan, start, end);
      const findings: Finding[] = [];
      for (const index of indexes) {
        const entry = source.entry(index);
        const explained = evaluator.examine(entry, findings);
        if (!explained && entry.severity === 'error' && !evaluator.isConsequence(entry)) {
          const finding = repeats.add(genericErrorFinding(entry), entry);
          if (finding) findings.push(finding);
        }
      }
      evaluator.expire(end, findings);
      evaluator.finishBatch(findings);
      state.processedTo = end;
      return findings.sort(byPosition);
    },
    atEnd(source) {
      const t = tracked.get(source.path);
      return t ? t.evaluator.atEnd().sort(byPosition) : [];
    },
  };
}

/**
 * The records worth materialising: those the one keyword regex finds (a single pass of the
 * store over its text) plus the error records, for generic findings. Ascending, each once.
 */
function recordsToExamine(source: RecordSource, plan: FilePlan, from: number, to: number): number[] {
  let candidates: number[] = [];
  if (plan.keywordPattern) {
    plan.keywordPattern.lastIndex = 0;
    candidates = source.recordsMatching(plan.keywordPattern, from, to);
  }
  const errors: number[] = [];
  for (let i = from; i < to; i++) if (source.severityAt(i) === 'error') errors.push(i);
  if (!errors.length) return candidates;
  const merged: number[] = [];
  let a = 0;
  let b = 0;
  while (a < candidates.length || b < errors.length) {
    const next = b >= errors.length || (a < candidates.length && candidates[a] <= errors[b]) ? candidates[a++] : errors[b++];
    if (merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.recordIndex - b.recordIndex || (a.startColumn ?? 0) - (b.startColumn ?? 0);
}

/** A diagnosed log, as cross-log correlation sees it. */
export interface DiagnosedLog {
  source: RecordSource;
  findings: Finding[];
}

/**
 * Relates findings across logs of one scan (smsts.log with setuperr.log, ...): adds
 * related locations to existing findings and rewrites their cause and fix with what the
 * other log confirms.
 */
export function correlateLogs(logs: DiagnosedLog[]): void {
  correlateDiagnosedLogs(logs, bundledRules());
}

import type { Finding, LogLocation } from '../types';
import type { CompiledRule } from './compiledRule';
import { TaskSequenceContext } from './taskSequenceContext';

/** A trigger line waiting for the line that should follow it. */
export interface PendingExpectation {
  rule: CompiledRule;
  index: number;
  /** Last record index the follower may appear at; Infinity = until the end of the log. */
  deadline: number;
  finding: Finding;
}

export interface RepeatState {
  hits: Array<{ index: number; location: LogLocation }>;
  fired: boolean;
}

export interface DistinctState {
  /** The key as the log printed it (for remediation text). */
  keyText: string;
  values: Map<string, LogLocation>;
  fired: boolean;
}

/**
 * Everything the diagnoser remembers about one log between `update` calls, so a live
 * tail that only feeds new records still sees repeats, missing follow-ups and context.
 */
export class SourceState {
  processedTo = 0;
  readonly context = new TaskSequenceContext();
  /** Rule id -> last record index where its `after` line was seen. */
  readonly lastAfter = new Map<string, number>();
  /** Keys of "once" findings already reported. */
  readonly reported = new Set<string>();
  /** `${rule id}\0${key}` -> record index of the last match, for `onceWithin`. */
  readonly lastMatch = new Map<string, number>();
  /** `${rule id}\0${key}` -> expectation. */
  readonly pending = new Map<string, PendingExpectation>();
  readonly repeats = new Map<string, RepeatState>();
  /** Rule id -> key -> values seen. */
  readonly distinct = new Map<string, Map<string, DistinctState>>();
  /** The last step that a signature explained, and the codes it reported (later errors there are consequences). */
  explainedStep: { instance: number; codes: Set<string> } | null = null;
}

export function stateKey(ruleId: string, key: string): string {
  return `${ruleId}\u0000${key}`;
}

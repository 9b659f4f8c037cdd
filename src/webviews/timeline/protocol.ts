/**
 * Messages between the task-sequence timeline webview and the extension (both sides import
 * this file; no Node or VS Code imports). Validated on arrival.
 */
import type { Finding } from '../../core/logs/types';
import type { TaskSequenceTimeline } from '../../core/logs/viewer/taskSequenceTypes';
import { hasFields, isArrayOf, isIndex, isNullable, isOneOf, isString, unionParser, type Guard } from '../validate';

/** The diagnoser's explanation of the failed step: the words of its finding. */
export type StepExplanation = Pick<Finding, 'title' | 'cause' | 'fix' | 'code' | 'codeMessage' | 'rule'>;

export interface TimelineWebviewState {
  uri: string;
  selected: number | null;
}

export type TimelineRequest =
  | { type: 'ready' }
  | { type: 'openStep'; order: number; target: 'viewer' | 'editor' }
  | { type: 'cspViolation'; directive: string; blocked: string };

export type TimelineEvent =
  | { type: 'timeline'; title: string; uri: string; fileName: string; timeline: TaskSequenceTimeline; explanation: StepExplanation | null; state: TimelineWebviewState | null }
  | { type: 'error'; message: string };

export const isTimelineWebviewState: Guard<TimelineWebviewState> = (v): v is TimelineWebviewState =>
  hasFields(v, { uri: isString, selected: isNullable(isIndex) });

export const parseTimelineRequest = unionParser<TimelineRequest>({
  ready: {},
  openStep: { order: isIndex, target: isOneOf(['viewer', 'editor'] as const) },
  cspViolation: { directive: isString, blocked: isString },
});

const isNullableNumber = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));
const isStep = (v: unknown): boolean =>
  hasFields(v, {
    order: isIndex,
    name: isString,
    kind: isOneOf(['action', 'group'] as const),
    depth: isIndex,
    startRecord: isIndex,
    endRecord: isIndex,
    line: isIndex,
    startMs: isNullableNumber,
    durationMs: isNullableNumber,
    result: isOneOf(['success', 'failed', 'skipped', 'running', 'unknown'] as const),
    errorCode: isNullable(isString),
    phase: isOneOf(['winpe', 'fullos', 'unknown'] as const),
  });
const isTimeline = (v: unknown): boolean =>
  hasFields(v, {
    steps: isArrayOf(isStep, 50_000),
    reboots: isArrayOf((r: unknown) => hasFields(r, { record: isIndex, line: isIndex })),
    phases: isArrayOf((p: unknown) => hasFields(p, { phase: isOneOf(['winpe', 'fullos', 'unknown'] as const), startRecord: isIndex, endRecord: isIndex })),
    failedStep: isNullable(isIndex),
    outcome: isOneOf(['success', 'failed', 'unknown'] as const),
  });
const isExplanation = (v: unknown): boolean => hasFields(v, { title: isString, cause: isString, fix: isString });

export const parseTimelineEvent = unionParser<TimelineEvent>({
  timeline: {
    title: isString,
    uri: isString,
    fileName: isString,
    timeline: isTimeline,
    explanation: (v: unknown) => v === null || isExplanation(v),
    state: (v: unknown) => v === null || isTimelineWebviewState(v),
  },
  error: { message: isString },
});


import type * as vscode from 'vscode';
import type { AskedPrompt, PromptAnswer, ScriptedUserInput } from '../platform/userInput';
import type { AnnotationCounts, LogAnnotations } from './LogAnnotations';
import type { LogDocumentTracker } from './LogDocumentTracker';
import type { LogRecognizer } from './logLanguage';
import type { LogStatusBar } from './LogStatusBar';

/** What the editor knows about one log. */
export interface LogStateSnapshot {
  format: string | undefined;
  records: number;
  counts: { error: number; warning: number; info: number };
  findings: number;
  published: boolean;
  sourceKind: string;
}

/** Hooks for the integration tests (only when SCCM_TEST_RUN=1). */
export interface LogsTestingApi {
  /** Undefined when the log is not recognised as an SCCM log. */
  logState(uri: vscode.Uri): LogStateSnapshot | undefined;
  annotationCounts(uri: vscode.Uri): AnnotationCounts | undefined;
  /** Redraws the annotations now instead of after the short batching delay. */
  refreshAnnotations(): void;
  statusBar(): ReturnType<LogStatusBar['snapshot']>;
  /** Resolves when open documents are recognised and no read or refresh is running. */
  whenIdle(): Promise<void>;
  /** Answers for the next prompts of the log commands, in order (undefined: back to the real UI). */
  answerPrompts(answers: PromptAnswer[] | undefined): void;
  askedPrompts(): readonly AskedPrompt[];
}

export function createLogsTestingApi(
  tracker: LogDocumentTracker,
  recognizer: LogRecognizer,
  annotations: LogAnnotations,
  statusBar: LogStatusBar,
  prompts: ScriptedUserInput,
): LogsTestingApi {
  return {
    logState(uri) {
      const log = tracker.get(uri);
      if (!log) return undefined;
      const analysis = log.analysis;
      return {
        format: analysis?.format,
        records: analysis?.store.recordCount ?? 0,
        counts: analysis?.store.counts ?? { error: 0, warning: 0, info: 0 },
        findings: analysis?.findings.length ?? 0,
        published: log.published,
        sourceKind: log.source.kind,
      };
    },
    annotationCounts: (uri) => annotations.countsFor(uri),
    refreshAnnotations: () => annotations.refresh(),
    statusBar: () => statusBar.snapshot(),
    async whenIdle() {
      await recognizer.whenSettled();
      await tracker.whenIdle();
    },
    answerPrompts: (answers) => prompts.script(answers),
    askedPrompts: () => prompts.asked,
  };
}

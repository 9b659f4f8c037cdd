import * as vscode from 'vscode';
import { pushInChunks } from '../core/logs/editor/chunkedRead';
import { LogAnalysis, type AnalysisStep } from '../core/logs/editor/logAnalysis';
import { LogFileFollower, type FollowResult } from '../core/logs/editor/logFileFollower';

/** Called after each chunk a source parses (the analysis may be a new one after a restart). */
export type StepListener = (analysis: LogAnalysis, step: AnalysisStep) => void;

/** Where a tracked log's bytes come from, and how it is brought up to date. */
export interface LogSource {
  readonly kind: 'disk' | 'document' | 'workspaceFs';
  /** The current analysis (undefined before the first load). */
  readonly analysis: LogAnalysis | undefined;
  load(token: vscode.CancellationToken): Promise<FollowResult>;
  refresh(token: vscode.CancellationToken): Promise<FollowResult>;
  /** Live tail on/off: only disk files can be followed by offset. */
  setKeepOpen(keepOpen: boolean): void;
}

/**
 * A local file (or UNC share) read from disk through the core, never through the editor:
 * VS Code does not hand files over 50 MB to extensions, and reading bytes is faster.
 */
export class DiskLogSource implements LogSource {
  readonly kind = 'disk';
  private readonly follower: LogFileFollower;
  private loaded = false;

  constructor(filePath: string, keepOpen: boolean, onStep: StepListener) {
    this.follower = new LogFileFollower(filePath, { keepOpen, onStep });
  }

  get analysis(): LogAnalysis | undefined {
    return this.loaded ? this.follower.analysis : undefined;
  }

  async load(token: vscode.CancellationToken): Promise<FollowResult> {
    this.loaded = true;
    return this.follower.load(token);
  }

  refresh(token: vscode.CancellationToken): Promise<FollowResult> {
    return this.loaded ? this.follower.refresh(token) : this.load(token);
  }

  setKeepOpen(keepOpen: boolean): void {
    this.follower.setKeepOpen(keepOpen);
  }
}

/**
 * A log whose bytes VS Code provides: the text of an open document (untitled, remote
 * file systems), or `workspace.fs` for a log found by the workspace scan. Each change
 * re-reads it whole: edits can be anywhere in a document.
 */
export class BytesLogSource implements LogSource {
  private current: LogAnalysis | undefined;

  constructor(
    readonly kind: 'document' | 'workspaceFs',
    private readonly path: string,
    private readonly readBytes: () => Promise<Uint8Array>,
    private readonly onStep: StepListener,
  ) {}

  get analysis(): LogAnalysis | undefined {
    return this.current;
  }

  async load(token: vscode.CancellationToken): Promise<FollowResult> {
    const bytes = await this.readBytes();
    const analysis = new LogAnalysis(this.path);
    this.current = analysis;
    await pushInChunks(analysis, bytes, { token, onStep: (step) => this.onStep(analysis, step) });
    this.onStep(analysis, analysis.settle(false));
    return 'restarted';
  }

  refresh(token: vscode.CancellationToken): Promise<FollowResult> {
    return this.load(token);
  }

  setKeepOpen(): void {
    // Re-read whole on every change: nothing to keep open.
  }
}

const encoder = new TextEncoder();

/** The bytes of an open document's text, or of the resource when the document is gone. */
export function documentBytes(uri: vscode.Uri): () => Promise<Uint8Array> {
  return async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return doc ? encoder.encode(doc.getText()) : vscode.workspace.fs.readFile(uri);
  };
}

export function workspaceFsBytes(uri: vscode.Uri): () => Promise<Uint8Array> {
  return async () => vscode.workspace.fs.readFile(uri);
}

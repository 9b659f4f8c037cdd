import * as vscode from 'vscode';
import { DisposableStore } from '../platform/lifecycle';

const SECTION = 'sccm.logs';

/** Typed access to the `sccm.logs.*` settings, with one change event for the whole section. */
export class LogSettings extends DisposableStore {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.changed.fire();
      }),
    );
  }

  private get<T>(key: string, fallback: T): T {
    return vscode.workspace.getConfiguration(SECTION).get<T>(key, fallback);
  }

  get diagnosticsEnabled(): boolean {
    return this.get('diagnostics.enabled', true);
  }

  get scanWorkspace(): boolean {
    return this.get('scanWorkspace', false);
  }

  get inlineAnnotations(): boolean {
    return this.get('annotations.inline', true);
  }

  get gutterAnnotations(): boolean {
    return this.get('annotations.gutter', true);
  }

  get overviewRulerAnnotations(): boolean {
    return this.get('annotations.overviewRuler', true);
  }

  get tailEnabled(): boolean {
    return this.get('tail.enabled', true);
  }
}

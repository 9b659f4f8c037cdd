import type * as vscode from 'vscode';

/** Base for long-lived objects that own listeners and other disposables. */
export abstract class DisposableStore implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  protected register<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.disposables.push(d);
    return d;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.disposables.length) {
      try {
        this.disposables.pop()?.dispose();
      } catch {
        // one failing dispose must not keep the others alive
      }
    }
  }
}

/**
 * Cancellation without VS Code: structurally compatible with vscode.CancellationToken,
 * so the VS Code layer passes its tokens straight into the core.
 */
export interface CancellationTokenLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** Thrown when an operation stops because its token was cancelled. */
export class CancellationError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancellationError';
  }
}

export function throwIfCancelled(token: CancellationTokenLike | undefined): void {
  if (token?.isCancellationRequested) throw new CancellationError();
}

/** A token source for code that runs outside VS Code (CLI, tests). */
export class CancellationSource {
  private readonly listeners = new Set<() => void>();
  private cancelled = false;
  readonly token: CancellationTokenLike;

  constructor() {
    const isCancelled = (): boolean => this.cancelled;
    this.token = {
      get isCancellationRequested(): boolean {
        return isCancelled();
      },
      onCancellationRequested: (listener: () => void) => {
        if (this.cancelled) {
          listener();
          return { dispose: () => undefined };
        }
        this.listeners.add(listener);
        return { dispose: () => void this.listeners.delete(listener) };
      },
    };
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const l of [...this.listeners]) l();
    this.listeners.clear();
  }
}

/** Waits `ms`, or rejects with CancellationError as soon as the token is cancelled. */
export function sleep(ms: number, token?: CancellationTokenLike): Promise<void> {
  return new Promise((resolve, reject) => {
    if (token?.isCancellationRequested) {
      reject(new CancellationError());
      return;
    }
    const subscription = token?.onCancellationRequested(() => {
      clearTimeout(timer);
      reject(new CancellationError());
    });
    const timer = setTimeout(() => {
      subscription?.dispose();
      resolve();
    }, ms);
  });
}

import * as vscode from 'vscode';
import { CancellationError } from '../core/util/cancellation';
import type { Logger } from './logger';

/** Thrown to stop a command quietly (the user dismissed a prompt). */
export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user');
    this.name = 'UserCancelledError';
  }
}

/**
 * Runs a command, tree load or webview request with one error policy: cancellation is
 * silent, everything else is logged and shown once, long messages point to the output.
 */
export async function runAction<T>(logger: Logger, actionName: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof UserCancelledError || err instanceof CancellationError || (err instanceof vscode.CancellationError)) {
      return undefined;
    }
    logger.error(actionName, err);
    const message = logger.scrub(err instanceof Error ? err.message : String(err));
    if (message.includes('\n')) {
      const show = vscode.l10n.t('Show Output');
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed. See the output for details.', actionName), show).then((choice) => {
        if (choice === show) logger.show();
      });
    } else {
      void vscode.window.showErrorMessage(message);
    }
    return undefined;
  }
}

import * as vscode from 'vscode';
import { Commands } from '../../constants';
import { SiteError } from '../../core/site/errors';
import { CancellationError, type CancellationTokenLike } from '../../core/util/cancellation';
import { runAction } from '../../platform/runAction';
import { describeSiteError, isCancellation, SignInRequiredError, WorkspaceUntrustedError, type Remedy } from '../connectionErrors';
import type { SitesServices } from './SitesServices';

/** Set by a command once it knows which site it works on, so a failure can offer "Sign In…". */
export interface SiteActionContext {
  siteName?: string;
}

/**
 * runAction plus the site error policy: auth → "Sign In…", TLS → "Open Settings", network/503/500
 * → "Retry", other failures → "Show Output". Cancellation stays silent.
 */
export function runSiteAction<T>(services: SitesServices, actionName: string, action: (ctx: SiteActionContext) => Promise<T>): Promise<T | undefined> {
  const ctx: SiteActionContext = {};
  return runAction(services.logger, actionName, async () => {
    try {
      return await action(ctx);
    } catch (err) {
      if (isCancellation(err)) throw err instanceof CancellationError ? err : new CancellationError();
      const siteName = err instanceof SignInRequiredError ? err.siteName : ctx.siteName;
      if (!(err instanceof SiteError || err instanceof SignInRequiredError || err instanceof WorkspaceUntrustedError) || !siteName) throw err;
      services.logger.error(`${actionName} (${siteName})`, err);
      const { message, remedy } = describeSiteError(err, siteName, vscode.l10n.t);
      void offerRemedy(services, services.logger.scrub(message), remedy, siteName, () => void runSiteAction(services, actionName, action));
      return undefined;
    }
  });
}

async function offerRemedy(services: SitesServices, message: string, remedy: Remedy | undefined, siteName: string, retry: () => void): Promise<void> {
  const t = vscode.l10n.t;
  const buttons: Record<Remedy, string> = {
    signIn: t('Sign In…'),
    retry: t('Retry'),
    openSettings: t('Open Settings'),
    manageTrust: t('Manage Workspace Trust'),
    showOutput: t('Show Output'),
  };
  const button = remedy ? buttons[remedy] : undefined;
  const choice = await (button ? vscode.window.showErrorMessage(message, button) : vscode.window.showErrorMessage(message));
  if (!choice) return;
  switch (remedy) {
    case 'signIn':
      await vscode.commands.executeCommand(Commands.siteSignIn, siteName);
      break;
    case 'retry':
      retry();
      break;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', 'sccm.sites');
      break;
    case 'manageTrust':
      await vscode.commands.executeCommand('workbench.trust.manage');
      break;
    default:
      services.logger.show();
  }
}

/** A notification with progress and a Cancel button; cancelling rejects with CancellationError. */
export function withCancellableProgress<T>(title: string, task: (token: CancellationTokenLike, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const result = await task(token, progress);
      if (token.isCancellationRequested) throw new CancellationError();
      return result;
    }),
  );
}

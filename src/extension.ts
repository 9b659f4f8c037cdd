import * as vscode from 'vscode';
import { Commands, OUTPUT_CHANNEL_NAME } from './constants';
import { registerLogFeatures } from './logs/registerLogFeatures';
import type { LogsTestingApi } from './logs/testingApi';
import { Logger } from './platform/logger';
import { registerSites } from './sites/registerSites';
import type { SitesTestingApi } from './sites/testingApi';
import { registerWebviews, type ViewerTestingApi } from './webviews/registerWebviews';

/** What the extension hands to tests and to other extensions. */
export interface SccmWorkbenchApi {
  readonly version: string;
  /** Test hooks, present only when SCCM_TEST_RUN=1 (the integration harness). */
  readonly testing?: { readonly sites?: SitesTestingApi; readonly logs?: LogsTestingApi; readonly viewer?: ViewerTestingApi };
}

export function activate(context: vscode.ExtensionContext): SccmWorkbenchApi {
  const logger = new Logger(OUTPUT_CHANNEL_NAME);
  context.subscriptions.push(logger);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.showOutput, () => logger.show()));
  const sites = registerSites(context, logger);
  const logs = registerLogFeatures(context, logger);
  const viewer = registerWebviews(context, logger);
  logger.info(`SCCM Workbench ${context.extension.packageJSON.version as string} activated`);
  const testing = sites.testing || logs.testing || viewer.testing ? { testing: { sites: sites.testing, logs: logs.testing, viewer: viewer.testing } } : {};
  return { version: context.extension.packageJSON.version as string, ...testing };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}

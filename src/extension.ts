import * as vscode from 'vscode';
import { Commands, OUTPUT_CHANNEL_NAME } from './constants';
import { Logger } from './platform/logger';
import { registerSitesView } from './sites/registerSitesView';

/** What the extension hands to tests and to other extensions. */
export interface SccmWorkbenchApi {
  readonly version: string;
}

export function activate(context: vscode.ExtensionContext): SccmWorkbenchApi {
  const logger = new Logger(OUTPUT_CHANNEL_NAME);
  context.subscriptions.push(logger);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.showOutput, () => logger.show()));
  registerSitesView(context, logger);
  logger.info(`SCCM Workbench ${context.extension.packageJSON.version as string} activated`);
  return { version: context.extension.packageJSON.version as string };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}

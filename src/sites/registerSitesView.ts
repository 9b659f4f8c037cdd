import * as vscode from 'vscode';
import { Views } from '../constants';
import type { Logger } from '../platform/logger';

/** Placeholder tree until the site connection lands: empty, so the welcome view shows. */
class EmptySitesProvider implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }

  getChildren(): never[] {
    return [];
  }
}

export function registerSitesView(context: vscode.ExtensionContext, _logger: Logger): void {
  const view = vscode.window.createTreeView(Views.sites, { treeDataProvider: new EmptySitesProvider(), showCollapseAll: true });
  context.subscriptions.push(view);
}

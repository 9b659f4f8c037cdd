import * as vscode from 'vscode';
import { Commands } from '../../constants';
import { describeSiteError, isCancellation, type Remedy } from '../../sites/connectionErrors';
import { ContextTokens, createContextValue } from '../contextValue';
import { TreeIds } from '../treeIds';
import type { Translate } from '../text';
import { SitesTreeNode } from './SitesTreeNode';

export type MessageKind = 'signingIn' | 'signIn' | 'error' | 'untrusted' | 'empty' | 'noMatch' | 'cancelled';

export interface MessageOptions {
  icon?: vscode.ThemeIcon;
  command?: vscode.Command;
  description?: string;
  tooltip?: string;
  /** Extra contextValue token (the remedy) so menus can offer it. */
  remedy?: Remedy;
}

/** A state shown in place of children: "Signing in…", "Failed to load: …", "Sign in to PS1…". */
export class MessageNode extends SitesTreeNode {
  readonly id: string;

  constructor(
    parent: SitesTreeNode,
    readonly kind: MessageKind,
    readonly label: string,
    readonly options: MessageOptions = {},
  ) {
    super(parent);
    this.id = TreeIds.message(parent.id, kind);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = this.options.icon;
    item.description = this.options.description;
    item.tooltip = this.options.tooltip ?? this.label;
    item.command = this.options.command;
    item.contextValue = createContextValue([ContextTokens.message, this.kind, this.options.remedy]);
    return item;
  }
}

const ERROR_ICON = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));

/** The node for a failed load under `parent`: what failed and what to do about it. */
export function failureNode(parent: SitesTreeNode, err: unknown, siteName: string, t: Translate): MessageNode {
  if (isCancellation(err)) return new MessageNode(parent, 'cancelled', t('Loading was cancelled'), { command: retry(parent, t), description: t('Click to retry') });
  const { message, remedy } = describeSiteError(err, siteName, t);
  const detail = err instanceof Error ? err.message : String(err);
  switch (remedy) {
    case 'signIn':
      return new MessageNode(parent, 'signIn', t('Sign in to {0}…', siteName), {
        icon: new vscode.ThemeIcon('key'),
        command: { command: Commands.siteSignIn, title: t('Sign In…'), arguments: [siteName] },
        tooltip: message,
        remedy,
      });
    case 'manageTrust':
      return new MessageNode(parent, 'untrusted', message, {
        icon: new vscode.ThemeIcon('shield'),
        command: { command: 'workbench.trust.manage', title: t('Manage Workspace Trust') },
        remedy,
      });
    case 'retry':
      return new MessageNode(parent, 'error', t('Failed to load: {0}', message), { icon: ERROR_ICON, command: retry(parent, t), description: t('Click to retry'), tooltip: detail, remedy });
    case 'openSettings':
      return new MessageNode(parent, 'error', t('Failed to load: {0}', message), {
        icon: ERROR_ICON,
        command: { command: 'workbench.action.openSettings', title: t('Open Settings'), arguments: ['sccm.sites'] },
        description: t('(Open Settings)'),
        tooltip: detail,
        remedy,
      });
    default:
      return new MessageNode(parent, 'error', t('Failed to load: {0}', message), {
        icon: ERROR_ICON,
        command: { command: Commands.showOutput, title: t('Show Output') },
        description: t('(Show output)'),
        tooltip: detail,
        remedy,
      });
  }
}

function retry(node: SitesTreeNode, t: Translate): vscode.Command {
  return { command: Commands.explorerRefresh, title: t('Retry'), arguments: [node] };
}

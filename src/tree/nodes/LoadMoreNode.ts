import * as vscode from 'vscode';
import { Commands } from '../../constants';
import { ContextTokens, createContextValue } from '../contextValue';
import { TreeIds } from '../treeIds';
import type { Translate } from '../text';
import { SitesTreeNode, type PagedNode } from './SitesTreeNode';

/** The last row of a paged listing; clicking it loads the next page into its parent. */
export class LoadMoreNode extends SitesTreeNode {
  readonly id: string;

  constructor(
    readonly owner: SitesTreeNode & PagedNode,
    private readonly loaded: number,
    private readonly t: Translate,
  ) {
    super(owner);
    this.id = TreeIds.loadMore(owner.id);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.t('{0} loaded', this.loaded.toLocaleString('en-US'));
    item.iconPath = new vscode.ThemeIcon('more');
    item.contextValue = createContextValue([ContextTokens.loadMore]);
    item.command = { command: Commands.explorerLoadMore, title: this.t('Load More'), arguments: [this] };
    return item;
  }
}

import type * as vscode from 'vscode';
import type { SiteBackend } from '../../core/site/contract';
import type { CollectionFolder } from '../../core/site/model';
import type { Logger } from '../../platform/logger';
import type { SiteEntry } from '../../sites/siteEntry';
import type { Translate } from '../text';

/** What nodes need from the extension: the page size, the filter, refresh, the log. */
export interface TreeServices {
  pageSize(): number;
  /** The collection filter, or undefined when the tree is not filtered. */
  filterText(): string | undefined;
  /** Fires onDidChangeTreeData for the node (or the whole tree). */
  refresh(node?: SitesTreeNode): void;
  logger: Logger;
  t: Translate;
}

/** The site a node belongs to: its name, its backend and its cached folder list. */
export interface SiteScope {
  readonly entry: SiteEntry;
  readonly services: TreeServices;
  /** Signs in if needed. */
  backend(): Promise<SiteBackend>;
  folders(): Promise<readonly CollectionFolder[]>;
}

/** Nodes whose children come page by page and end with "Load more…". */
export interface PagedNode {
  loadMore(): Promise<void>;
}

/** Base of every node in the Sites view: a stable id, a parent (for reveal) and lazy children. */
export abstract class SitesTreeNode {
  abstract readonly id: string;

  constructor(readonly parent: SitesTreeNode | undefined) {}

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): Promise<SitesTreeNode[]> {
    return Promise.resolve([]);
  }

  /** Fills a tooltip on hover (TreeDataProvider.resolveTreeItem) when getTreeItem left it out. */
  resolveTooltip(_token: vscode.CancellationToken): Promise<vscode.MarkdownString | undefined> {
    return Promise.resolve(undefined);
  }

  /** Forgets loaded children, so the next expand reloads them (refresh). */
  reset(): void {
    // leaf nodes hold nothing
  }
}

/** Keeps one node object per id across reloads, so loaded pages of children survive a parent refresh. */
export class NodeCache<N extends SitesTreeNode> {
  private nodes = new Map<string, N>();

  /** Returns the node for `id`, creating it or updating the existing one. */
  get(id: string, create: () => N, update?: (node: N) => void): N {
    let node = this.nodes.get(id);
    if (node) update?.(node);
    else {
      node = create();
      this.nodes.set(id, node);
    }
    return node;
  }

  /** Drops nodes that are no longer shown. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of [...this.nodes.keys()]) if (!ids.has(id)) this.nodes.delete(id);
  }

  clear(): void {
    this.nodes.clear();
  }
}

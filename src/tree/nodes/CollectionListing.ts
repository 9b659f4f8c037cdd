import type { Collection } from '../../core/site/model';
import { PagedList } from '../PagedList';
import { TreeIds } from '../treeIds';
import { CollectionNode } from './CollectionNode';
import { LoadMoreNode } from './LoadMoreNode';
import { NodeCache, type PagedNode, type SiteScope, type SitesTreeNode } from './SitesTreeNode';

export type ListingQuery = { folderPath: string; search?: undefined } | { folderPath?: undefined; search: string };

/**
 * The collections under one node, paged: a console folder's collections (`folderPath`), or the
 * collections of every folder whose name matches the filter (`search`).
 */
export class CollectionListing {
  private readonly list: PagedList<Collection>;
  private readonly nodes = new NodeCache<CollectionNode>();

  constructor(
    private readonly owner: SitesTreeNode & PagedNode,
    private readonly scope: SiteScope,
    readonly query: ListingQuery,
  ) {
    this.list = new PagedList(async (skip, top) => (await scope.backend()).listCollections({ top, skip, ...query }));
  }

  get isEmpty(): boolean {
    return this.list.items.length === 0;
  }

  async load(): Promise<void> {
    await this.list.ensureFirstPage(this.scope.services.pageSize());
  }

  /** Collection nodes for the loaded pages, then "Load more…" when the site holds more. */
  nodesForLoadedPages(): SitesTreeNode[] {
    const site = this.scope.entry.name;
    const seen = new Set<string>();
    const out: SitesTreeNode[] = [];
    for (const c of this.list.items) {
      const id = TreeIds.collection(site, c.id);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(this.nodes.get(id, () => new CollectionNode(this.owner, this.scope, c), (n) => n.update(c)));
    }
    this.nodes.retain(seen);
    if (this.list.hasMore) out.push(new LoadMoreNode(this.owner, seen.size, this.scope.services.t));
    return out;
  }

  loadMore(): Promise<void> {
    return this.list.loadNextPage(this.scope.services.pageSize());
  }

  reset(): void {
    this.list.reset();
    this.nodes.clear();
  }
}

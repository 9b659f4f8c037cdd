import * as vscode from 'vscode';
import { Views } from '../../constants';
import type { SiteBackend } from '../../core/site/contract';
import type { Collection, CollectionMember } from '../../core/site/model';
import { CancellationError, type CancellationTokenLike } from '../../core/util/cancellation';
import { CollectionNode } from '../../tree/nodes/CollectionNode';
import { DeviceNode } from '../../tree/nodes/DeviceNode';
import { SiteNode } from '../../tree/nodes/SiteNode';
import { SitesTreeNode, type SiteScope } from '../../tree/nodes/SitesTreeNode';
import { TreeIds } from '../../tree/treeIds';
import { collectionDescription, describeClientState } from '../../tree/tooltips';
import type { SiteEntry } from '../siteEntry';
import type { SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';

/**
 * What a command acts on. From the tree it gets the clicked node (and the multi-selection);
 * from the palette nothing, and asks with a QuickPick (containers' multiSelectNodes).
 */

const t = vscode.l10n.t;
const PICK_LIMIT = 100;

/** Rejects when the token is cancelled, for waits that take no token (signing in). */
export function raceCancellation<T>(promise: Promise<T>, token: CancellationTokenLike | undefined): Promise<T> {
  if (!token) return promise;
  return new Promise<T>((resolve, reject) => {
    if (token.isCancellationRequested) return reject(new CancellationError());
    const sub = token.onCancellationRequested(() => reject(new CancellationError()));
    promise.then(
      (v) => {
        sub.dispose();
        resolve(v);
      },
      (e: unknown) => {
        sub.dispose();
        reject(e);
      },
    );
  });
}

/** The nodes a context command runs on: the multi-selection when the clicked node is part of it. */
export function selectedNodes<N extends SitesTreeNode>(node: unknown, nodes: unknown, type: abstract new (...args: never[]) => N): N[] {
  const list = Array.isArray(nodes) && nodes.includes(node) ? nodes : [node];
  return list.filter((n): n is N => n instanceof type);
}

function siteOf(node: SitesTreeNode): SiteNode | undefined {
  let n: SitesTreeNode | undefined = node;
  while (n && !(n instanceof SiteNode)) n = n.parent;
  return n;
}

/** The name of the site a node belongs to. */
export function siteNameOf(node: SitesTreeNode): string | undefined {
  return siteOf(node)?.entry.name;
}

/** A site from a node, a site name (tree message commands pass one) or a pick. */
export async function resolveSite(services: SitesServices, arg: unknown, placeHolder: string, ctx?: SiteActionContext): Promise<SiteEntry> {
  let entry: SiteEntry | undefined;
  if (arg instanceof SitesTreeNode) entry = siteOf(arg)?.entry;
  else if (typeof arg === 'string') entry = services.settings.find(arg);
  if (!entry) {
    const sites = services.settings.sites;
    if (sites.length === 0) throw new Error(t('No site is configured: add one with "SCCM: Add Site…" or open the lab site.'));
    if (sites.length === 1) entry = sites[0];
    else {
      const pick = await services.ui.showQuickPick(
        sites.map((s) => ({ label: s.name, description: s.backend, entry: s })),
        { placeHolder, title: placeHolder },
      );
      entry = pick.entry;
    }
  }
  if (ctx) ctx.siteName = entry.name;
  return entry;
}

/** The site's tree node (its backend, caches and loaded children). */
export function siteNodeFor(services: SitesServices, entry: SiteEntry): SiteNode {
  const node = services.tree.siteNode(entry.name);
  if (!node) throw new Error(t('The site "{0}" is not configured.', entry.name));
  return node;
}

export async function connectedBackend(services: SitesServices, entry: SiteEntry, token?: CancellationTokenLike): Promise<SiteBackend> {
  return raceCancellation(siteNodeFor(services, entry).backend(), token);
}

export interface CollectionTarget {
  site: SiteScope;
  collection: Collection;
  /** The tree node when the collection is shown, to refresh it. */
  node: CollectionNode | undefined;
}

/** Collections from the clicked node(s), or picked by name search on a site. */
export async function resolveCollections(services: SitesServices, node: unknown, nodes: unknown, ctx: SiteActionContext): Promise<CollectionTarget[]> {
  const picked = selectedNodes(node, nodes, CollectionNode);
  if (picked.length > 0) {
    const targets = picked.map((n) => ({ site: n.scope, collection: n.collection, node: n }));
    ctx.siteName = targets[0].site.entry.name;
    return targets;
  }
  const entry = await resolveSite(services, node, t('Pick the site of the collection'), ctx);
  const site = siteNodeFor(services, entry);
  const search = await services.ui.showInputBox({
    title: t('Find a collection on {0}', entry.name),
    prompt: t('Part of the collection name (empty: the first {0} by name)', PICK_LIMIT),
    placeHolder: t('e.g. Workstations'),
  });
  const page = await vscode.window.withProgress({ location: { viewId: Views.sites } }, async () =>
    (await site.backend()).listCollections({ top: PICK_LIMIT, search: search.trim() || undefined }),
  );
  if (page.items.length === 0) throw new Error(t('No collection on {0} has "{1}" in its name.', entry.name, search));
  const pick = await services.ui.showQuickPick(
    page.items.map((c) => ({ label: c.name, description: collectionDescription(c, t), detail: c.folderPath, collection: c })),
    { title: t('Pick a collection'), placeHolder: page.hasMore ? t('Showing the first {0}: type more of the name to narrow it', PICK_LIMIT) : t('Pick a collection'), matchOnDescription: true },
  );
  const found = services.tree.findNode(TreeIds.collection(entry.name, pick.collection.id));
  return [{ site, collection: pick.collection, node: found instanceof CollectionNode ? found : undefined }];
}

export interface DeviceTarget {
  site: SiteScope;
  collectionId: string;
  member: CollectionMember;
  node: DeviceNode | undefined;
}

/** Devices from the clicked node(s), or picked from a collection's members. */
export async function resolveDevices(services: SitesServices, node: unknown, nodes: unknown, ctx: SiteActionContext): Promise<DeviceTarget[]> {
  const picked = selectedNodes(node, nodes, DeviceNode);
  if (picked.length > 0) {
    const targets = picked.map((n) => ({ site: n.scope, collectionId: n.collectionId, member: n.member, node: n }));
    ctx.siteName = targets[0].site.entry.name;
    return targets;
  }
  const [collection] = await resolveCollections(services, node instanceof CollectionNode ? node : undefined, undefined, ctx);
  const search = await services.ui.showInputBox({
    title: t('Find a device in {0}', collection.collection.name),
    prompt: t('Part of the device name (empty: the first {0} by name)', PICK_LIMIT),
  });
  const page = await (await collection.site.backend()).listCollectionMembers(collection.collection.id, { top: PICK_LIMIT, search: search.trim() || undefined });
  if (page.items.length === 0) throw new Error(t('No member of {0} has "{1}" in its name.', collection.collection.name, search));
  const pick = await services.ui.showQuickPick(
    page.items.map((m) => ({ label: m.name, description: describeClientState(m, t), detail: t('Resource ID {0}', m.resourceId), member: m })),
    { title: t('Pick a device') },
  );
  return [{ site: collection.site, collectionId: collection.collection.id, member: pick.member, node: undefined }];
}

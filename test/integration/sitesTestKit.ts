import * as vscode from 'vscode';
import type { SitesTreeNode } from '../../src/tree/nodes/SitesTreeNode';
import type { SitesTestingApi } from '../../src/sites/testingApi';
import { activateExtension, waitFor } from './helpers';

/** The tree as VS Code sees it: the node, its TreeItem, and walking helpers for the Sites tests. */
export interface Row {
  node: SitesTreeNode;
  item: vscode.TreeItem;
}

export async function sitesTesting(): Promise<SitesTestingApi> {
  const api = await activateExtension();
  const sites = api.testing?.sites;
  if (!sites) throw new Error('the sites test API is missing: is SCCM_TEST_RUN=1 set by the harness?');
  return sites;
}

export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

export function tokens(item: vscode.TreeItem): string[] {
  return (item.contextValue ?? '').split(';');
}

export function tooltipText(item: vscode.TreeItem): string {
  const t = item.tooltip;
  return typeof t === 'string' ? t : (t?.value ?? '');
}

export function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

/** Children with their items, once the site has signed in ("Signing in…" is a transient row). */
export async function rows(api: SitesTestingApi, node?: SitesTreeNode, timeoutMs = 30000): Promise<Row[]> {
  return waitFor(
    `children of ${node ? node.id : 'the root'}`,
    async () => {
      const nodes = (await api.tree.getChildren(node)) ?? [];
      const items = await Promise.all(nodes.map(async (n) => ({ node: n, item: await api.tree.getTreeItem(n) })));
      return items.some((r) => tokens(r.item).includes('signingIn')) ? undefined : items;
    },
    timeoutMs,
  );
}

export async function siteRow(api: SitesTestingApi, name: string): Promise<Row> {
  const all = await rows(api);
  const row = all.find((r) => labelOf(r.item) === name);
  if (!row) throw new Error(`no site "${name}" in the tree (${all.map((r) => labelOf(r.item)).join(', ')})`);
  return row;
}

export const is = {
  folder: (r: Row) => tokens(r.item).includes('sccmFolder'),
  collection: (r: Row) => tokens(r.item).includes('sccmCollection'),
  device: (r: Row) => tokens(r.item).includes('sccmDevice'),
  loadMore: (r: Row) => tokens(r.item).includes('sccmLoadMore'),
  message: (r: Row) => tokens(r.item).includes('sccmMessage'),
};

/** Depth-first search for the first row matching `pred`, expanding folders (not collections). */
export async function findRow(api: SitesTestingApi, from: SitesTreeNode, pred: (r: Row) => boolean, depth = 4): Promise<Row | undefined> {
  const children = await rows(api, from);
  const hit = children.find(pred);
  if (hit || depth === 0) return hit;
  for (const f of children.filter(is.folder)) {
    const found = await findRow(api, f.node, pred, depth - 1);
    if (found) return found;
  }
  return undefined;
}

/** Runs a tree item's own command (what a click does). */
export async function click(item: vscode.TreeItem): Promise<void> {
  if (!item.command) throw new Error(`"${labelOf(item)}" has no command`);
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
}

export function sitesSetting(): unknown[] {
  return vscode.workspace.getConfiguration('sccm').get<unknown[]>('sites', []);
}

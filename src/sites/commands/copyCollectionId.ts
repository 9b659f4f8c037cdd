import * as vscode from 'vscode';
import type { SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { resolveCollections } from './targets';

/** `sccm.collection.copyId`: the selected collections' ids, one per line. */
export async function copyCollectionId(services: SitesServices, ctx: SiteActionContext, node: unknown, nodes: unknown): Promise<void> {
  const targets = await resolveCollections(services, node, nodes, ctx);
  const ids = targets.map((c) => c.collection.id);
  await vscode.env.clipboard.writeText(ids.join('\n'));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', ids.join(', ')), 3000);
}

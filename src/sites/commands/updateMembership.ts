import * as vscode from 'vscode';
import { CollectionNode } from '../../tree/nodes/CollectionNode';
import { TreeIds } from '../../tree/treeIds';
import { waitForCollectionRefresh } from '../collectionRefresh';
import { withCancellableProgress, type SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { resolveCollections } from './targets';

const t = vscode.l10n.t;

/** How long to watch for the site's evaluation before telling the user to look later. */
const EVALUATION_DEADLINE_MS = 60_000;
const POLL_INTERVAL_MS = 1_000;

/**
 * `sccm.collection.updateMembership`: RequestRefresh, then poll the collection until the site has
 * evaluated it (new refresh time or member count), then reload the node. Cancellable.
 */
export async function updateMembership(services: SitesServices, ctx: SiteActionContext, node: unknown, nodes: unknown): Promise<void> {
  const targets = await resolveCollections(services, node, nodes, ctx);
  for (const target of targets) {
    const c = target.collection;
    const result = await withCancellableProgress(t('Updating the membership of {0}…', c.name), async (token, progress) => {
      const backend = await target.site.backend();
      const before = await backend.getCollection(c.id, { token });
      await backend.requestCollectionRefresh(c.id, { token });
      services.logger.info(`RequestRefresh sent for ${c.id} on "${target.site.entry.name}"`);
      progress.report({ message: t('Waiting for the site to evaluate the collection…') });
      return waitForCollectionRefresh({
        before,
        read: (tk) => backend.getCollection(c.id, { token: tk }),
        timeoutMs: EVALUATION_DEADLINE_MS,
        intervalMs: POLL_INTERVAL_MS,
        token,
      });
    });
    const shown = services.tree.findNode(TreeIds.collection(target.site.entry.name, c.id));
    const node = target.node ?? (shown instanceof CollectionNode ? shown : undefined);
    if (node) {
      node.update(result.collection);
      services.tree.refresh(node);
    }
    if (result.evaluated) {
      services.logger.info(`${c.id} evaluated: ${result.collection.memberCount} member(s)`);
      vscode.window.setStatusBarMessage(t('{0}: membership updated ({1} members)', c.name, result.collection.memberCount), 5000);
    } else {
      void vscode.window.showInformationMessage(t('The site has not finished evaluating {0} yet. Refresh it later to see the new members.', c.name));
    }
  }
}

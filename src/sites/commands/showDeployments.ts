import * as vscode from 'vscode';
import { deploymentsMarkdown } from '../siteDocuments';
import { withCancellableProgress, type SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { resolveCollections } from './targets';

const t = vscode.l10n.t;

/** `sccm.collection.showDeployments`: a read-only Markdown table of what is deployed to the collection. */
export async function showDeployments(services: SitesServices, ctx: SiteActionContext, node: unknown, nodes: unknown): Promise<void> {
  const targets = await resolveCollections(services, node, nodes, ctx);
  for (const target of targets.slice(0, 5)) {
    const c = target.collection;
    const deployments = await withCancellableProgress(t('Reading the deployments to {0}…', c.name), async (token) =>
      (await target.site.backend()).listDeployments(c.id, { token }),
    );
    await services.documents.show([target.site.entry.name, 'collection', c.id, 'deployments'], deploymentsMarkdown(c, deployments, t));
  }
}

import * as vscode from 'vscode';
import { Views } from '../../constants';
import { LoadMoreNode } from '../../tree/nodes/LoadMoreNode';
import type { SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { siteNameOf } from './targets';

/** `sccm.explorer.loadMore`: loads the next page of the listing the clicked "Load more…" ends. */
export async function loadMore(services: SitesServices, ctx: SiteActionContext, node: unknown): Promise<void> {
  if (!(node instanceof LoadMoreNode)) return;
  ctx.siteName = siteNameOf(node);
  await vscode.window.withProgress({ location: { viewId: Views.sites } }, () => node.owner.loadMore());
  services.tree.redraw(node.owner);
}

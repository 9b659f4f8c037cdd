import { SitesTreeNode } from '../../tree/nodes/SitesTreeNode';
import type { SitesServices } from './SitesServices';

/** `sccm.explorer.refresh`: the clicked node (inline action) or the whole view (title bar). */
export function refresh(services: SitesServices, node: unknown): Promise<void> {
  services.tree.refresh(node instanceof SitesTreeNode ? node : undefined);
  return Promise.resolve();
}

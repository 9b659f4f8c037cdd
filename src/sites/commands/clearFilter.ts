import type { SitesServices } from './SitesServices';

/** `sccm.explorer.clearFilter`: back to folders and collections. */
export function clearFilter(services: SitesServices): Promise<void> {
  services.tree.setFilter(undefined);
  return Promise.resolve();
}

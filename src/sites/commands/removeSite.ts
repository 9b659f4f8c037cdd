import * as vscode from 'vscode';
import { siteHost } from '../siteEntry';
import type { SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { resolveSite } from './targets';

const t = vscode.l10n.t;

/** `sccm.site.remove`: after a confirmation, removes the site from the user settings and forgets its password. */
export async function removeSite(services: SitesServices, ctx: SiteActionContext, arg: unknown): Promise<void> {
  const entry = await resolveSite(services, arg, t('Remove which site?'), ctx);
  const remove = t('Remove');
  await services.ui.confirm(t('Remove the site "{0}"?', entry.name), t('It is removed from your settings and its saved password is forgotten. Nothing changes on the site.'), remove);
  const removed = await services.settings.removeSite(entry.name);
  if (!removed) {
    void vscode.window.showWarningMessage(t('"{0}" is defined in the workspace settings: remove it there.', entry.name));
    return;
  }
  const host = siteHost(entry);
  if (entry.userName && host) await services.credentials.deletePassword(host, entry.userName);
  if (entry.backend === 'lab' && !services.settings.sites.some((s) => s.backend === 'lab')) await services.lab.stop();
  services.tree.refresh();
}

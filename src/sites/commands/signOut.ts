import * as vscode from 'vscode';
import { maskUserName, siteHost } from '../siteEntry';
import type { SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { resolveSite } from './targets';

const t = vscode.l10n.t;

/** `sccm.site.signOut` (Forget Credentials): deletes the stored password and drops the connection. */
export async function signOut(services: SitesServices, ctx: SiteActionContext, arg: unknown): Promise<void> {
  const entry = await resolveSite(services, arg, t('Forget the credentials of which site?'), ctx);
  const host = siteHost(entry);
  if (entry.userName && host) {
    await services.credentials.deletePassword(host, entry.userName);
    services.logger.info(`Password for ${maskUserName(entry.userName)} on "${entry.name}" deleted from secret storage`);
  }
  services.connections.get(entry).reset();
  services.tree.refresh(services.tree.siteNode(entry.name));
  void vscode.window.showInformationMessage(
    entry.backend === 'lab' ? t('Disconnected from {0}.', entry.name) : t('Credentials for {0} forgotten.', entry.name),
  );
}

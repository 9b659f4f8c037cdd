import * as vscode from 'vscode';
import { UserCancelledError } from '../../platform/runAction';
import { WorkspaceUntrustedError } from '../connectionErrors';
import { maskUserName, siteHost, validateUserName, type SiteEntry } from '../siteEntry';
import { withCancellableProgress, type SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { connectedBackend, resolveSite } from './targets';

const t = vscode.l10n.t;

/** `sccm.site.signIn`: asks the account's password (masked input), keeps it in SecretStorage, connects. */
export async function signIn(services: SitesServices, ctx: SiteActionContext, arg: unknown): Promise<void> {
  const entry = await resolveSite(services, arg, t('Sign in to which site?'), ctx);
  if (!vscode.workspace.isTrusted) throw new WorkspaceUntrustedError();
  if (entry.backend !== 'adminService') {
    // The lab signs in with the account in its data folder, PowerShell as the Windows user: nothing to ask.
    services.connections.get(entry).reset();
    await connect(services, entry);
    return;
  }
  let userName = entry.userName;
  if (!userName) {
    services.settings.assertUserSitesInEffect();
    userName = (
      await services.ui.showInputBox({
        title: t('Sign in to {0}', entry.name),
        prompt: t('Account: DOMAIN\\user or user@domain'),
        validateInput: (v) => validateUserName(v, t),
      })
    ).trim();
    await services.settings.saveSite({ ...entry, userName });
  }
  const saved = services.settings.find(entry.name) ?? { ...entry, userName };
  await storePasswordAndConnect(services, saved, userName);
}

/** Asks the password, stores it, resets the site's connection and signs in to check it. */
export async function storePasswordAndConnect(services: SitesServices, entry: SiteEntry, userName: string): Promise<void> {
  const host = siteHost(entry);
  if (!host) throw new Error(t('The site "{0}" has no URL or provider host.', entry.name));
  services.logger.mask(userName);
  const password = await services.ui.showInputBox({
    title: t('Sign in to {0}', entry.name),
    prompt: t('Password of {0} (kept in VS Code secret storage, never in settings)', userName),
    password: true,
    validateInput: (v) => (v.length === 0 ? t('Enter the password.') : undefined),
  });
  if (!password) throw new UserCancelledError();
  services.logger.mask(password);
  await services.credentials.storePassword(host, userName, password);
  services.logger.info(`Password for ${maskUserName(userName)} on "${entry.name}" stored in secret storage`);
  services.connections.get(entry).reset();
  await connect(services, entry);
}

async function connect(services: SitesServices, entry: SiteEntry): Promise<void> {
  await withCancellableProgress(t('Signing in to {0}…', entry.name), (token) => connectedBackend(services, entry, token));
  const node = services.tree.siteNode(entry.name);
  services.tree.refresh(node);
  const state = services.connections.get(entry).state;
  if (state.kind === 'connected') void vscode.window.showInformationMessage(t('Signed in to {0} ({1}).', entry.name, state.info.siteCode));
}

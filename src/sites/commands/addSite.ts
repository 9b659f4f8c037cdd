import * as vscode from 'vscode';
import { Commands } from '../../constants';
import { validateAdminServiceUrl, validateProviderHost, validateSiteCodeInput, validateSiteName, validateUserName, type SiteBackendKind, type SiteEntry } from '../siteEntry';
import type { SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { storePasswordAndConnect } from './signIn';

const t = vscode.l10n.t;

/** `sccm.site.add`: backend → name → URL or provider → site code → user name, saved to user settings, then sign in. */
export async function addSite(services: SitesServices, ctx: SiteActionContext): Promise<void> {
  const { ui, settings } = services;
  const backendPick = await ui.showQuickPick(
    [
      { label: t('AdminService'), description: t('REST API on the SMS Provider (any OS)'), backend: 'adminService' as SiteBackendKind },
      { label: t('PowerShell'), description: t('CIM through the ConfigMgr console module (Windows)'), backend: 'powershell' as SiteBackendKind },
      { label: t('Lab site'), description: t('The built-in lab: no real site needed'), backend: 'lab' as SiteBackendKind },
    ],
    { title: t('Add Site'), placeHolder: t('How does VS Code reach the site?') },
  );
  if (backendPick.backend === 'lab') {
    await vscode.commands.executeCommand(Commands.siteOpenLab);
    return;
  }
  // Checked before the prompts, not after the user has typed everything.
  settings.assertUserSitesInEffect();
  const backend = backendPick.backend;
  const existing = settings.sites.map((s) => s.name);
  const name = (
    await ui.showInputBox({ title: t('Add Site: name'), prompt: t('The name shown in the Sites view'), placeHolder: 'Contoso PS1', validateInput: (v) => validateSiteName(v, existing, t) })
  ).trim();
  const entry: SiteEntry = { name, backend };
  if (backend === 'adminService') {
    entry.url = (
      await ui.showInputBox({
        title: t('Add Site: AdminService URL'),
        prompt: t('The AdminService base URL on the SMS Provider'),
        value: 'https://',
        valueSelection: [8, 8],
        placeHolder: 'https://cm01.contoso.com/AdminService',
        validateInput: (v) => validateAdminServiceUrl(v, t),
      })
    )
      .trim()
      .replace(/\/+$/, '');
  } else {
    entry.provider = (
      await ui.showInputBox({
        title: t('Add Site: SMS Provider'),
        prompt: t('Host name of the SMS Provider (where the ConfigMgr WMI namespace lives)'),
        placeHolder: 'cm01.contoso.com',
        validateInput: (v) => validateProviderHost(v, t),
      })
    ).trim();
  }
  const siteCode = (
    await ui.showInputBox({
      title: t('Add Site: site code'),
      prompt: backend === 'powershell' ? t('The three-character site code') : t('The three-character site code (empty: ask the provider)'),
      placeHolder: 'PS1',
      validateInput: (v) => validateSiteCodeInput(v, backend === 'powershell', t),
    })
  ).trim();
  if (siteCode) entry.siteCode = siteCode.toUpperCase();
  if (backend === 'adminService') {
    entry.userName = (
      await ui.showInputBox({
        title: t('Add Site: account'),
        prompt: t('DOMAIN\\user or user@domain of a ConfigMgr administrative user'),
        placeHolder: 'CONTOSO\\cmadmin',
        validateInput: (v) => validateUserName(v, t),
      })
    ).trim();
  }
  await settings.saveSite(entry);
  ctx.siteName = entry.name;
  services.logger.info(`Site "${entry.name}" (${entry.backend}) added to the user settings`);
  services.tree.refresh();
  // The PowerShell backend runs as the signed-in Windows user: nothing to ask.
  if (!entry.userName) return;
  // Offer the sign-in right away; Escape leaves the site added and signed out.
  await storePasswordAndConnect(services, entry, entry.userName);
}

import * as vscode from 'vscode';
import type { SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { resolveDevices } from './targets';

/** `sccm.device.copyName`: the selected devices' names, one per line. */
export async function copyDeviceName(services: SitesServices, ctx: SiteActionContext, node: unknown, nodes: unknown): Promise<void> {
  const targets = await resolveDevices(services, node, nodes, ctx);
  const names = targets.map((d) => d.member.name);
  await vscode.env.clipboard.writeText(names.join('\n'));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', names.join(', ')), 3000);
}

import * as vscode from 'vscode';
import { devicePropertiesMarkdown } from '../siteDocuments';
import { withCancellableProgress, type SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { resolveDevices } from './targets';

const t = vscode.l10n.t;

/** `sccm.device.showProperties`: every property of the device record in a read-only document. */
export async function showDeviceProperties(services: SitesServices, ctx: SiteActionContext, node: unknown, nodes: unknown): Promise<void> {
  const targets = await resolveDevices(services, node, nodes, ctx);
  for (const target of targets.slice(0, 5)) {
    const device = await withCancellableProgress(t('Reading {0}…', target.member.name), async (token) =>
      target.node ? target.node.loadDevice(token) : (await target.site.backend()).getDevice(target.member.resourceId, { token }),
    );
    await services.documents.show([target.site.entry.name, 'device', String(device.resourceId), device.name], devicePropertiesMarkdown(device, target.site.entry.name, t));
  }
}

import * as vscode from 'vscode';
import type { SiteEntry } from '../siteEntry';
import { withCancellableProgress, type SiteActionContext } from './runSiteAction';
import type { SitesServices } from './SitesServices';
import { connectedBackend, raceCancellation } from './targets';
import { WorkspaceUntrustedError } from '../connectionErrors';

const t = vscode.l10n.t;

/** A name for the lab entry that no other site uses. */
function labName(existing: readonly SiteEntry[]): string {
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  if (!taken.has('lab')) return 'Lab';
  for (let i = 2; ; i++) if (!taken.has(`lab ${i}`)) return `Lab ${i}`;
}

/**
 * `sccm.site.openLab`: starts the built-in lab in this extension host (small preset) if it is not
 * running, keeps a `{ "name": "Lab", "backend": "lab" }` site in the settings, signs in and reveals it.
 */
export async function openLab(services: SitesServices, ctx: SiteActionContext): Promise<void> {
  if (!vscode.workspace.isTrusted) throw new WorkspaceUntrustedError();
  let entry = services.settings.sites.find((s) => s.backend === 'lab');
  ctx.siteName = entry?.name ?? 'Lab';
  await withCancellableProgress(t('Starting the lab site…'), async (token) => {
    await raceCancellation(services.lab.ensureRunning(), token);
    if (!entry) {
      entry = { name: labName(services.settings.sites), backend: 'lab' };
      await services.settings.saveSite(entry);
      ctx.siteName = entry.name;
    }
    await connectedBackend(services, entry, token);
  });
  const node = entry && services.tree.siteNode(entry.name);
  if (!node) return;
  services.tree.redraw();
  await services.view.reveal(node, { expand: true, focus: true, select: true });
}

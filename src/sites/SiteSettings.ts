import * as vscode from 'vscode';
import { DisposableStore } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import type { LabFaults } from '../core/lab/labSite';
import { labFaultsFrom } from './labFaults';
import { parseSiteEntries, type SiteEntry } from './siteEntry';

const SECTION = 'sccm';
const SITES = 'sites';
const PAGE_SIZE = 'tree.pageSize';
const LAB_FOLDER = 'lab.dataFolder';
const LAB_FAULTS = 'lab.faults';

/** Reads and writes `sccm.sites` (user settings) and the tree's page size. */
export class SiteSettings extends DisposableStore {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the sites or the page size change. */
  readonly onDidChange = this.changed.event;
  private cache: SiteEntry[] | undefined;

  constructor(private readonly logger: Logger) {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.${SITES}`) || e.affectsConfiguration(`${SECTION}.${PAGE_SIZE}`)) {
          this.cache = undefined;
          this.changed.fire();
        }
      }),
    );
  }

  get sites(): readonly SiteEntry[] {
    if (!this.cache) {
      const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>(SITES, []);
      const parsed = parseSiteEntries(raw, vscode.l10n.t);
      for (const p of parsed.problems) this.logger.warn(`sccm.sites: ${p}`);
      this.cache = parsed.sites;
    }
    return this.cache;
  }

  find(name: string): SiteEntry | undefined {
    return this.sites.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** How many collections or devices one tree page holds (`sccm.tree.pageSize`, 50-5000). */
  get pageSize(): number {
    const n = vscode.workspace.getConfiguration(SECTION).get<number>(PAGE_SIZE, 500);
    return Number.isSafeInteger(n) ? Math.min(5000, Math.max(50, n)) : 500;
  }

  get labDataFolder(): string | undefined {
    const folder = vscode.workspace.getConfiguration(SECTION).get<string>(LAB_FOLDER, '').trim();
    return folder || undefined;
  }

  /**
   * `sccm.lab.faults`: fault injection for the built-in lab (try how the tree behaves when a site
   * is slow, throttles, fails or drops connections). Unknown or invalid fields are ignored.
   */
  get labFaults(): LabFaults {
    const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>(LAB_FAULTS, {});
    return labFaultsFrom(raw);
  }

  /** Fires when `sccm.lab.faults` changes. */
  onDidChangeLabFaults(listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.${LAB_FAULTS}`)) listener();
    });
  }

  /** `sccm.powershell.executablePath` (empty: find pwsh on PATH). */
  get powershellPath(): string | undefined {
    const value = vscode.workspace.getConfiguration(SECTION).get<string>('powershell.executablePath', '').trim();
    return value || undefined;
  }

  private globalSites(): Record<string, unknown>[] {
    const value = vscode.workspace.getConfiguration(SECTION).inspect<unknown>(SITES)?.globalValue;
    return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object') : [];
  }

  /**
   * Sites are saved to the user settings, but a workspace that defines `sccm.sites` replaces that
   * whole list (in a trusted workspace): a site saved there would not show or connect, so say so.
   */
  assertUserSitesInEffect(): void {
    const inspected = vscode.workspace.getConfiguration(SECTION).inspect<unknown>(SITES);
    if (vscode.workspace.isTrusted && (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined)) {
      throw new Error(vscode.l10n.t('The workspace settings define "sccm.sites", which hides the sites in your user settings: change the sites in the workspace settings instead.'));
    }
  }

  private async writeGlobal(list: Record<string, unknown>[]): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update(SITES, list, vscode.ConfigurationTarget.Global);
    this.cache = undefined;
  }

  /** Adds the site to the user settings, or replaces the entry with the same name there. */
  async saveSite(entry: SiteEntry): Promise<void> {
    this.assertUserSitesInEffect();
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(entry)) if (v !== undefined && v !== '') clean[k] = v;
    const list = this.globalSites();
    const i = list.findIndex((s) => typeof s.name === 'string' && s.name.toLowerCase() === entry.name.toLowerCase());
    if (i >= 0) list[i] = clean;
    else list.push(clean);
    await this.writeGlobal(list);
  }

  /** Removes the site from the user settings; false when it is defined elsewhere (workspace). */
  async removeSite(name: string): Promise<boolean> {
    const list = this.globalSites();
    const kept = list.filter((s) => !(typeof s.name === 'string' && s.name.toLowerCase() === name.toLowerCase()));
    if (kept.length === list.length) return false;
    await this.writeGlobal(kept);
    return true;
  }
}

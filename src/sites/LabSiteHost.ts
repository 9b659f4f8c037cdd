import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { readAccounts, type StoredAccount } from '../core/lab/auth/accounts';
import { readRunningLab, startLabSite, type LabFaults, type LabSite } from '../core/lab/labSite';
import { SMALL_PRESET } from '../core/lab/seed/generate';
import type { Logger } from '../platform/logger';
import type { SiteCredentials } from '../core/site/adminService/transport';
import type { SiteSettings } from './SiteSettings';

/** What the extension needs to sign in to the lab; never written to settings. */
export interface LabConnectionInfo {
  baseUrl: string;
  siteCode: string;
  /** SHA-1 thumbprint of the lab certificate (as the lab reports it), to pin. */
  certificateThumbprint: string;
  account: SiteCredentials;
  dataDir: string;
}

/** The Full Administrator of a lab's accounts (the lab also has a reader and a non-admin user). */
export function fullAdministrator(accounts: readonly StoredAccount[] | undefined): SiteCredentials | undefined {
  const admin = accounts?.find((a) => a.role === 'full');
  return admin ? { userName: admin.user, password: admin.password } : undefined;
}

/**
 * The built-in lab site, run in-process in the extension host (loopback HTTPS + NTLM), with its
 * data in the extension's global storage or `sccm.lab.dataFolder`. Its account and certificate
 * are read from the data folder here, so no credential ever passes through the settings. When
 * another process (another window, `sccm-workbench lab start`) already runs the lab on that
 * folder, this window connects to it instead of starting a second one.
 */
export class LabSiteHost implements vscode.Disposable {
  private lab: LabSite | undefined;
  private info: LabConnectionInfo | undefined;
  private starting: Promise<LabConnectionInfo> | undefined;
  /** Bumped by stop(): a start still on its way when the lab is stopped must not bring it back. */
  private generation = 0;
  private readonly faultsListener: vscode.Disposable;

  constructor(
    private readonly settings: SiteSettings,
    private readonly storageDir: string,
    private readonly logger: Logger,
  ) {
    this.faultsListener = settings.onDidChangeLabFaults(() => {
      if (!this.lab) return;
      this.lab.setFaults(settings.labFaults);
      this.logger.info(`Lab site faults: ${JSON.stringify(settings.labFaults)}`);
    });
  }

  get dataDir(): string {
    return this.settings.labDataFolder ?? path.join(this.storageDir, 'lab');
  }

  /** Connected to a lab (started here, or found running on the data folder). */
  get isRunning(): boolean {
    return this.info !== undefined;
  }

  /** Base URL of the running lab (no secrets), for the status bar and tests. */
  get baseUrl(): string | undefined {
    return this.info?.baseUrl;
  }

  get certificateThumbprint(): string | undefined {
    return this.info?.certificateThumbprint;
  }

  /** Starts the lab (small preset) unless it runs already. */
  ensureRunning(): Promise<LabConnectionInfo> {
    if (this.info && this.lab) return Promise.resolve(this.info);
    this.starting ??= this.reuseOrStart().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  /**
   * A lab found running in another process (window, CLI) may have stopped since: check it is still
   * there before signing in to it again, and start one here when it is gone.
   */
  private async reuseOrStart(): Promise<LabConnectionInfo> {
    const reused = this.info;
    if (reused) {
      const running = await readRunningLab(reused.dataDir);
      if (running?.baseUrl === reused.baseUrl) return reused;
      if (this.info === reused) this.info = undefined;
      this.logger.info(`The lab site at ${reused.baseUrl} is no longer running`);
    }
    return this.start();
  }

  private async readAccount(accountsPath: string): Promise<SiteCredentials> {
    const account = fullAdministrator(await readAccounts(accountsPath));
    if (!account) throw new Error(`The lab's ${accountsPath} holds no account.`);
    this.logger.mask(account.password);
    return account;
  }

  private async start(): Promise<LabConnectionInfo> {
    const generation = this.generation;
    const stoppedMeanwhile = (): Error => new Error('The lab site was stopped while it was starting.');
    const dataDir = this.dataDir;
    await fs.mkdir(dataDir, { recursive: true });
    const running = await readRunningLab(dataDir);
    if (running && running.pid !== process.pid) {
      const account = await this.readAccount(running.accountsPath);
      if (generation !== this.generation) throw stoppedMeanwhile();
      this.info = { baseUrl: running.baseUrl, siteCode: running.siteCode, certificateThumbprint: running.certificateThumbprint, account, dataDir };
      this.logger.info(`Using the lab site already running at ${running.baseUrl} (pid ${running.pid}, data: ${dataDir})`);
      return this.info;
    }
    const started = Date.now();
    const lab = await startLabSite({ dataDir, host: '127.0.0.1', port: 0, seed: SMALL_PRESET, faults: this.settings.labFaults });
    try {
      const account = await this.readAccount(path.join(dataDir, 'accounts.json'));
      // Stopped (site removed, extension deactivated) while starting: do not leave a server behind.
      if (generation !== this.generation) throw stoppedMeanwhile();
      this.lab = lab;
      this.info = { baseUrl: lab.baseUrl, siteCode: lab.siteCode, certificateThumbprint: lab.certificateThumbprint, account, dataDir };
      this.logger.info(`Lab site ${lab.siteCode} started at ${lab.baseUrl} in ${Date.now() - started} ms (data: ${dataDir})`);
      return this.info;
    } catch (err) {
      await lab.stop().catch(() => undefined);
      throw err;
    }
  }

  /** Fault injection for the integration tests (only for a lab started in this process). */
  setFaults(faults: LabFaults): void {
    this.lab?.setFaults(faults);
  }

  async stop(): Promise<void> {
    this.generation++;
    const lab = this.lab;
    this.lab = undefined;
    this.info = undefined;
    if (lab) {
      await lab.stop();
      this.logger.info('Lab site stopped');
    }
  }

  dispose(): void {
    this.faultsListener.dispose();
    void this.stop();
  }
}

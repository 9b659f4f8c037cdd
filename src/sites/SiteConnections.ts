import * as vscode from 'vscode';
import type { CredentialsCallback } from '../core/site/adminService/transport';
import type { SiteBackend } from '../core/site/contract';
import { SiteError } from '../core/site/errors';
import type { SiteInfo } from '../core/site/model';
import type { SiteConnectionConfig } from '../core/site/siteConfig';
import { DisposableStore } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import { isCancellation, SignInRequiredError, WorkspaceUntrustedError } from './connectionErrors';
import type { CredentialStore } from './CredentialStore';
import type { LabSiteHost } from './LabSiteHost';
import { adminServiceUrl, maskUserName, siteHost, type SiteEntry } from './siteEntry';

/** Builds a backend from connection settings; credentials are read when a connection signs in. */
export type BackendFactory = (config: SiteConnectionConfig, getCredentials: CredentialsCallback) => SiteBackend;

export type ConnectionState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected'; info: SiteInfo }
  | { kind: 'failed'; error: unknown };

interface ConnectionDeps {
  credentials: CredentialStore;
  lab: LabSiteHost;
  createBackend: BackendFactory;
  powershellPath: () => string | undefined;
  logger: Logger;
  onStateChange: (connection: SiteConnection) => void;
}

/**
 * One site's backend, created on first use (tree expand or command) and kept until the site's
 * settings or credentials change. Concurrent callers share one sign-in.
 */
export class SiteConnection implements vscode.Disposable {
  private current: ConnectionState = { kind: 'idle' };
  private backend: SiteBackend | undefined;
  private pending: Promise<SiteBackend> | undefined;
  private generation = 0;

  constructor(
    readonly entry: SiteEntry,
    private readonly deps: ConnectionDeps,
  ) {}

  get state(): ConnectionState {
    return this.current;
  }

  /** The backend when signed in, without connecting. */
  get connectedBackend(): SiteBackend | undefined {
    return this.current.kind === 'connected' ? this.backend : undefined;
  }

  private setState(state: ConnectionState): void {
    this.current = state;
    this.deps.onStateChange(this);
  }

  /** Signs in (once) and returns the backend; throws SignInRequiredError, WorkspaceUntrustedError or a SiteError. */
  connect(): Promise<SiteBackend> {
    if (this.backend && this.current.kind === 'connected') return Promise.resolve(this.backend);
    if (this.pending) return this.pending;
    const generation = this.generation;
    const run = this.open(generation).finally(() => {
      if (generation === this.generation) this.pending = undefined;
    });
    this.pending = run;
    return run;
  }

  private async open(generation: number): Promise<SiteBackend> {
    if (!vscode.workspace.isTrusted) throw new WorkspaceUntrustedError();
    this.setState({ kind: 'connecting' });
    let backend: SiteBackend | undefined;
    try {
      const { config, getCredentials } = await this.connectionConfig();
      backend = this.deps.createBackend(config, getCredentials);
      const info = await backend.getSiteInfo();
      if (generation !== this.generation) throw new SiteError('network', vscode.l10n.t('The connection to {0} was reset while signing in.', this.entry.name));
      this.backend = backend;
      this.setState({ kind: 'connected', info });
      this.deps.logger.info(`Connected to site "${this.entry.name}" (${info.siteCode}, ${info.siteName}, version ${info.version}) through ${backend.kind}`);
      return backend;
    } catch (err) {
      backend?.dispose();
      if (generation === this.generation) this.setState(isCancellation(err) ? { kind: 'idle' } : { kind: 'failed', error: err });
      if (!(err instanceof SignInRequiredError) && !isCancellation(err)) this.deps.logger.error(`Connecting to site "${this.entry.name}" failed`, err);
      throw err;
    }
  }

  private async connectionConfig(): Promise<{ config: SiteConnectionConfig; getCredentials: CredentialsCallback }> {
    const { entry, deps } = this;
    const log = (line: string): void => deps.logger.debug(`[${entry.name}] ${line}`);
    if (entry.backend === 'lab') {
      const lab = await deps.lab.ensureRunning();
      deps.logger.mask(lab.account.userName);
      deps.logger.info(`Signing in to the lab site at ${lab.baseUrl} as ${maskUserName(lab.account.userName)}`);
      return {
        config: { backend: 'adminService', adminServiceUrl: lab.baseUrl, siteCode: lab.siteCode, certificateThumbprint: lab.certificateThumbprint, log },
        getCredentials: () => lab.account,
      };
    }
    const host = siteHost(entry);
    // The PowerShell backend runs as the signed-in Windows user (CIM with the console's rights): it
    // takes no password. The AdminService needs one (NTLM without SSPI).
    const userName = entry.backend === 'adminService' ? entry.userName : undefined;
    if (entry.backend === 'adminService') {
      if (!userName || !host) throw new SignInRequiredError(entry.name);
      deps.logger.mask(userName);
      if (!(await deps.credentials.hasPassword(host, userName))) throw new SignInRequiredError(entry.name);
    }
    deps.logger.info(`Signing in to site "${entry.name}" (${entry.backend}) at ${host ?? '?'}${userName ? ` as ${maskUserName(userName)}` : ''}`);
    const config: SiteConnectionConfig = {
      backend: entry.backend,
      adminServiceUrl: adminServiceUrl(entry),
      providerHost: entry.provider,
      siteCode: entry.siteCode,
      caFile: entry.caFile,
      certificateThumbprint: entry.certificateThumbprint,
      powershellPath: deps.powershellPath(),
      log,
    };
    const getCredentials: CredentialsCallback = async () => {
      if (!userName || !host) return undefined;
      const password = await deps.credentials.getPassword(host, userName);
      // Stored in an earlier session, so not masked yet: mask it before any error could carry it to the log.
      deps.logger.mask(password);
      return password === undefined ? undefined : { userName, password };
    };
    return { config, getCredentials };
  }

  /** Drops the backend; the next use signs in again. */
  reset(): void {
    this.generation++;
    this.pending = undefined;
    this.backend?.dispose();
    this.backend = undefined;
    if (this.current.kind !== 'idle') this.setState({ kind: 'idle' });
  }

  dispose(): void {
    this.generation++;
    this.pending = undefined;
    this.backend?.dispose();
    this.backend = undefined;
  }
}

function sameEntry(a: SiteEntry, b: SiteEntry): boolean {
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
}

/** One SiteConnection per configured site, by name. */
export class SiteConnections extends DisposableStore {
  private readonly byName = new Map<string, SiteConnection>();
  private readonly stateChanged = this.register(new vscode.EventEmitter<SiteConnection>());
  readonly onDidChangeState = this.stateChanged.event;

  constructor(private readonly deps: Omit<ConnectionDeps, 'onStateChange'>) {
    super();
    this.register({ dispose: () => this.clear() });
  }

  get(entry: SiteEntry): SiteConnection {
    const key = entry.name.toLowerCase();
    let c = this.byName.get(key);
    if (c && !sameEntry(c.entry, entry)) {
      c.dispose();
      c = undefined;
    }
    if (!c) {
      c = new SiteConnection(entry, { ...this.deps, onStateChange: (conn) => this.stateChanged.fire(conn) });
      this.byName.set(key, c);
    }
    return c;
  }

  find(name: string): SiteConnection | undefined {
    return this.byName.get(name.toLowerCase());
  }

  all(): SiteConnection[] {
    return [...this.byName.values()];
  }

  /** Drops connections whose site was removed or whose settings changed. */
  sync(entries: readonly SiteEntry[]): void {
    for (const [key, c] of this.byName) {
      const entry = entries.find((e) => e.name.toLowerCase() === key);
      if (!entry || !sameEntry(entry, c.entry)) {
        c.dispose();
        this.byName.delete(key);
        this.stateChanged.fire(c);
      }
    }
  }

  /** Resets the connections that use this secret key (a password changed or was deleted). */
  resetForHost(matches: (entry: SiteEntry) => boolean): SiteConnection[] {
    const hit = this.all().filter((c) => matches(c.entry));
    for (const c of hit) c.reset();
    return hit;
  }

  private clear(): void {
    for (const c of this.byName.values()) c.dispose();
    this.byName.clear();
  }
}

/** Fault injection, changeable while the lab runs. Deterministic so tests can rely on it. */
export interface LabFaults {
  /** Added to every response, in ms. */
  latencyMs?: number;
  /** Every Nth request (counting from 1) answers 500 with a provider error body. 0/undefined = never. */
  error500Every?: number;
  /** Every Nth request answers 503 with Retry-After: 1. */
  throttle503Every?: number;
  /** Every Nth request has its connection destroyed before any response. */
  dropConnectionEvery?: number;
  /** Method calls with this name (e.g. `AddMembershipRule`) answer 500 with the provider's message. */
  failMethod?: string;
}

export interface LabSeedOptions {
  /** PRNG seed; the same seed always gives the same site. */
  seed: number;
  collections: number;
  devices: number;
}

export interface LabAccount {
  /** `DOMAIN\user` */
  user: string;
  password: string;
  /**
   * full: Full Administrator; readOnly: Read-only Analyst (writes answer 403);
   * none: a domain user who is not a ConfigMgr administrative user (every request answers 401).
   */
  role: 'full' | 'readOnly' | 'none';
}

export interface LabSiteOptions {
  /** Where state, certificate, accounts and client logs live; created when missing. */
  dataDir: string;
  /** Host name used in the base URL; the server always listens on 127.0.0.1 (loopback only). */
  host?: '127.0.0.1' | 'localhost';
  /** 0 = a free port. */
  port?: number;
  /** Generate the site when the data folder has none (or `reseed`); default: the small preset. */
  seed?: LabSeedOptions;
  reseed?: boolean;
  faults?: LabFaults;
  /** Delay before RequestRefresh / new rules show in membership, in ms (default 1500). */
  refreshDelayMs?: number;
  /** Delay before a lab client "receives" a client notification, in ms (default 1000). */
  clientDelayMs?: number;
  /** Stop by itself after this many seconds (tests; 0 = never). */
  maxRuntimeSeconds?: number;
  /** Clients per client operation that write log files (default 2000; the rest only count). */
  clientLogLimit?: number;
  /** Size at which a client log rolls over to `.lo_` (default 200 KB). */
  clientLogMaxBytes?: number;
}

export interface LabSite {
  /** `https://127.0.0.1:<port>/AdminService` */
  baseUrl: string;
  host: string;
  port: number;
  siteCode: string;
  /** PEM of the lab's self-signed certificate, to trust explicitly. */
  certificatePem: string;
  /** SHA-256 fingerprint of that certificate, upper-case hex without separators. */
  certificateSha256: string;
  /** SHA-1 thumbprint (what Windows shows), upper-case hex without separators. */
  certificateThumbprint: string;
  accounts: LabAccount[];
  /** Folder holding `<DEVICE>/Logs/*.log` written by the lab clients. */
  clientsDir: string;
  dataDir: string;
  accountsPath: string;
  certificatePath: string;
  /** `<dataDir>/lab.json`, present while the lab runs. */
  labInfoPath: string;
  /** Resolves once the lab has stopped (stop(), or maxRuntimeSeconds). */
  closed: Promise<void>;
  setFaults(faults: LabFaults): void;
  /** Resolves when no collection evaluation or client notification is pending. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** `<dataDir>/lab.json` while a lab runs: how the CLI, the demo and the extension find it. */
export interface RunningLabInfo {
  baseUrl: string;
  siteCode: string;
  pid: number;
  certificateThumbprint: string;
  certificateSha256: string;
  certificatePath: string;
  accountsPath: string;
  clientsDir: string;
}

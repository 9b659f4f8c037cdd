// PLACEHOLDER until the lab server lands: the interface is final, the body is not.

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
  /** full: Full Administrator; readOnly: Read-only Analyst (writes answer 401/403). */
  role: 'full' | 'readOnly';
}

export interface LabSiteOptions {
  /** Where state, certificate, accounts and client logs live; created when missing. */
  dataDir: string;
  /** Loopback only. */
  host?: '127.0.0.1' | 'localhost';
  /** 0 = a free port. */
  port?: number;
  /** Generate the site when the data folder has none (or `reseed`). */
  seed?: LabSeedOptions;
  reseed?: boolean;
  faults?: LabFaults;
  /** Delay before RequestRefresh / new rules show in membership, in ms (default 1500). */
  refreshDelayMs?: number;
  /** Delay before a lab client "receives" a client notification, in ms (default 1000). */
  clientDelayMs?: number;
  /** Stop by itself after this many seconds (tests; 0 = never). */
  maxRuntimeSeconds?: number;
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
  setFaults(faults: LabFaults): void;
  stop(): Promise<void>;
}

export async function startLabSite(_options: LabSiteOptions): Promise<LabSite> {
  throw new Error('The lab site is not built yet.');
}

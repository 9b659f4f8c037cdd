import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import type { SiteBackend } from './contract';
import { AdminServiceBackend } from './adminService/AdminServiceBackend';
import { parseThumbprint, type TlsTrust } from './adminService/tls';
import type { CredentialsCallback } from './adminService/transport';
import { SiteError } from './errors';
import { PowerShellBackend } from './powershell/PowerShellBackend';

export type SiteBackendKind = SiteBackend['kind'];

/** Connection settings of one site (no secrets: credentials come from a callback). */
export interface SiteConnectionConfig {
  backend: SiteBackendKind;
  /** AdminService base, `https://<SMS Provider>/AdminService`. Required for the AdminService backend. */
  adminServiceUrl?: string;
  /** SMS Provider host for the PowerShell backend; defaults to the host of adminServiceUrl. */
  providerHost?: string;
  /** e.g. `PS1`; found from the provider when omitted. */
  siteCode?: string;
  /** The site's CA certificate (PEM, or a DER .cer as Windows exports it) to trust. */
  caFile?: string;
  /** The same, as PEM text already read. */
  caPem?: string;
  /** Pin exactly this certificate: SHA-1 thumbprint as Windows shows it, or SHA-256. Wins over a CA. */
  certificateThumbprint?: string;
  /** Per request; default 30 s (AdminService) / 120 s (PowerShell). */
  requestTimeoutMs?: number;
  /** AdminService connections in parallel, default 4. */
  maxConnections?: number;
  /** PowerShell executable; default pwsh (or powershell.exe on Windows). */
  powershellPath?: string;
  /** One line per request, for an output channel; never credentials. */
  log?: (line: string) => void;
}

/** Builds the backend the settings ask for. `getCredentials` is used by the AdminService backend only. */
export function createSiteBackend(config: SiteConnectionConfig, getCredentials: CredentialsCallback): SiteBackend {
  if (config.backend === 'powershell') {
    const providerHost = config.providerHost ?? hostOf(config.adminServiceUrl);
    if (!providerHost) throw new SiteError('invalidInput', 'The PowerShell backend needs the SMS Provider host name.');
    return new PowerShellBackend({ providerHost, siteCode: config.siteCode, executablePath: config.powershellPath, timeoutMs: config.requestTimeoutMs });
  }
  if (config.backend !== 'adminService') throw new SiteError('invalidInput', `Unknown backend "${String(config.backend)}" (adminService or powershell).`);
  if (!config.adminServiceUrl) throw new SiteError('invalidInput', 'The AdminService backend needs the address https://<SMS Provider>/AdminService.');
  return new AdminServiceBackend({
    baseUrl: config.adminServiceUrl,
    siteCode: config.siteCode,
    trust: tlsTrustFrom(config),
    getCredentials,
    timeoutMs: config.requestTimeoutMs,
    maxConnections: config.maxConnections,
    log: config.log,
  });
}

/** Pin if one is set, else the CA file/PEM, else the system CAs. */
export function tlsTrustFrom(config: Pick<SiteConnectionConfig, 'caFile' | 'caPem' | 'certificateThumbprint'>): TlsTrust {
  if (config.certificateThumbprint?.trim()) return { kind: 'pin', ...parseThumbprint(config.certificateThumbprint) };
  if (config.caPem?.trim()) return { kind: 'ca', pem: checkPem(config.caPem, 'the CA certificate') };
  if (config.caFile?.trim()) return { kind: 'ca', pem: readCaFile(config.caFile) };
  return { kind: 'system' };
}

/** Reads a CA certificate file: PEM as is, DER (.cer exported from Windows) converted to PEM. */
export function readCaFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new SiteError('invalidInput', `The CA file ${file} cannot be read (${(err as { code?: string }).code ?? 'error'}).`, { cause: err });
  }
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) return checkPem(text, `the CA file ${file}`);
  try {
    return new X509Certificate(bytes).toString();
  } catch (err) {
    throw new SiteError('invalidInput', `The CA file ${file} holds no certificate (expected PEM or DER).`, { cause: err });
  }
}

function checkPem(pem: string, what: string): string {
  try {
    new X509Certificate(pem);
  } catch (err) {
    throw new SiteError('invalidInput', `${what} is not a valid certificate.`, { cause: err });
  }
  return pem;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1') || undefined;
  } catch {
    return undefined;
  }
}

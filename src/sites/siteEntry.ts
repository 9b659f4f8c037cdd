import { formatOnly, type Translate } from '../tree/text';

/**
 * One entry of the `sccm.sites` setting, checked. Pure (no VS Code) so the rules are unit-tested;
 * SiteSettings reads the setting and hands the raw value here.
 */
export type SiteBackendKind = 'adminService' | 'powershell' | 'lab';

export interface SiteEntry {
  name: string;
  backend: SiteBackendKind;
  /** AdminService base URL (https). Derived from `provider` when not set. */
  url?: string;
  provider?: string;
  siteCode?: string;
  userName?: string;
  caFile?: string;
  certificateThumbprint?: string;
}

export interface ParsedSites {
  sites: SiteEntry[];
  /** One line per entry that was skipped, for the log and a warning. */
  problems: string[];
}

const BACKENDS: readonly SiteBackendKind[] = ['adminService', 'powershell', 'lab'];
const KNOWN_KEYS = new Set(['name', 'backend', 'url', 'provider', 'siteCode', 'userName', 'caFile', 'certificateThumbprint']);

/** True when the text holds a C0 control character (no name, host or account can). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Reads the raw setting: invalid entries are skipped and explained, valid ones kept in order. */
export function parseSiteEntries(raw: unknown, t: Translate = formatOnly): ParsedSites {
  const sites: SiteEntry[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { sites, problems };
  if (!Array.isArray(raw)) return { sites, problems: [t('"sccm.sites" must be a list of sites.')] };
  const seen = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const where = t('Site #{0}', index + 1);
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(t('{0}: not an object.', where));
      return;
    }
    const o = item as Record<string, unknown>;
    const name = optionalString(o.name);
    const nameProblem = validateSiteName(name ?? '', [], t);
    if (!name || nameProblem) {
      problems.push(`${where}: ${nameProblem ?? t('a name is required.')}`);
      return;
    }
    const label = `"${name}"`;
    if (seen.has(name.toLowerCase())) {
      problems.push(t('{0}: another site has the same name; only the first is used.', label));
      return;
    }
    const backendRaw = o.backend ?? 'adminService';
    if (typeof backendRaw !== 'string' || !BACKENDS.includes(backendRaw as SiteBackendKind)) {
      problems.push(t('{0}: backend must be adminService, powershell or lab.', label));
      return;
    }
    const unknown = Object.keys(o).filter((k) => !KNOWN_KEYS.has(k));
    // Someone may try `"password": ...`: refuse the entry rather than use a credential from settings.
    if (unknown.length) {
      problems.push(t('{0}: unknown setting(s) {1} (passwords never go in settings: use Sign In).', label, unknown.join(', ')));
      return;
    }
    const entry: SiteEntry = { name, backend: backendRaw as SiteBackendKind };
    for (const key of ['url', 'provider', 'siteCode', 'userName', 'caFile', 'certificateThumbprint'] as const) {
      const v = optionalString(o[key]);
      if (v !== undefined) entry[key] = v;
    }
    const problem = checkEntry(entry, t);
    if (problem) {
      problems.push(`${label}: ${problem}`);
      return;
    }
    seen.add(name.toLowerCase());
    sites.push(entry);
  });
  return { sites, problems };
}

function checkEntry(e: SiteEntry, t: Translate): string | undefined {
  if (e.backend === 'lab') return undefined;
  if (e.url) {
    const p = validateAdminServiceUrl(e.url, t);
    if (p) return p;
  }
  if (e.provider) {
    const p = validateProviderHost(e.provider, t);
    if (p) return p;
  }
  if (e.backend === 'adminService' && !e.url && !e.provider) return t('set "url" (https://<provider>/AdminService) or "provider".');
  if (e.backend === 'powershell' && !e.provider) return t('the PowerShell backend needs "provider" (the SMS Provider host).');
  if (e.backend === 'powershell' && !e.siteCode) return t('the PowerShell backend needs "siteCode".');
  if (e.siteCode) {
    const p = validateSiteCodeInput(e.siteCode, true, t);
    if (p) return p;
  }
  if (e.userName) {
    const p = validateUserName(e.userName, t);
    if (p) return p;
  }
  if (e.certificateThumbprint && !isThumbprint(e.certificateThumbprint)) {
    return t('"certificateThumbprint" must be 40 hex digits (SHA-1) or 64 (SHA-256).');
  }
  return undefined;
}

function isThumbprint(value: string): boolean {
  const hex = value.replace(/[\s:\-\u200e\u200f\ufeff]/g, '');
  return /^[0-9a-fA-F]{40}$/.test(hex) || /^[0-9a-fA-F]{64}$/.test(hex);
}

/** The AdminService base URL of an entry (the url setting, else https://<provider>/AdminService). */
export function adminServiceUrl(e: SiteEntry): string | undefined {
  if (e.url) return e.url.replace(/\/+$/, '');
  if (e.provider) return `https://${e.provider}/AdminService`;
  return undefined;
}

function urlHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The host a site's password is kept for (its SecretStorage key): where the password is sent.
 * For the AdminService that is the URL's host, even when `provider` names another one: keyed by
 * the provider, a password saved for that provider would be sent to whatever host `url` names.
 */
export function siteHost(e: SiteEntry): string | undefined {
  if (e.backend === 'adminService') return urlHost(adminServiceUrl(e));
  return e.provider?.toLowerCase() ?? urlHost(e.url);
}

/** SecretStorage key of a site's password: `sccm.credential/<host>/<user>` (case-insensitive parts). */
export function credentialKey(host: string, userName: string): string {
  return `sccm.credential/${host.toLowerCase()}/${userName.toLowerCase()}`;
}

// ---- input validation (InputBox validateInput: a message, or undefined when fine) ----

export function validateSiteName(value: string, existing: readonly string[], t: Translate = formatOnly): string | undefined {
  const name = value.trim();
  if (!name) return t('Enter a name for the site.');
  if (name.length > 64) return t('Use at most 64 characters.');
  if (/[/\\]/.test(name) || hasControlCharacter(name)) return t('The name may not hold "/", "\\" or control characters.');
  if (existing.some((n) => n.toLowerCase() === name.toLowerCase())) return t('A site named "{0}" exists already.', name);
  return undefined;
}

export function validateAdminServiceUrl(value: string, t: Translate = formatOnly): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return t('Enter a URL such as https://cm01.contoso.com/AdminService');
  }
  if (url.protocol !== 'https:') return t('The AdminService only answers over HTTPS: the URL must start with https://');
  if (url.username || url.password) return t('Do not put a user name or password in the URL: use Sign In.');
  if (url.search || url.hash) return t('The URL must not hold a query or fragment.');
  return undefined;
}

/** A DNS name or IP address (no scheme, no path). */
export function validateProviderHost(value: string, t: Translate = formatOnly): string | undefined {
  const host = value.trim();
  if (!host) return t('Enter the SMS Provider host name, e.g. cm01.contoso.com');
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*(:\d{1,5})?$/.test(host) && !/^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host)) {
    return t('Enter a host name such as cm01.contoso.com (no https:// and no path).');
  }
  return undefined;
}

export function validateSiteCodeInput(value: string, required: boolean, t: Translate = formatOnly): string | undefined {
  const code = value.trim();
  if (!code) return required ? t('Enter the three-character site code, e.g. PS1.') : undefined;
  if (!/^[A-Za-z0-9]{3}$/.test(code)) return t('A site code is three letters or digits, e.g. PS1.');
  return undefined;
}

/** `DOMAIN\user` or `user@domain` (what NTLM needs). */
export function validateUserName(value: string, t: Translate = formatOnly): string | undefined {
  const user = value.trim();
  if (!user) return t('Enter the account as DOMAIN\\user or user@domain.');
  if (hasControlCharacter(user) || user.length > 256) return t('The user name holds characters an account cannot have.');
  if (!/^[^\\@\s]+\\[^\\@\s]+$/.test(user) && !/^[^\\@\s]+@[^\\@\s]+$/.test(user)) return t('Enter the account as DOMAIN\\user or user@domain.');
  return undefined;
}

/** `LAB\admin` → `LAB\a***`: enough to tell accounts apart in the log, not enough to reuse. */
export function maskUserName(userName: string): string {
  const sep = Math.max(userName.lastIndexOf('\\'), -1);
  const at = userName.indexOf('@');
  if (sep >= 0) return `${userName.slice(0, sep + 1)}${userName.charAt(sep + 1)}***`;
  if (at > 0) return `${userName.charAt(0)}***${userName.slice(at)}`;
  return `${userName.charAt(0)}***`;
}

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Role } from '../http/types';

export interface StoredAccount {
  /** `DOMAIN\user` */
  user: string;
  password: string;
  role: Role;
  description: string;
}

/** A password Windows complexity rules accept: upper, lower, digit, symbol; 20 characters. */
function randomPassword(): string {
  const body = randomBytes(15).toString('base64').replace(/[+/=]/g, '');
  return `Lb${body.slice(0, 14)}7!${randomBytes(1)[0] % 10}`;
}

/**
 * `<dataDir>/accounts.json`: created once with random passwords (mode 0600) and read back on
 * later starts, so a client configured against the lab keeps working across restarts.
 */
export async function loadOrCreateAccounts(dataDir: string, domain: string): Promise<{ accounts: StoredAccount[]; file: string }> {
  const file = path.join(dataDir, 'accounts.json');
  const existing = await readAccounts(file);
  if (existing) return { accounts: existing, file };
  const accounts: StoredAccount[] = [
    { user: `${domain}\\admin`, password: randomPassword(), role: 'full', description: 'Full Administrator' },
    { user: `${domain}\\reader`, password: randomPassword(), role: 'readOnly', description: 'Read-only Analyst' },
    { user: `${domain}\\user`, password: randomPassword(), role: 'none', description: 'Domain user who is not a ConfigMgr administrative user (gets 401)' },
  ];
  const content = { note: 'Lab site accounts (Windows authentication: NTLM / Negotiate). Generated at first start; keep private.', accounts };
  await fs.writeFile(file, `${JSON.stringify(content, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
  return { accounts, file };
}

/**
 * The accounts of a lab's `accounts.json`; undefined when the file is missing or holds no account
 * list. A file that cannot be read or is not JSON is an error (it is never overwritten).
 */
export async function readAccounts(file: string): Promise<StoredAccount[] | undefined> {
  let parsed: { accounts?: unknown };
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { accounts?: unknown };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const list = parsed?.accounts;
  const valid = Array.isArray(list) && list.every((a: Partial<StoredAccount> | null) => typeof a?.user === 'string' && typeof a.password === 'string');
  return valid ? (list as StoredAccount[]) : undefined;
}

/** Finds the account an NTLM AUTHENTICATE names: `user` + `domain`, `DOMAIN\user` or `user@domain`. */
export function findAccount(accounts: readonly StoredAccount[], user: string, domain: string, site: { domain: string; dnsDomain: string }): StoredAccount | undefined {
  let name = user;
  let dom = domain;
  const slash = name.indexOf('\\');
  if (slash >= 0) {
    dom = name.slice(0, slash);
    name = name.slice(slash + 1);
  }
  const at = name.indexOf('@');
  if (at >= 0) {
    dom = name.slice(at + 1);
    name = name.slice(0, at);
  }
  const domOk = dom === '' || [site.domain, site.dnsDomain, site.domain + '.' + site.dnsDomain].some((d) => d.toUpperCase() === dom.toUpperCase());
  if (!domOk) return undefined;
  return accounts.find((a) => a.user.slice(a.user.indexOf('\\') + 1).toUpperCase() === name.toUpperCase());
}

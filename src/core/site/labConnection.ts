import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SiteError } from './errors';

/**
 * Connection details of a running lab site, read from its data folder (the CLI's `--lab DIR`):
 * the address and certificate fingerprint from the `lab.json` the running lab writes, and its
 * first full-administrator account from `accounts.json`. The lab's certificate is self-signed,
 * so it is pinned by its SHA-256 fingerprint.
 */
export interface LabConnection {
  baseUrl: string;
  siteCode?: string;
  userName: string;
  password: string;
  /** SHA-256 of the lab certificate (pinned: the lab's certificate is self-signed). */
  thumbprint: string;
}

const CERTIFICATE_FILES = ['certificate.pem', 'cert.pem', 'lab.crt', 'tls/cert.pem'];

export function readLabConnection(dir: string): LabConnection {
  const lab = readJson(path.join(dir, 'lab.json'), 'the lab description (is the lab running?)');
  const baseUrl = stringField(lab, 'baseUrl');
  if (!baseUrl) throw new SiteError('invalidInput', `${path.join(dir, 'lab.json')} holds no baseUrl.`);
  const accountsFile = path.resolve(dir, stringField(lab, 'accountsPath') ?? 'accounts.json');
  const accountsValue = readJson(accountsFile, 'the lab accounts');
  const accounts = Array.isArray(accountsValue) ? accountsValue : ((accountsValue as { accounts?: unknown }).accounts ?? []);
  const admin = (Array.isArray(accounts) ? accounts : []).find((a) => stringField(a, 'role') === 'full') as Record<string, unknown> | undefined;
  const userName = admin ? (stringField(admin, 'user') ?? stringField(admin, 'userName')) : undefined;
  const password = admin ? stringField(admin, 'password') : undefined;
  if (!userName || !password) throw new SiteError('invalidInput', `${accountsFile} holds no full administrator account.`);
  return { baseUrl, siteCode: stringField(lab, 'siteCode'), userName, password, thumbprint: labThumbprint(dir, lab) };
}

function labThumbprint(dir: string, lab: unknown): string {
  const fromLab = stringField(lab, 'certificateSha256') ?? stringField(lab, 'certificateThumbprint');
  if (fromLab) return fromLab;
  const named = stringField(lab, 'certificatePath') ?? stringField(lab, 'certificateFile');
  for (const name of named ? [named, ...CERTIFICATE_FILES] : CERTIFICATE_FILES) {
    const file = path.resolve(dir, name);
    if (!fs.existsSync(file)) continue;
    try {
      return new X509Certificate(fs.readFileSync(file)).fingerprint256.replace(/:/g, '');
    } catch (err) {
      throw new SiteError('invalidInput', `${file} is not a certificate.`, { cause: err });
    }
  }
  throw new SiteError('invalidInput', `No lab certificate found in ${dir}.`);
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new SiteError('invalidInput', `Cannot read ${what}: ${file}.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new SiteError('invalidInput', `${file} is not JSON.`, { cause: err });
  }
}

function stringField(value: unknown, name: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === 'string' && field.trim() ? field : undefined;
}

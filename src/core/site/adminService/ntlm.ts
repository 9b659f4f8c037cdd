import { SiteError } from '../errors';

/**
 * NTLM messages come from the maintained `httpntlm` package (its `ntlm` module); no NTLM crypto
 * is written here. This file adapts it: user-name forms, the Negotiate/NTLM scheme, and typing.
 */

interface Type2Message {
  negotiateFlags: number;
  serverChallenge: Buffer;
  targetInfo?: Buffer;
}

interface NtlmOptions {
  username?: string;
  password?: string;
  domain?: string;
  workstation?: string;
}

interface HttpNtlmModule {
  createType1Message(options: NtlmOptions): string;
  parseType2Message(header: string, callback: (err: Error) => void): Type2Message | null;
  createType3Message(type2: Type2Message, options: NtlmOptions): string;
}

// httpntlm ships no type declarations; the interface above is the part we use. `require` keeps
// the declaration local instead of adding a global ambient module that other areas could clash with.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ntlm = require('httpntlm/ntlm') as HttpNtlmModule;

export type AuthScheme = 'NTLM' | 'Negotiate';

export interface NtlmIdentity {
  userName: string;
  domain: string;
}

/** `DOMAIN\user` → domain + user; `user@domain.tld` stays whole with an empty domain (NTLM accepts a UPN). */
export function parseUserName(value: string): NtlmIdentity {
  const text = value.trim();
  const slash = text.indexOf('\\');
  if (slash > 0 && slash < text.length - 1) return { domain: text.slice(0, slash), userName: text.slice(slash + 1) };
  if (/^[^@\\]+@[^@\\]+$/.test(text)) return { domain: '', userName: text };
  if (text.length > 0 && !text.includes('\\')) return { domain: '', userName: text };
  throw new SiteError('invalidInput', 'The user name must look like DOMAIN\\user or user@domain.');
}

/** Raw NTLM bytes as they go after the scheme name (httpntlm returns `NTLM <base64>`). */
function tokenOf(message: string): string {
  return message.replace(/^NTLM\s+/, '');
}

export function type1Header(scheme: AuthScheme): string {
  return `${scheme} ${tokenOf(ntlm.createType1Message({ domain: '', workstation: '' }))}`;
}

/**
 * Finds the server's challenge among `WWW-Authenticate` values: `NTLM <b64>` or
 * `Negotiate <b64>` carrying a raw NTLMSSP message. A Negotiate token that is not NTLMSSP means
 * the server insists on Kerberos.
 */
export function findChallenge(values: readonly string[]): { scheme: AuthScheme; token: string } | undefined {
  for (const value of values) {
    const match = /^(NTLM|Negotiate)\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value.trim());
    if (!match) continue;
    const scheme: AuthScheme = match[1].toLowerCase() === 'ntlm' ? 'NTLM' : 'Negotiate';
    const bytes = Buffer.from(match[2], 'base64');
    if (bytes.subarray(0, 8).toString('latin1') !== 'NTLMSSP\0') {
      throw new SiteError('auth', 'The site asked for Kerberos, which needs the PowerShell backend on a domain-joined Windows machine.');
    }
    return { scheme, token: match[2] };
  }
  return undefined;
}

/** Schemes the server offers in a 401 (`WWW-Authenticate: Negotiate`, `NTLM`, possibly both). */
export function offeredSchemes(values: readonly string[]): AuthScheme[] {
  const schemes = new Set<AuthScheme>();
  for (const value of values) {
    for (const part of value.split(',')) {
      const name = part.trim().split(/\s+/)[0]?.toLowerCase();
      if (name === 'ntlm') schemes.add('NTLM');
      if (name === 'negotiate') schemes.add('Negotiate');
    }
  }
  return [...schemes];
}

export function type3Header(challenge: { scheme: AuthScheme; token: string }, identity: NtlmIdentity, password: string): string {
  let parseError: Error | undefined;
  const type2 = ntlm.parseType2Message(`NTLM ${challenge.token}`, (err) => (parseError = err));
  if (!type2 || parseError) {
    throw new SiteError('auth', 'The site sent an NTLM challenge we could not read.');
  }
  const message = ntlm.createType3Message(type2, {
    username: identity.userName,
    password,
    domain: identity.domain,
    workstation: '',
  });
  return `${challenge.scheme} ${tokenOf(message)}`;
}

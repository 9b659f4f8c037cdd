import * as https from 'node:https';
import * as tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { SiteError } from '../errors';

/**
 * How the AdminService certificate is trusted. Default: the system CAs. A lab or a site using its
 * self-signed "SMS Issuing" certificate is trusted only by explicit setting: its CA file, or a
 * pinned certificate thumbprint (exactly that certificate and nothing else).
 */
export type TlsTrust =
  | { kind: 'system' }
  | { kind: 'ca'; pem: string }
  | { kind: 'pin'; algorithm: 'sha1' | 'sha256'; thumbprint: string };

/**
 * Accepts a thumbprint as Windows shows it (SHA-1, 40 hex) or a SHA-256 (64 hex), any case, with
 * spaces, colons or hyphens, and the invisible left-to-right mark the Windows certificate dialog
 * puts in front when copied. Returns upper-case hex.
 */
export function parseThumbprint(value: string): { algorithm: 'sha1' | 'sha256'; thumbprint: string } {
  const hex = value.replace(/[\s:\-\u200e\u200f\ufeff]/g, '').toUpperCase();
  if (/^[0-9A-F]{40}$/.test(hex)) return { algorithm: 'sha1', thumbprint: hex };
  if (/^[0-9A-F]{64}$/.test(hex)) return { algorithm: 'sha256', thumbprint: hex };
  throw new SiteError('invalidInput', 'The certificate thumbprint must be 40 hex digits (SHA-1, as Windows shows it) or 64 (SHA-256).');
}

export function certificateThumbprints(cert: tls.PeerCertificate): { sha1: string; sha256: string } {
  const clean = (s: string | undefined): string => (s ?? '').replace(/:/g, '').toUpperCase();
  return { sha1: clean(cert.fingerprint), sha256: clean(cert.fingerprint256) };
}

/** The site presented a certificate other than the pinned one. */
export class PinMismatchError extends Error {
  constructor(
    readonly algorithm: 'sha1' | 'sha256',
    readonly pinned: string,
    readonly presented: string,
  ) {
    super(`certificate pin mismatch`);
    this.name = 'PinMismatchError';
  }
}

/**
 * A keep-alive agent holding at most one connection (NTLM authenticates a TCP connection, so
 * each agent is one authenticated channel). With a pin, the certificate is checked in
 * createConnection, before the socket is handed to the request: no request byte is written to a
 * connection whose certificate is not the pinned one.
 */
export class SiteAgent extends https.Agent {
  constructor(private readonly trust: TlsTrust) {
    super({
      keepAlive: true,
      maxSockets: 1,
      maxFreeSockets: 1,
      ...(trust.kind === 'ca' ? { ca: trust.pem } : {}),
      // Pinned: chain validation is replaced by the exact-certificate check below, and TLS sessions
      // are not resumed so every connection shows its certificate.
      ...(trust.kind === 'pin' ? { rejectUnauthorized: false, maxCachedSessions: 0 } : {}),
    });
  }

  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const trust = this.trust;
    if (trust.kind !== 'pin' || !callback) return super.createConnection(options, callback);
    const socket = tls.connect({ ...(options as tls.ConnectionOptions), rejectUnauthorized: false, session: undefined });
    const onError = (err: Error): void => {
      socket.removeListener('secureConnect', onSecure);
      callback(err, socket);
    };
    const onSecure = (): void => {
      socket.removeListener('error', onError);
      const presented = certificateThumbprints(socket.getPeerCertificate())[trust.algorithm];
      if (presented !== trust.thumbprint) {
        socket.destroy();
        callback(new PinMismatchError(trust.algorithm, trust.thumbprint, presented), socket);
        return;
      }
      callback(null, socket);
    };
    socket.once('error', onError);
    socket.once('secureConnect', onSecure);
    return undefined;
  }
}

const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

const OTHER_TLS_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_REVOKED', 'ERR_SSL_WRONG_VERSION_NUMBER']);

export function isTlsError(err: unknown): boolean {
  if (err instanceof PinMismatchError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (UNTRUSTED_CODES.has(code) || OTHER_TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'));
}

/** A SiteError 'tls' telling the user what to do. `host` is host[:port] of the site. */
export function tlsSiteError(err: unknown, host: string, url: string): SiteError {
  if (err instanceof PinMismatchError) {
    const name = err.algorithm === 'sha1' ? 'SHA-1 thumbprint' : 'SHA-256 fingerprint';
    return new SiteError(
      'tls',
      `The certificate of ${host} is not the pinned one: pinned ${name} ${err.pinned}, the site presented ${err.presented}. ` +
        'If the site certificate was renewed, pin the new thumbprint in the site settings; otherwise something is intercepting the connection.',
      { url, cause: err },
    );
  }
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (UNTRUSTED_CODES.has(code)) {
    return new SiteError(
      'tls',
      `The certificate of ${host} is not trusted (${code}). ConfigMgr sites use a self-signed "SMS Issuing" certificate by default: ` +
        "trust the site's CA file (caFile, PEM) or pin the certificate thumbprint in the site settings.",
      { url, cause: err },
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new SiteError('tls', `The certificate of ${host} is not issued for that name. Connect with the name the certificate holds, or pin its thumbprint.`, { url, cause: err });
  }
  const detail = err instanceof Error ? err.message : code;
  return new SiteError('tls', `The secure connection to ${host} failed (${code || detail}).`, { url, cause: err });
}

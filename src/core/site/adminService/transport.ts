import type { IncomingHttpHeaders } from 'node:http';
import { CancellationError, sleep, type CancellationTokenLike } from '../../util/cancellation';
import { SiteError } from '../errors';
import { ConnectionPool, ExchangeError, exchange, type ExchangePhase, type ExchangeResult, type SiteConnection } from './connectionPool';
import { classifyNetworkError, networkError, statusError, type RequestPurpose } from './httpErrors';
import { findChallenge, offeredSchemes, parseUserName, type3Header, type1Header, type AuthScheme } from './ntlm';
import { isTlsError, tlsSiteError, type TlsTrust } from './tls';

export interface SiteCredentials {
  /** `DOMAIN\user` or `user@domain`. */
  userName: string;
  password: string;
}

/** Supplies credentials when a connection authenticates (the VS Code layer reads SecretStorage). */
export type CredentialsCallback = () => Promise<SiteCredentials | undefined> | SiteCredentials | undefined;

export interface RetryPolicy {
  /** Tries in all, first included. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After is not waited for: the call fails as 'unavailable'. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, initialDelayMs: 250, maxDelayMs: 1000, maxRetryAfterMs: 10_000 };

export interface TransportOptions {
  /** `https://<provider>/AdminService` */
  baseUrl: string;
  trust: TlsTrust;
  getCredentials: CredentialsCallback;
  /** Per request (one HTTP exchange), default 30 s. */
  timeoutMs?: number;
  /** Parallel authenticated connections, default 4. */
  maxConnections?: number;
  retry?: Partial<RetryPolicy>;
  /** One line per request (method, path, status, time); never headers or credentials. */
  log?: (line: string) => void;
}

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Below the base URL, already encoded: `wmi/SMS_Collection?$filter=...`. */
  path: string;
  body?: unknown;
  purpose: RequestPurpose;
  /** Reads are retried on 503, timeouts and dropped connections; writes only when the site cannot have run them. */
  idempotent: boolean;
  token?: CancellationTokenLike;
}

export interface TransportResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

/**
 * HTTPS to the AdminService with NTLM (Negotiate or NTLM scheme), pinned or CA-verified TLS,
 * retries for reads, cancellation and timeouts. Every failure leaves as a SiteError or a
 * CancellationError.
 */
export class AdminServiceTransport {
  readonly baseUrl: string;
  readonly host: string;
  private readonly hostname: string;
  private readonly port: number;
  private readonly basePath: string;
  private readonly pool: ConnectionPool;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private scheme: AuthScheme = 'NTLM';

  constructor(private readonly options: TransportOptions) {
    const url = parseBaseUrl(options.baseUrl);
    this.baseUrl = url.href.replace(/\/+$/, '');
    this.hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    this.port = url.port ? Number(url.port) : 443;
    this.host = url.host;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.pool = new ConnectionPool(options.trust, Math.max(1, options.maxConnections ?? 4));
  }

  /** Turns an absolute `@odata.nextLink` into a path for `request`, refusing other hosts (credentials stay with the site). */
  relativePath(link: string): string {
    let url: URL;
    try {
      url = new URL(link, `${this.baseUrl}/`);
    } catch {
      throw new SiteError('invalidResponse', 'The site sent a next-page link that is not a URL.');
    }
    const prefix = `${this.basePath}/`;
    if (url.protocol !== 'https:' || url.host !== this.host || !url.pathname.startsWith(prefix)) {
      throw new SiteError('invalidResponse', 'The site sent a next-page link to another address; it was not followed.');
    }
    return `${url.pathname.slice(prefix.length)}${url.search}`;
  }

  async request(request: TransportRequest): Promise<TransportResponse> {
    const controller = new AbortController();
    const subscription = request.token?.onCancellationRequested(() => controller.abort());
    try {
      if (request.token?.isCancellationRequested) throw new CancellationError();
      return await this.requestWithRetries(request, controller.signal);
    } finally {
      subscription?.dispose();
    }
  }

  dispose(): void {
    this.pool.dispose();
  }

  private async requestWithRetries(request: TransportRequest, signal: AbortSignal): Promise<TransportResponse> {
    const path = `${this.basePath}/${request.path}`;
    const url = `https://${this.host}${path}`;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      let result: ExchangeResult;
      try {
        result = await this.withConnection(signal, (connection) => this.send(connection, request.method, path, body, signal));
      } catch (err) {
        if (err instanceof CancellationError || signal.aborted) throw new CancellationError();
        if (!(err instanceof ExchangeError)) throw err;
        this.log(`${request.method} ${path} failed: ${err.message}`);
        if (isTlsError(err.cause)) throw tlsSiteError(err.cause, this.host, url);
        const failure = classifyNetworkError(err.cause);
        const transient = failure === 'dropped' || failure === 'timeout';
        const mayHaveRun = !request.idempotent && err.mayHaveRun;
        if (transient && !mayHaveRun && attempt < this.retry.attempts) {
          await sleep(this.backoff(attempt), request.token);
          continue;
        }
        throw networkError(err.cause, this.host, url, request.purpose, mayHaveRun);
      }
      this.log(`${request.method} ${path} -> ${result.status} in ${Date.now() - started} ms`);
      if (result.status === 503 && attempt < this.retry.attempts) {
        // 503 means the site did not run the request, so writes may be repeated too.
        const wait = retryAfterMs(result.headers) ?? this.backoff(attempt);
        if (wait <= this.retry.maxRetryAfterMs) {
          await sleep(wait, request.token);
          continue;
        }
      }
      return this.finish(result, request.purpose, url);
    }
  }

  private finish(result: ExchangeResult, purpose: RequestPurpose, url: string): TransportResponse {
    if (result.status < 200 || result.status >= 300) throw statusError(result.status, result.body, purpose, url);
    if (!result.body.trim()) return { status: result.status, body: undefined };
    try {
      return { status: result.status, body: JSON.parse(result.body) as unknown };
    } catch (err) {
      throw new SiteError('invalidResponse', `The site answered the request to ${purpose.action} with something that is not JSON.`, {
        status: result.status,
        url,
        cause: err,
      });
    }
  }

  private async withConnection<T>(signal: AbortSignal, work: (connection: SiteConnection) => Promise<T>): Promise<T> {
    const connection = await this.pool.acquire(signal);
    try {
      return await work(connection);
    } finally {
      this.pool.release(connection);
    }
  }

  private async send(connection: SiteConnection, method: 'GET' | 'POST', path: string, body: string | undefined, signal: AbortSignal): Promise<ExchangeResult> {
    if (connection.isAuthenticated) {
      const result = await this.exchangeOn(connection, method, path, {}, body, signal, 'authenticated');
      if (result.status !== 401) return result;
      // The site no longer holds this connection's authentication; a 401 means nothing ran.
      connection.forgetAuthentication();
    }
    return this.authenticate(connection, method, path, body, signal);
  }

  /** NTLM: type 1 → challenge (type 2) → type 3 with the real request, all on one connection. */
  private async authenticate(connection: SiteConnection, method: 'GET' | 'POST', path: string, body: string | undefined, signal: AbortSignal): Promise<ExchangeResult> {
    const credentials = await this.options.getCredentials();
    if (signal.aborted) throw new CancellationError();
    if (!credentials || !credentials.userName || !credentials.password) {
      throw new SiteError(
        'auth',
        'Signing in as the current Windows user (without a password) needs the PowerShell backend or a user name and password; the AdminService backend cannot use SSPI.',
      );
    }
    const identity = parseUserName(credentials.userName);
    let scheme = this.scheme;
    for (let round = 0; round < 2; round++) {
      // Negotiate step without the body (as curl does): an unauthenticated connection runs nothing.
      const first = await this.exchangeOn(connection, method, path, { Authorization: type1Header(scheme) }, undefined, signal, 'negotiate');
      if (first.status !== 401) {
        // A read may be answered as is; so may a refusal (503 is then retried by the caller). A
        // write "succeeding" with its body left out would be a broken site: refuse to guess.
        if (method === 'GET' || first.status >= 300) return first;
        throw new SiteError('invalidResponse', `The site answered the NTLM negotiation with ${first.status} instead of a challenge.`, { status: first.status });
      }
      const values = headerValues(first.headers, 'www-authenticate');
      const challenge = findChallenge(values);
      if (!challenge) {
        const offered = offeredSchemes(values);
        const other = offered.find((s) => s !== scheme);
        if (round === 0 && other && !offered.includes(scheme)) {
          scheme = other;
          continue;
        }
        if (offered.length === 0) {
          throw new SiteError('auth', 'The site does not offer Windows authentication (Negotiate or NTLM) on this address.', { status: 401 });
        }
        throw statusError(401, first.body, { action: 'sign in' }, `https://${this.host}${path}`);
      }
      if (first.closing) {
        throw new SiteError('auth', 'The site closed the connection in the middle of NTLM authentication (a proxy or load balancer without keep-alive?).', { status: 401 });
      }
      this.scheme = challenge.scheme;
      const authorization = type3Header(challenge, identity, credentials.password);
      const final = await this.exchangeOn(connection, method, path, { Authorization: authorization }, body, signal, 'final');
      if (final.status !== 401) connection.markAuthenticated(final.socket);
      return final;
    }
    throw new SiteError('auth', 'The site did not send an NTLM challenge.', { status: 401 });
  }

  private exchangeOn(
    connection: SiteConnection,
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
    phase: ExchangePhase,
  ): Promise<ExchangeResult> {
    return exchange({ connection, method, hostname: this.hostname, port: this.port, path, headers, body, timeoutMs: this.timeoutMs, signal, phase });
  }

  private backoff(attempt: number): number {
    return Math.min(this.retry.maxDelayMs, this.retry.initialDelayMs * 2 ** (attempt - 1));
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

function parseBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteError('invalidInput', `"${value}" is not a URL; expected https://<SMS Provider>/AdminService.`);
  }
  if (url.protocol !== 'https:') throw new SiteError('invalidInput', 'The AdminService is HTTPS only: the address must start with https://.');
  if (url.username || url.password) throw new SiteError('invalidInput', 'Put the user name and password in the credentials, not in the address.');
  if (url.search || url.hash) throw new SiteError('invalidInput', 'The AdminService address takes no query or fragment.');
  return url;
}

function headerValues(headers: IncomingHttpHeaders, name: string): string[] {
  const value = headers[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(headers: IncomingHttpHeaders): number | undefined {
  const value = headers['retry-after'];
  if (typeof value !== 'string' || !value.trim()) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

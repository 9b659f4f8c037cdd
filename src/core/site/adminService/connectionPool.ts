import * as https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { CancellationError } from '../../util/cancellation';
import { RequestTimeoutError } from './httpErrors';
import { SiteAgent, type TlsTrust } from './tls';

const CLOSED = 'The site connection was closed.';

/**
 * A small pool of one-socket keep-alive connections. NTLM authenticates a TCP connection, not a
 * request, so each connection remembers whether its socket is authenticated; a request runs on
 * one connection from negotiate to final answer.
 */
export class SiteConnection {
  readonly agent: SiteAgent;
  private authenticatedSocket: Socket | undefined;
  /** Set by destroy(): an agent would otherwise open a new socket for a late request. */
  private closed = false;

  constructor(trust: TlsTrust) {
    this.agent = new SiteAgent(trust);
  }

  get isAuthenticated(): boolean {
    return this.authenticatedSocket !== undefined && !this.authenticatedSocket.destroyed;
  }

  markAuthenticated(socket: Socket | undefined): void {
    if (!socket || socket.destroyed) return;
    this.authenticatedSocket = socket;
    socket.once('close', () => {
      if (this.authenticatedSocket === socket) this.authenticatedSocket = undefined;
    });
  }

  forgetAuthentication(): void {
    this.authenticatedSocket = undefined;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  destroy(): void {
    this.closed = true;
    this.authenticatedSocket = undefined;
    this.agent.destroy();
  }
}

interface Waiter {
  take(connection: SiteConnection): void;
  /** The pool was disposed while this request waited. */
  drop(): void;
}

export class ConnectionPool {
  private readonly idle: SiteConnection[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly all: SiteConnection[] = [];
  private disposed = false;

  constructor(
    private readonly trust: TlsTrust,
    private readonly size: number,
  ) {}

  /**
   * Waits for a free connection (FIFO); rejects with CancellationError when `signal` aborts or
   * the pool is disposed (the site was disconnected: nobody waits for the answer any more).
   */
  acquire(signal: AbortSignal): Promise<SiteConnection> {
    if (this.disposed) return Promise.reject(new CancellationError(CLOSED));
    if (signal.aborted) return Promise.reject(new CancellationError());
    const free = this.idle.pop();
    if (free) return Promise.resolve(free);
    if (this.all.length < this.size) {
      const created = new SiteConnection(this.trust);
      this.all.push(created);
      return Promise.resolve(created);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        take: (connection) => {
          signal.removeEventListener('abort', onAbort);
          resolve(connection);
        },
        drop: () => {
          signal.removeEventListener('abort', onAbort);
          reject(new CancellationError(CLOSED));
        },
      };
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new CancellationError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  release(connection: SiteConnection): void {
    if (this.disposed) {
      connection.destroy();
      return;
    }
    const next = this.waiters.shift();
    if (next) next.take(connection);
    else this.idle.push(connection);
  }

  /** Closes every connection (requests in flight fail) and ends the requests waiting for one. */
  dispose(): void {
    this.disposed = true;
    for (const connection of this.all) connection.destroy();
    this.all.length = 0;
    this.idle.length = 0;
    for (const waiter of this.waiters.splice(0)) waiter.drop();
  }
}

/** Where in the NTLM exchange a request failed: decides whether a write may have run. */
export type ExchangePhase = 'negotiate' | 'final' | 'authenticated';

export interface ExchangeResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  socket: Socket | undefined;
  /** The server will close this connection (so it cannot carry an NTLM handshake further). */
  closing: boolean;
}

/** A failed exchange, with whether the whole request reached the socket. */
export class ExchangeError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly sent: boolean,
    readonly phase: ExchangePhase,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ExchangeError';
  }

  /** A write that fails after its credentials and body were sent may have run on the site. */
  get mayHaveRun(): boolean {
    return this.sent && this.phase !== 'negotiate';
  }
}

const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface ExchangeRequest {
  connection: SiteConnection;
  method: 'GET' | 'POST';
  hostname: string;
  port: number;
  /** Path and query, already percent-encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal: AbortSignal;
  phase: ExchangePhase;
}

/** One HTTP request/response on the connection's agent; the body is read whole so the socket can be reused. */
export function exchange(request: ExchangeRequest): Promise<ExchangeResult> {
  return new Promise((resolve, reject) => {
    if (request.signal.aborted) {
      reject(new CancellationError());
      return;
    }
    if (request.connection.isClosed) {
      // The pool was disposed while this request waited (for credentials, between NTLM steps).
      reject(new CancellationError(CLOSED));
      return;
    }
    const payload = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    // Explicit keep-alive: NTLM authenticates the TCP connection, and VS Code's proxy support wraps
    // https requests in an agent that would otherwise send `Connection: close` mid-handshake.
    const headers: Record<string, string | number> = { Accept: 'application/json', Connection: 'keep-alive', ...request.headers };
    if (request.method !== 'GET') {
      headers['Content-Length'] = payload?.length ?? 0;
      if (payload) headers['Content-Type'] = 'application/json';
    }
    let sent = false;
    let settled = false;
    let socket: Socket | undefined;
    const req = https.request({
      hostname: request.hostname,
      port: request.port,
      path: request.path,
      method: request.method,
      agent: request.connection.agent,
      headers,
    });
    const timer = setTimeout(() => req.destroy(new RequestTimeoutError(request.timeoutMs)), request.timeoutMs);
    const onAbort = (): void => {
      req.destroy(new CancellationError());
    };
    request.signal.addEventListener('abort', onAbort, { once: true });
    const cleanup = (): void => {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', onAbort);
    };
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      cleanup();
      reject(err instanceof CancellationError ? err : new ExchangeError(err, sent, request.phase));
    };
    req.on('socket', (s) => {
      socket = s as Socket;
    });
    req.on('finish', () => {
      sent = true;
    });
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) req.destroy(new Error('The site sent more than 64 MB for one request.'));
        else chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          socket,
          closing: String(res.headers.connection ?? '').toLowerCase() === 'close' || (socket?.destroyed ?? false),
        });
      });
    });
    req.end(payload);
  });
}

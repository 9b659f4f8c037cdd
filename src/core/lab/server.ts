import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ConnectionAuthenticator } from './auth/httpAuth';
import type { FaultInjector } from './faults';
import { parseRoute } from './http/route';
import { errorBody, type ApiRequest, type ApiResponse, type Role } from './http/types';

const JSON_TYPE = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
const MAX_BODY = 16 * 1024 * 1024;

export interface ServerDeps {
  certificatePem: string;
  keyPem: string;
  authenticator: ConnectionAuthenticator;
  faults: FaultInjector;
  handle(req: ApiRequest): Promise<ApiResponse>;
  /** Called for errors the lab did not expect (they answer 500). */
  onError?(err: unknown): void;
}

/**
 * HTTPS on loopback, shaped like HTTP.SYS in front of the SMS Provider: URLs outside
 * /AdminService get a plain 404 without authentication; everything else is authenticated
 * per connection, then goes through fault injection and the route handlers.
 */
export class LabServer {
  private readonly server: https.Server;
  private readonly sockets = new Set<Socket>();
  /** Pending injected-latency waits; cleared on close so a stopped lab holds no timer. */
  private readonly latencyTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: ServerDeps) {
    this.server = https.createServer({ key: deps.keyPem, cert: deps.certificatePem }, (req, res) => {
      this.onRequest(req, res).catch((err: unknown) => {
        deps.onError?.(err);
        if (!res.headersSent) sendJson(res, 500, errorBody(500, 'The lab site failed to process the request.'));
        else res.destroy();
      });
    });
    // HTTP.SYS keeps idle connections for 2 minutes; stop() destroys them anyway.
    this.server.keepAliveTimeout = 120_000;
    this.server.on('connection', (socket: Socket) => this.track(socket));
    this.server.on('secureConnection', (socket: Socket) => this.track(socket));
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
      // The requests waiting out a latency fault are dropped with their sockets: never resumed.
      for (const timer of this.latencyTimers) clearTimeout(timer);
      this.latencyTimers.clear();
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Server', 'Microsoft-HTTPAPI/2.0');
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, errorBody(413, 'Request entity too large.'));
    const latency = this.deps.faults.latencyMs();
    if (latency) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.latencyTimers.delete(timer);
          resolve();
        }, latency);
        this.latencyTimers.add(timer);
      });
    }
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    if (!/^\/AdminService(\/|$)/i.test(rawPath)) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=us-ascii');
      res.end('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Not Found</TITLE></HEAD><BODY><h2>Not Found</h2><hr><p>HTTP Error 404. The requested resource is not found.</p></BODY></HTML>\r\n');
      return;
    }
    const auth = this.deps.authenticator.authenticate(req, res);
    if (auth.kind === 'challenged') return;
    const account = auth.account;
    if (account.role === 'none') {
      ConnectionAuthenticator.challengeHeaders(res);
      return sendJson(res, 401, errorBody(401, `${account.user} is not a Configuration Manager administrative user.`));
    }
    const fault = this.deps.faults.next();
    if (fault.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'throttle') {
      res.setHeader('Retry-After', '1');
      return sendJson(res, 503, errorBody(503, 'The service is unavailable. The SMS Provider is busy; retry later.'));
    }
    if (fault.kind === 'error') return sendJson(res, 500, errorBody(500, 'Generic failure (0x80041001). The SMS Provider reported an error; see SMSProv.log.'));
    // A raw backslash in the URL gave 404 on real sites (reference §1.5); %5C works (see README).
    if (rawUrl.includes('\\')) return sendJson(res, 404, errorBody(404, 'The request URI contains a raw backslash; encode it as %5C.'));

    let parsedBody: unknown;
    if (body.length) {
      try {
        parsedBody = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, errorBody(400, 'The request body is not valid JSON.'));
      }
    }
    const route = parseRoute(rawPath);
    const host = req.headers.host ?? '127.0.0.1';
    const response = await this.deps.handle({
      method: (req.method ?? 'GET').toUpperCase(),
      route,
      query: new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1)),
      body: parsedBody,
      user: account.user,
      role: account.role as Role,
      baseUrl: `https://${host}/AdminService`,
      failMethod: this.deps.faults.current.failMethod,
    });
    res.setHeader('OData-Version', '4.0');
    if (response.status === 204) {
      res.statusCode = 204;
      res.end();
    } else if (response.contentType === 'xml' || response.contentType === 'text') {
      res.statusCode = response.status;
      res.setHeader('Content-Type', response.contentType === 'xml' ? 'application/xml; charset=utf-8' : 'text/plain; charset=utf-8');
      res.end(String(response.body));
    } else sendJson(res, response.status, response.body);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

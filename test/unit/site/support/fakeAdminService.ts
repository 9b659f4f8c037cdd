import type { IncomingMessage, ServerResponse } from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TestCertificate } from './certificates';
import { createChallenge, ntlmMessageType, parseAuthenticate, verifyAuthenticate } from '../../../../src/core/lab/auth/ntlm';

/**
 * A small HTTPS server that speaks the AdminService's authentication (NTLM per connection, as
 * HTTP.SYS does, with the lab site's NTLM server messages) and answers with whatever the test's
 * handler says. For transport tests; the contract suite runs against the real lab site.
 */

const IDENTITY = { netbiosDomain: 'LAB', netbiosComputer: 'CM01', dnsDomain: 'lab.local', dnsComputer: 'cm01.lab.local' };

export interface FakeRequest {
  method: string;
  /** Path and query exactly as received (still percent-encoded). */
  url: string;
  body: string;
  user: string;
  connectionId: number;
}

export type FakeReply = { status: number; body?: unknown; headers?: Record<string, string> } | 'drop';

export interface FakeAdminServiceOptions {
  certificate: TestCertificate;
  /** `LAB\admin` → password */
  accounts: Record<string, string>;
  /** Schemes offered in 401s, default both. */
  schemes?: ('Negotiate' | 'NTLM')[];
  handler: (request: FakeRequest) => FakeReply | Promise<FakeReply>;
}

interface ConnectionState {
  id: number;
  challenge?: Buffer;
  user?: string;
}

export class FakeAdminService {
  /** Authenticated requests that reached the handler. */
  readonly requests: FakeRequest[] = [];
  /** Every HTTP request, handshake steps included. */
  rawRequestCount = 0;
  type1Count = 0;
  tlsConnections = 0;
  private readonly states = new WeakMap<Socket, ConnectionState>();
  private readonly sockets = new Set<Socket>();
  private nextConnectionId = 1;
  private server: https.Server | undefined;
  baseUrl = '';

  constructor(private readonly options: FakeAdminServiceOptions) {}

  async start(): Promise<this> {
    const server = https.createServer({ key: this.options.certificate.key, cert: this.options.certificate.cert }, (req, res) => {
      void this.handle(req, res);
    });
    server.on('secureConnection', (socket) => {
      this.tlsConnections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/AdminService`;
    return this;
  }

  /** Makes every connection unauthenticated, as a provider restart would (reused connections then get 401). */
  forgetAuthentication(): void {
    for (const socket of this.sockets) {
      const state = this.states.get(socket);
      if (state) state.user = undefined;
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private stateOf(socket: Socket): ConnectionState {
    let state = this.states.get(socket);
    if (!state) {
      state = { id: this.nextConnectionId++ };
      this.states.set(socket, state);
    }
    return state;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.rawRequestCount++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const state = this.stateOf(req.socket);
    const schemes = this.options.schemes ?? ['Negotiate', 'NTLM'];
    const refuse = (): void => {
      res.writeHead(401, { 'WWW-Authenticate': schemes, 'Content-Type': 'application/json' });
      res.end('{"error":{"code":"401","message":"Unauthorized"}}');
    };
    const auth = /^(NTLM|Negotiate)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (auth) {
      const scheme = auth[1].toLowerCase() === 'ntlm' ? 'NTLM' : 'Negotiate';
      if (!schemes.includes(scheme)) return refuse();
      const token = Buffer.from(auth[2], 'base64');
      const type = ntlmMessageType(token);
      if (type === 1) {
        this.type1Count++;
        const type2 = createChallenge(token.length >= 16 ? token.readUInt32LE(12) : 0, IDENTITY);
        state.challenge = type2.serverChallenge;
        state.user = undefined;
        res.writeHead(401, { 'WWW-Authenticate': `${scheme} ${type2.message.toString('base64')}` });
        res.end();
        return;
      }
      if (type === 3 && state.challenge) {
        const type3 = parseAuthenticate(token);
        const name = type3 ? (type3.domain ? `${type3.domain}\\${type3.user}` : type3.user) : '';
        const account = Object.keys(this.options.accounts).find((a) => a.toUpperCase() === name.toUpperCase());
        const challenge = state.challenge;
        state.challenge = undefined;
        if (!type3 || !account || !verifyAuthenticate(type3, challenge, this.options.accounts[account])) return refuse();
        state.user = account;
      } else if (!state.user) {
        return refuse();
      }
    } else if (!state.user) {
      return refuse();
    }
    const request: FakeRequest = { method: req.method ?? 'GET', url: req.url ?? '', body, user: state.user ?? '', connectionId: state.id };
    this.requests.push(request);
    const reply = await this.options.handler(request);
    if (reply === 'drop') {
      req.socket.destroy();
      return;
    }
    const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
    res.end(text);
  }
}

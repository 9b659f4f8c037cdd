import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { findAccount, type StoredAccount } from './accounts';
import { createChallenge, ntlmMessageType, parseAuthenticate, verifyAuthenticate, type ServerIdentity } from './ntlm';

interface ConnectionState {
  pending?: { serverChallenge: Buffer; scheme: 'NTLM' | 'Negotiate' };
  account?: StoredAccount;
}

export type AuthOutcome = { kind: 'authenticated'; account: StoredAccount } | { kind: 'challenged' };

/**
 * Windows authentication as HTTP.SYS does it: a 401 offering `Negotiate` and `NTLM`, then the
 * NTLM handshake (also raw NTLMSSP inside `Negotiate`), after which the TCP connection itself is
 * authenticated: later requests on the same keep-alive socket need no Authorization header.
 */
export class ConnectionAuthenticator {
  private readonly connections = new WeakMap<Socket, ConnectionState>();

  constructor(
    private readonly accounts: () => readonly StoredAccount[],
    private readonly identity: ServerIdentity,
    private readonly site: { domain: string; dnsDomain: string },
  ) {}

  /** Authenticates the request, or answers it (401) and reports `challenged`. */
  authenticate(req: IncomingMessage, res: ServerResponse): AuthOutcome {
    const socket = req.socket;
    const state = this.connections.get(socket) ?? {};
    this.connections.set(socket, state);
    const header = req.headers.authorization;
    if (!header) {
      if (state.account) return { kind: 'authenticated', account: state.account };
      return this.challenge(res);
    }
    const m = /^(NTLM|Negotiate)\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!m) return this.fail(state, res);
    const scheme = m[1].toLowerCase() === 'ntlm' ? 'NTLM' : 'Negotiate';
    const token = Buffer.from(m[2], 'base64');
    // SPNEGO/Kerberos tokens are not NTLMSSP: the lab cannot accept them (see README).
    const type = ntlmMessageType(token);
    if (type === 1) {
      const flags = token.length >= 16 ? token.readUInt32LE(12) : 0;
      const challenge = createChallenge(flags, this.identity);
      state.pending = { serverChallenge: challenge.serverChallenge, scheme };
      state.account = undefined;
      res.statusCode = 401;
      res.setHeader('WWW-Authenticate', `${scheme} ${challenge.message.toString('base64')}`);
      res.end();
      return { kind: 'challenged' };
    }
    if (type === 3 && state.pending) {
      const msg = parseAuthenticate(token);
      const challenge = state.pending.serverChallenge;
      state.pending = undefined;
      const account = msg ? findAccount(this.accounts(), msg.user, msg.domain, this.site) : undefined;
      if (!msg || !account || !verifyAuthenticate(msg, challenge, account.password)) return this.fail(state, res);
      state.account = account;
      return { kind: 'authenticated', account };
    }
    return this.fail(state, res);
  }

  /** The 401 every failed or missing authentication gets: both schemes offered. */
  static challengeHeaders(res: ServerResponse): void {
    res.setHeader('WWW-Authenticate', ['Negotiate', 'NTLM']);
  }

  private challenge(res: ServerResponse): AuthOutcome {
    res.statusCode = 401;
    ConnectionAuthenticator.challengeHeaders(res);
    res.setHeader('Content-Type', 'text/html');
    res.end('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Not Authorized</TITLE></HEAD><BODY><h2>Not Authorized</h2><hr><p>HTTP Error 401. The requested resource requires user authentication.</p></BODY></HTML>\r\n');
    return { kind: 'challenged' };
  }

  private fail(state: ConnectionState, res: ServerResponse): AuthOutcome {
    state.pending = undefined;
    state.account = undefined;
    return this.challenge(res);
  }
}

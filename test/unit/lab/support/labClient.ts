import { createRequire } from 'node:module';
import * as https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

/** The part of httpntlm's message builder the tests use (the package ships no types). */
interface NtlmType2 {
  targetInfo?: Buffer;
  [field: string]: unknown;
}
interface NtlmModule {
  createType1Message(options: { domain: string; workstation: string }): string;
  parseType2Message(header: string, callback: (err: Error) => void): NtlmType2 | null;
  createType3Message(type2: NtlmType2, options: { username: string; password: string; domain: string; workstation: string }): string;
}
const ntlm = createRequire(__filename)('httpntlm/ntlm') as NtlmModule;

export interface LabResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Each `WWW-Authenticate` header line as sent (Node joins them in `headers`). */
  authenticate: string[];
  /** Parsed JSON body, when the body is JSON. */
  json: unknown;
}

export interface ClientOptions {
  /** `LAB\admin` */
  user?: string;
  password?: string;
  /** Send the NTLM tokens inside `Negotiate` instead of `NTLM`. */
  scheme?: 'NTLM' | 'Negotiate';
  /** Drop the target info so httpntlm answers with NTLMv1 + extended session security. */
  ntlmV1?: boolean;
}

/**
 * A small AdminService client for the tests: HTTPS with the lab's certificate as the only trust
 * anchor, one keep-alive connection, and a real NTLM handshake built with httpntlm.
 */
export class LabHttpClient {
  readonly agent: https.Agent;
  handshakes = 0;

  constructor(
    private readonly lab: { baseUrl: string; certificatePem: string },
    private readonly options: ClientOptions = {},
  ) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca: lab.certificatePem });
  }

  /** `path` is relative to the base URL (`/wmi/SMS_Site`) and must already be URL-encoded. */
  async request(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<LabResponse> {
    const url = `${this.lab.baseUrl}${path}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const first = await this.send(method, url, payload, extraHeaders);
    if (first.status !== 401 || !this.options.user || !first.authenticate.some((h) => /^(NTLM|Negotiate)$/i.test(h))) return first;
    return this.handshake(method, url, payload, extraHeaders);
  }

  close(): void {
    this.agent.destroy();
  }

  private async handshake(method: string, url: string, payload: string | undefined, extraHeaders: Record<string, string>): Promise<LabResponse> {
    this.handshakes++;
    const scheme = this.options.scheme ?? 'NTLM';
    const [domain, username] = (this.options.user ?? '').split('\\');
    const type1 = ntlm.createType1Message({ domain, workstation: 'WKS-TEST-00001' }).replace(/^NTLM /, `${scheme} `);
    const challenge = await this.send(method, url, payload, { ...extraHeaders, Authorization: type1 });
    const header = challenge.authenticate.find((h) => h.startsWith(`${scheme} `));
    if (challenge.status !== 401 || !header) return challenge;
    const type2 = ntlm.parseType2Message(header.replace(/^Negotiate /, 'NTLM '), (err) => {
      throw err;
    });
    if (!type2) throw new Error('no type 2 message');
    if (this.options.ntlmV1) delete type2.targetInfo;
    const type3 = ntlm.createType3Message(type2, { username, password: this.options.password ?? '', domain, workstation: 'WKS-TEST-00001' }).replace(/^NTLM /, `${scheme} `);
    return this.send(method, url, payload, { ...extraHeaders, Authorization: type3 });
  }

  private send(method: string, url: string, payload: string | undefined, headers: Record<string, string>): Promise<LabResponse> {
    return new Promise((resolve, reject) => {
      const req = https.request(url, {
        method,
        agent: this.agent,
        headers: { Accept: 'application/json', ...(payload !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) } : {}), ...headers },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          if (/json/.test(res.headers['content-type'] ?? '') && text) json = JSON.parse(text);
          const authenticate: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) if (res.rawHeaders[i].toLowerCase() === 'www-authenticate') authenticate.push(res.rawHeaders[i + 1]);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, authenticate, json });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
}

/** Builds a query string with every value percent-encoded (`+` too), as a careful client does. */
export function odataQuery(params: Record<string, string | number>): string {
  return `?${Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')}`;
}

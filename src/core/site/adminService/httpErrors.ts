import { SiteError } from '../errors';

/** What a request is for, so a failure can say it in the user's terms. */
export interface RequestPurpose {
  /** Verb phrase: "list collections", "add a membership rule to collection PS100012". */
  action: string;
  /** Message for a 404, e.g. "Collection PS100099 was not found." */
  notFound?: string;
  /** The RBAC right a 403 most likely means is missing, e.g. "Modify Resource". */
  right?: string;
  /** For writes whose outcome is unknown: what the user should check before trying again. */
  verify?: string;
}

/** `{"error":{"code":"404","message":"..."}}` (code is a string on real sites), or plain text. */
export function providerMessage(body: string): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    const error = (parsed as { error?: unknown; Error?: unknown } | null)?.error ?? (parsed as { Error?: unknown } | null)?.Error;
    const message = (error as { message?: unknown; Message?: unknown } | null)?.message ?? (error as { Message?: unknown } | null)?.Message;
    if (typeof message === 'string' && message.trim()) return clip(message.trim());
    const odataMessage = (parsed as { Message?: unknown; message?: unknown } | null)?.message ?? (parsed as { Message?: unknown } | null)?.Message;
    if (typeof odataMessage === 'string' && odataMessage.trim()) return clip(odataMessage.trim());
    return undefined;
  } catch {
    // Not JSON: HTTP.SYS and proxies answer with HTML or text; keep a short plain excerpt.
    const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return plain ? clip(plain) : undefined;
  }
}

function clip(text: string): string {
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

/** Maps a non-2xx status to a SiteError. `url` never holds credentials (they travel in headers only). */
export function statusError(status: number, body: string, purpose: RequestPurpose, url: string): SiteError {
  const provider = providerMessage(body);
  const details = { status, providerMessage: provider, url };
  const suffix = provider ? ` The site said: ${provider}` : '';
  switch (status) {
    case 401:
      return new SiteError(
        'auth',
        `The site refused the sign-in while trying to ${purpose.action}: not a ConfigMgr administrative user, or wrong user name/password.`,
        details,
      );
    case 403:
      return new SiteError(
        'forbidden',
        `Your role lacks the right to ${purpose.action}${purpose.right ? ` (it needs ${purpose.right})` : ''}.${suffix}`,
        details,
      );
    case 404:
      return new SiteError('notFound', `${purpose.notFound ?? `The site has no such object or route (while trying to ${purpose.action}).`}${suffix}`, details);
    case 400:
      return new SiteError('badRequest', `The site rejected the request to ${purpose.action} as invalid.${suffix}`, details);
    case 503:
      return new SiteError('unavailable', `The site is busy or unavailable (503) and did not ${purpose.action}; try again in a moment.${suffix}`, details);
    default:
      if (status >= 500) {
        return new SiteError('server', `The SMS Provider failed to ${purpose.action} (${status}).${suffix}`, details);
      }
      return new SiteError('invalidResponse', `The site answered ${status} when asked to ${purpose.action}.${suffix}`, details);
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET']);

export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Timed out waiting for the site (our own timer, not the OS). */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

export type NetworkFailure = 'dns' | 'refused' | 'dropped' | 'timeout' | 'unreachable' | 'other';

export function classifyNetworkError(err: unknown): NetworkFailure {
  if (err instanceof RequestTimeoutError) return 'timeout';
  const code = errorCode(err);
  if (DNS_CODES.has(code)) return 'dns';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'unreachable';
  if (DROPPED_CODES.has(code) || (err instanceof Error && /socket hang up/i.test(err.message))) return 'dropped';
  return 'other';
}

export function networkError(err: unknown, host: string, url: string, purpose: RequestPurpose, outcomeUnknown: boolean): SiteError {
  const kind = classifyNetworkError(err);
  const details = { url, cause: err };
  if (outcomeUnknown) {
    const how = kind === 'timeout' ? 'did not answer in time' : 'dropped the connection';
    return new SiteError(
      'network',
      `${host} ${how} after the request to ${purpose.action} was sent, so the outcome is unknown. ` +
        `${purpose.verify ?? 'Check the site before trying again.'}`,
      details,
    );
  }
  switch (kind) {
    case 'dns':
      return new SiteError('network', `The site host ${host} could not be found (DNS). Check the AdminService address.`, details);
    case 'refused':
      return new SiteError('network', `${host} refused the connection: is the SMS Provider running and the AdminService reachable on that port?`, details);
    case 'timeout':
      return new SiteError('network', `${host} did not answer in time while trying to ${purpose.action}.`, details);
    case 'unreachable':
      return new SiteError('network', `${host} cannot be reached from this machine (no route).`, details);
    case 'dropped':
      return new SiteError('network', `${host} dropped the connection while trying to ${purpose.action}.`, details);
    default:
      return new SiteError('network', `The connection to ${host} failed while trying to ${purpose.action} (${errorCode(err) || (err instanceof Error ? err.message : String(err))}).`, details);
  }
}

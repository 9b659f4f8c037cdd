import { z } from 'zod';
import { SiteError } from '../errors';

/**
 * The scripts answer with one JSON line: `{"ok":true,"data":...}` or `{"ok":false,"error":{...}}`.
 * CIM failures are mapped to SiteError kinds by HRESULT / CIM status, as the REST backend maps
 * HTTP statuses.
 */

const failureSchema = z.object({
  message: z.string().nullish(),
  type: z.string().nullish(),
  hresult: z.number().nullish(),
  nativeErrorCode: z.string().nullish(),
  category: z.string().nullish(),
});

const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: failureSchema }),
]);

export type ScriptFailure = z.infer<typeof failureSchema>;

export interface ScriptContext {
  action: string;
  notFound?: string;
  right?: string;
  provider: string;
}

/** The data of a successful run; a failed run throws the matching SiteError. */
export function parseScriptOutput(stdout: string, context: ScriptContext): unknown {
  // The envelope is the last JSON line; anything before it (a module's warning) is ignored.
  const line = stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .reverse()
    .find((l) => l.startsWith('{"ok":'));
  if (!line) {
    throw new SiteError('powershell', `PowerShell gave no result while trying to ${context.action}.${stdout.trim() ? ` Output: ${clip(stdout)}` : ''}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (err) {
    throw new SiteError('invalidResponse', `PowerShell wrote a result that is not JSON while trying to ${context.action}.`, { cause: err });
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) throw new SiteError('invalidResponse', `PowerShell wrote an unexpected result while trying to ${context.action}.`);
  if (envelope.data.ok) return unwrapLegacyArrays(envelope.data.data);
  throw failureError(envelope.data.error, context);
}

/**
 * Windows PowerShell 5.1 serialises some arrays as `{"value":[...],"Count":n}` (its extended
 * Array type data); those are turned back into arrays. Our rows always carry `__CLASS`, so no
 * real row has exactly these two keys.
 */
export function unwrapLegacyArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapLegacyArrays);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const keys = entries.map(([k]) => k.toLowerCase()).sort();
  if (keys.length === 2 && keys[0] === 'count' && keys[1] === 'value') {
    const inner = entries.find(([k]) => k.toLowerCase() === 'value')?.[1];
    if (Array.isArray(inner)) return inner.map(unwrapLegacyArrays);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, unwrapLegacyArrays(v)]));
}

export function hresultHex(value: number | null | undefined): string | undefined {
  if (value === null || value === undefined || !Number.isFinite(value)) return undefined;
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

export function failureError(failure: ScriptFailure, context: ScriptContext): SiteError {
  const message = clip(failure.message ?? 'unknown error');
  const code = hresultHex(failure.hresult);
  const native = (failure.nativeErrorCode ?? '').toLowerCase();
  const details = { providerMessage: message, cause: failure };
  const said = ` (${code ? `${code}: ` : ''}${message})`;
  if (code === '0x80070005' || (/access is denied/i.test(message) && native !== 'accessdenied')) {
    return new SiteError('auth', `${context.provider} refused the connection: not a ConfigMgr administrative user, or no DCOM/WMI remote rights${said}.`, details);
  }
  if (code === '0x80041003' || native === 'accessdenied') {
    return new SiteError('forbidden', `Your role lacks the right to ${context.action}${context.right ? ` (it needs ${context.right})` : ''}${said}.`, details);
  }
  if (code === '0x800706BA' || code === '0x80338012' || /winrm|rpc server is unavailable|cannot connect to the destination/i.test(message)) {
    return new SiteError('network', `${context.provider} cannot be reached for WMI (firewall, WinRM not enabled, or host down)${said}.`, details);
  }
  if (code === '0x8004100E' || native === 'invalidnamespace') {
    return new SiteError('notFound', `The site namespace was not found on ${context.provider}: check the site code${said}.`, details);
  }
  if (code === '0x80041002' || native === 'notfound') {
    return new SiteError('notFound', `${context.notFound ?? `Not found while trying to ${context.action}.`}${said}`, details);
  }
  if (code === '0x80041008' || native === 'invalidparameter') {
    return new SiteError('badRequest', `The SMS Provider rejected the request to ${context.action} as invalid${said}.`, details);
  }
  if (/CommandNotFoundException/.test(failure.type ?? '')) {
    return new SiteError('powershell', `This PowerShell lacks the CIM cmdlets needed to ${context.action}${said}.`, details);
  }
  return new SiteError('server', `The SMS Provider failed to ${context.action}${said}.`, details);
}

/** One line of at most 400 characters, for messages that quote PowerShell output. */
export function clip(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > 400 ? `${plain.slice(0, 397)}...` : plain;
}

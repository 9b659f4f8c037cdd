/**
 * Every backend failure reaches the UI and the CLI as a SiteError with a message a
 * person can act on; `kind` lets callers react (sign in again, retry, show "not found").
 */
export type SiteErrorKind =
  | 'auth' // 401: wrong credentials, or not a ConfigMgr administrative user
  | 'forbidden' // 403: the role lacks the right (e.g. Modify Resource, Notify Resource)
  | 'notFound' // 404: no such class/key/method
  | 'badRequest' // 400
  | 'server' // 500: the SMS Provider reported a failure
  | 'unavailable' // 503 / throttled
  | 'network' // DNS, TCP, connection dropped, timeout
  | 'tls' // certificate not trusted / pin mismatch
  | 'invalidResponse' // the site answered with data we do not understand
  | 'invalidInput' // the caller passed a value the site would refuse
  | 'powershell'; // the PowerShell host failed or is missing

export class SiteError extends Error {
  constructor(
    readonly kind: SiteErrorKind,
    message: string,
    readonly details: { status?: number; providerMessage?: string; url?: string; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'SiteError';
  }
}

import { SiteError } from '../core/site/errors';
import { CancellationError } from '../core/util/cancellation';
import { formatOnly, type Translate } from '../tree/text';

/** No password is stored for the site's account: the user has to sign in first. */
export class SignInRequiredError extends Error {
  constructor(readonly siteName: string) {
    super(`Sign in to ${siteName} first.`);
    this.name = 'SignInRequiredError';
  }
}

/** The workspace is not trusted: no site connects and no PowerShell runs. */
export class WorkspaceUntrustedError extends Error {
  constructor() {
    super('Sites do not connect in an untrusted workspace.');
    this.name = 'WorkspaceUntrustedError';
  }
}

/** What the user can do about a failure, offered as a button or a tree item command. */
export type Remedy = 'signIn' | 'retry' | 'openSettings' | 'manageTrust' | 'showOutput';

export interface ErrorPresentation {
  /** One line for a tree item or a toast. */
  message: string;
  remedy?: Remedy;
}

export function isCancellation(err: unknown): boolean {
  return err instanceof CancellationError || (err instanceof Error && (err.name === 'Canceled' || err.name === 'CancellationError' || err.name === 'UserCancelledError'));
}

/**
 * Maps a failure to a message and a remedy: auth → sign in; TLS → settings (caFile or
 * certificateThumbprint); network / 503 / 500 → retry; the rest → the output has details.
 */
export function describeSiteError(err: unknown, siteName: string, t: Translate = formatOnly): ErrorPresentation {
  if (err instanceof SignInRequiredError) return { message: t('Sign in to {0}…', siteName), remedy: 'signIn' };
  if (err instanceof WorkspaceUntrustedError) return { message: t('Trust this workspace to connect to sites.'), remedy: 'manageTrust' };
  if (err instanceof SiteError) {
    const message = firstLine(err.message);
    switch (err.kind) {
      case 'auth':
        return { message: t('{0} Sign in to {1} again.', message, siteName), remedy: 'signIn' };
      case 'tls':
        return {
          message: /caFile|thumbprint/i.test(message) ? message : t('{0} Set "caFile" or "certificateThumbprint" for this site in the settings.', message),
          remedy: 'openSettings',
        };
      case 'network':
      case 'unavailable':
      case 'server':
        return { message, remedy: 'retry' };
      case 'forbidden':
      case 'notFound':
        return { message };
      default:
        return { message, remedy: 'showOutput' };
    }
  }
  const message = err instanceof Error ? firstLine(err.message) : String(err);
  return { message: message || t('Unknown error'), remedy: 'showOutput' };
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

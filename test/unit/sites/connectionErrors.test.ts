import * as assert from 'node:assert/strict';
import { SiteError } from '../../../src/core/site/errors';
import { CancellationError } from '../../../src/core/util/cancellation';
import { describeSiteError, isCancellation, SignInRequiredError, WorkspaceUntrustedError } from '../../../src/sites/connectionErrors';

describe('sites: what a failure tells the user and offers', () => {
  it('auth → sign in to that site', () => {
    const p = describeSiteError(new SiteError('auth', 'The site refused the sign-in: wrong user name/password.'), 'PS1');
    assert.equal(p.remedy, 'signIn');
    assert.match(p.message, /Sign in to PS1/);
    assert.deepEqual(describeSiteError(new SignInRequiredError('Lab'), 'Lab'), { message: 'Sign in to Lab…', remedy: 'signIn' });
  });

  it('tls → the message says to set caFile or certificateThumbprint, and offers the settings', () => {
    const p = describeSiteError(new SiteError('tls', 'The secure connection to cm01 failed (ERR_SSL_X).'), 'PS1');
    assert.equal(p.remedy, 'openSettings');
    assert.match(p.message, /caFile/);
    assert.match(p.message, /certificateThumbprint/);
  });

  it('network, 503 and provider 500 → retry', () => {
    for (const kind of ['network', 'unavailable', 'server'] as const) assert.equal(describeSiteError(new SiteError(kind, 'x'), 'S').remedy, 'retry');
  });

  it('untrusted workspace → manage trust; other errors → the output, first line only', () => {
    assert.equal(describeSiteError(new WorkspaceUntrustedError(), 'S').remedy, 'manageTrust');
    const p = describeSiteError(new Error('first line\n  at stack frame'), 'S');
    assert.deepEqual(p, { message: 'first line', remedy: 'showOutput' });
    assert.equal(describeSiteError(new SiteError('forbidden', 'Your role lacks the right.'), 'S').remedy, undefined);
  });

  it('recognises cancellation from the core and from VS Code', () => {
    assert.ok(isCancellation(new CancellationError()));
    const vscodeStyle = new Error('Canceled');
    vscodeStyle.name = 'Canceled';
    assert.ok(isCancellation(vscodeStyle));
    assert.ok(!isCancellation(new SiteError('network', 'x')));
  });
});

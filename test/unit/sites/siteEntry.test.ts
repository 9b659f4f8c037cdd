import * as assert from 'node:assert/strict';
import {
  adminServiceUrl,
  credentialKey,
  maskUserName,
  parseSiteEntries,
  siteHost,
  validateAdminServiceUrl,
  validateProviderHost,
  validateSiteCodeInput,
  validateSiteName,
  validateUserName,
} from '../../../src/sites/siteEntry';

describe('sites: the sccm.sites setting', () => {
  it('keeps valid sites in order and defaults the backend to the AdminService', () => {
    const { sites, problems } = parseSiteEntries([
      { name: 'Contoso', url: 'https://cm01.contoso.com/AdminService', siteCode: 'PS1', userName: 'CONTOSO\\cmadmin' },
      { name: 'Lab', backend: 'lab' },
      { name: 'Fabrikam', backend: 'powershell', provider: 'cm02.fabrikam.com', siteCode: 'FB1' },
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      sites.map((s) => [s.name, s.backend]),
      [
        ['Contoso', 'adminService'],
        ['Lab', 'lab'],
        ['Fabrikam', 'powershell'],
      ],
    );
  });

  it('skips entries a connection could not use, and says why', () => {
    const { sites, problems } = parseSiteEntries([
      { name: 'NoAddress' },
      { name: 'Plain', url: 'http://cm01/AdminService' },
      { name: 'Ps', backend: 'powershell', provider: 'cm01' },
      { name: 'BadCode', url: 'https://cm01/AdminService', siteCode: 'PS12' },
      { name: 'BadPin', url: 'https://cm01/AdminService', certificateThumbprint: 'abc' },
      { name: 'a/b', backend: 'lab' },
      { backend: 'lab' },
      'Lab',
      { name: 'Odd', backend: 'sql' },
    ]);
    assert.deepEqual(sites, []);
    assert.equal(problems.length, 9);
    assert.match(problems[0], /"NoAddress".*url/);
    assert.match(problems[1], /HTTPS/);
    assert.match(problems[2], /siteCode/);
    assert.match(problems[8], /backend/);
  });

  it('refuses an entry that carries a password, rather than use a credential from settings', () => {
    const { sites, problems } = parseSiteEntries([{ name: 'Leaky', url: 'https://cm01/AdminService', userName: 'C\\u', password: 'hunter2' }]);
    assert.deepEqual(sites, []);
    assert.match(problems[0], /password/);
    assert.doesNotMatch(problems[0], /hunter2/);
  });

  it('uses only the first of two sites with the same name (names are ids in the tree)', () => {
    const { sites, problems } = parseSiteEntries([
      { name: 'Lab', backend: 'lab' },
      { name: 'lab', url: 'https://cm01/AdminService' },
    ]);
    assert.equal(sites.length, 1);
    assert.equal(sites[0].backend, 'lab');
    assert.equal(problems.length, 1);
  });

  it('accepts a Windows-style thumbprint with spaces and the invisible mark the certificate dialog copies', () => {
    const { sites } = parseSiteEntries([{ name: 'S', url: 'https://cm01/AdminService', certificateThumbprint: '\u200ea9 4c 1f 0e 55 9c 2b 8d 0a 6f 3e 1b 2c 4d 5e 6f 70 81 92 a3' }]);
    assert.equal(sites.length, 1);
  });

  it('treats a missing or empty setting as no sites', () => {
    assert.deepEqual(parseSiteEntries(undefined), { sites: [], problems: [] });
    assert.deepEqual(parseSiteEntries([]), { sites: [], problems: [] });
    assert.equal(parseSiteEntries({ name: 'x' }).problems.length, 1);
  });

  it('derives the AdminService URL and the credential host', () => {
    assert.equal(adminServiceUrl({ name: 'a', backend: 'adminService', provider: 'cm01.contoso.com' }), 'https://cm01.contoso.com/AdminService');
    assert.equal(adminServiceUrl({ name: 'a', backend: 'adminService', url: 'https://cm01/AdminService/' }), 'https://cm01/AdminService');
    assert.equal(siteHost({ name: 'a', backend: 'adminService', url: 'https://CM01.contoso.com:8443/AdminService' }), 'cm01.contoso.com:8443');
    assert.equal(siteHost({ name: 'a', backend: 'powershell', provider: 'CM02' }), 'cm02');
    assert.equal(siteHost({ name: 'a', backend: 'adminService', provider: 'CM01.contoso.com' }), 'cm01.contoso.com');
  });

  it('keys an AdminService password by the host it is sent to, not by a provider the URL does not name', () => {
    const stored = siteHost({ name: 'a', backend: 'adminService', provider: 'cm01.contoso.com' });
    const elsewhere = siteHost({ name: 'b', backend: 'adminService', provider: 'cm01.contoso.com', url: 'https://cm99.fabrikam.com/AdminService' });
    assert.equal(elsewhere, 'cm99.fabrikam.com');
    assert.notEqual(elsewhere, stored, 'the password saved for cm01 must not be used for a site that talks to cm99');
  });

  it('keys secrets as sccm.credential/<host>/<user>, whatever the case typed', () => {
    assert.equal(credentialKey('CM01.contoso.com', 'CONTOSO\\CmAdmin'), 'sccm.credential/cm01.contoso.com/contoso\\cmadmin');
    assert.equal(credentialKey('cm01.contoso.com', 'contoso\\cmadmin'), credentialKey('CM01.CONTOSO.COM', 'CONTOSO\\CMADMIN'));
  });

  it('masks user names for the log', () => {
    assert.equal(maskUserName('LAB\\admin'), 'LAB\\a***');
    assert.equal(maskUserName('cmadmin@contoso.com'), 'c***@contoso.com');
    assert.equal(maskUserName('cmadmin'), 'c***');
    assert.ok(!maskUserName('LAB\\admin').includes('admin'));
  });
});

describe('sites: Add Site input validation', () => {
  it('names: required, unique (any case), no slash', () => {
    assert.match(validateSiteName('  ', []) ?? '', /name/);
    assert.match(validateSiteName('lab', ['Lab']) ?? '', /exists/);
    assert.match(validateSiteName('a/b', []) ?? '', /\//);
    assert.equal(validateSiteName('Contoso PS1', ['Lab']), undefined);
  });

  it('AdminService URL: https only, no credentials or query in it', () => {
    assert.equal(validateAdminServiceUrl('https://cm01.contoso.com/AdminService'), undefined);
    assert.match(validateAdminServiceUrl('http://cm01/AdminService') ?? '', /https/);
    assert.match(validateAdminServiceUrl('https://u:p@cm01/AdminService') ?? '', /password/);
    assert.match(validateAdminServiceUrl('cm01') ?? '', /URL/);
    assert.match(validateAdminServiceUrl('https://cm01/AdminService?x=1') ?? '', /query/);
  });

  it('provider host: a host name, not a URL', () => {
    assert.equal(validateProviderHost('cm01.contoso.com'), undefined);
    assert.equal(validateProviderHost('10.0.0.5'), undefined);
    assert.ok(validateProviderHost('https://cm01'));
    assert.ok(validateProviderHost('cm01/AdminService'));
    assert.ok(validateProviderHost(''));
  });

  it('site code: three letters or digits, optional unless required', () => {
    assert.equal(validateSiteCodeInput('ps1', true), undefined);
    assert.equal(validateSiteCodeInput('', false), undefined);
    assert.ok(validateSiteCodeInput('', true));
    assert.ok(validateSiteCodeInput('PS1X', false));
  });

  it('user name: DOMAIN\\user or user@domain', () => {
    assert.equal(validateUserName('CONTOSO\\cmadmin'), undefined);
    assert.equal(validateUserName('cmadmin@contoso.com'), undefined);
    assert.ok(validateUserName('cmadmin'));
    assert.ok(validateUserName('A\\B\\C'));
    assert.ok(validateUserName('CONTOSO\\cm\nadmin'));
  });
});

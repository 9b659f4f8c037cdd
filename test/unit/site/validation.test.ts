import * as assert from 'node:assert/strict';
import { SiteError } from '../../../src/core/site/errors';
import {
  normalizeFolderPath,
  normalizeMacAddress,
  normalizeSmbiosGuid,
  validateCollectionId,
  validateLookupName,
  validateNewDeviceName,
  validatePageQuery,
  validateResourceId,
} from '../../../src/core/site/validation';

const invalid = (e: unknown): boolean => e instanceof SiteError && e.kind === 'invalidInput';

describe('site input validation', () => {
  it('accepts collection ids of a site and the built-ins, upper-casing them', () => {
    assert.equal(validateCollectionId('ps100012'), 'PS100012');
    assert.equal(validateCollectionId('SMS00001'), 'SMS00001');
    assert.equal(validateCollectionId('JAX0002C'), 'JAX0002C');
    // "All Desktop and Server Clients" and other built-ins carry letters in the last five.
    assert.equal(validateCollectionId('SMSDM003'), 'SMSDM003');
  });

  it('refuses anything that could change a query', () => {
    for (const bad of ["PS1'0001", 'PS1000123', 'PS10001', 'PS1 0001', 'PS1-0001', '', "x' or 1 eq 1"]) {
      assert.throws(() => validateCollectionId(bad), invalid, bad);
    }
  });

  it('accepts resource ids 1..4294967295 only', () => {
    assert.equal(validateResourceId(16777220), 16777220);
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 32, Number.MAX_SAFE_INTEGER + 1]) assert.throws(() => validateResourceId(bad), invalid, String(bad));
  });

  it('writes MAC addresses in the colon form ImportMachineEntry needs', () => {
    for (const form of ['00-15-5d-01-02-03', '00:15:5D:01:02:03', '00155D010203', '0015.5d01.0203', ' 00 15 5D 01 02 03 ']) {
      assert.equal(normalizeMacAddress(form), '00:15:5D:01:02:03', form);
    }
    assert.throws(() => normalizeMacAddress('00:15:5D:01:02'), invalid);
    assert.throws(() => normalizeMacAddress('00:15:5D:01:02:0G'), invalid);
  });

  it('writes SMBIOS GUIDs upper case without braces', () => {
    assert.equal(normalizeSmbiosGuid('{e8a3efac-201f-4e69-953e-b2daa1e8b1b6}'), 'E8A3EFAC-201F-4E69-953E-B2DAA1E8B1B6');
    assert.equal(normalizeSmbiosGuid('e8a3efac201f4e69953eb2daa1e8b1b6'), 'E8A3EFAC-201F-4E69-953E-B2DAA1E8B1B6');
    assert.throws(() => normalizeSmbiosGuid('not-a-guid'), invalid);
  });

  it('takes NetBIOS names of at most 15 characters for imports', () => {
    assert.equal(validateNewDeviceName('PC-0001'), 'PC-0001');
    assert.throws(() => validateNewDeviceName('A-NAME-LONGER-THAN-15'), invalid);
    assert.throws(() => validateNewDeviceName("PC'1"), invalid);
    assert.throws(() => validateNewDeviceName('-PC'), invalid);
  });

  it('refuses a DOMAIN\\name lookup and control characters', () => {
    assert.equal(validateLookupName(' PC-0001 '), 'PC-0001');
    assert.throws(() => validateLookupName('LAB\\PC-0001'), invalid);
    assert.throws(() => validateLookupName('PC\n1'), invalid);
  });

  it('normalises folder paths to the ObjectPath form', () => {
    assert.equal(normalizeFolderPath('/'), '/');
    assert.equal(normalizeFolderPath('Servers/Patching/'), '/Servers/Patching');
    assert.equal(normalizeFolderPath('\\Servers\\Patching'), '/Servers/Patching');
  });

  it('bounds page sizes', () => {
    assert.deepEqual(validatePageQuery({ top: 500 }), { top: 500, skip: 0 });
    assert.throws(() => validatePageQuery({ top: 0 }), invalid);
    assert.throws(() => validatePageQuery({ top: 10, skip: -1 }), invalid);
  });
});

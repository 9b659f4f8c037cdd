import * as assert from 'node:assert/strict';
import compact from '../../../../src/core/logs/data/error-codes.json';
import {
  DERIVED_SOURCE,
  errorCodeCount,
  errorCodeSources,
  hasKnownMessage,
  lookupErrorCode,
} from '../../../../src/core/logs/errorCodes';

/** The rows of the shipped data file, which lookup must return unchanged. */
const rows = compact.codes as Array<{ code: string; name: string | null; message: string; category: string; source: string }>;

/** Signed and unsigned forms computed here by plain arithmetic, not by the code under test. */
function numericForms(hex: string): { unsigned: number; signed: number } {
  const unsigned = Number.parseInt(hex.slice(2), 16);
  return { unsigned, signed: unsigned >= 2 ** 31 ? unsigned - 2 ** 32 : unsigned };
}

describe('lookupErrorCode', () => {
  it('loads at least 1,200 codes', () => {
    assert.ok(errorCodeCount() >= 1200, `only ${errorCodeCount()} codes`);
  });

  it('reads every form a log or a person writes for ERROR_FILE_NOT_FOUND as an HRESULT', () => {
    for (const input of ['0x80070002', '80070002', '0x(80070002)', '-2147024894', '2147942402', '0X80070002', ' 0x80070002 ', -2147024894, 2147942402]) {
      const info = lookupErrorCode(input);
      assert.ok(info, `no answer for ${String(input)}`);
      assert.equal(info.hex, '0x80070002', String(input));
      assert.equal(info.name, 'ERROR_FILE_NOT_FOUND');
      assert.equal(info.message, 'The system cannot find the file specified.');
      assert.equal(info.win32, 2);
      assert.equal(info.category, 'hresult-win32');
    }
  });

  it('reads small Win32 and exit codes as Win32 codes', () => {
    assert.equal(lookupErrorCode('2')?.name, 'ERROR_FILE_NOT_FOUND');
    assert.equal(lookupErrorCode('1603')?.name, 'ERROR_INSTALL_FAILURE');
    assert.equal(lookupErrorCode(1603)?.hex, '0x00000643');
    assert.equal(lookupErrorCode('3010')?.name, 'ERROR_SUCCESS_REBOOT_REQUIRED');
    assert.equal(lookupErrorCode('0')?.name, 'ERROR_SUCCESS');
  });

  it('reads ccmsetup return codes apart from Win32 codes', () => {
    const seven = lookupErrorCode('ccmsetup:7');
    assert.equal(seven?.hex, 'ccmsetup:7');
    assert.equal(seven?.message, 'Reboot required');
    assert.equal(seven?.category, 'ccmsetup');
    assert.notEqual(lookupErrorCode('7')?.message, 'Reboot required');
    const unknown = lookupErrorCode('ccmsetup:42');
    assert.equal(unknown?.source, DERIVED_SOURCE);
    assert.match(unknown?.message ?? '', /not known/);
  });

  it('round-trips signed, unsigned and hex forms of every code in the table', () => {
    for (const { code } of rows) {
      if (code.startsWith('ccmsetup:')) continue;
      const { unsigned, signed } = numericForms(code);
      const byHex = lookupErrorCode(code);
      assert.ok(byHex, code);
      assert.equal(lookupErrorCode(signed)?.hex, code, `signed ${signed}`);
      assert.equal(lookupErrorCode(String(unsigned))?.hex, code, `unsigned ${unsigned}`);
      assert.equal(lookupErrorCode(code.slice(2))?.hex, code, `bare ${code.slice(2)}`);
      assert.equal(byHex.signed, signed, code);
      assert.equal(byHex.unsigned, unsigned, code);
    }
  });

  it('returns every stored message with its source and the source URL', () => {
    const sources = errorCodeSources();
    for (const row of rows) {
      const info = lookupErrorCode(row.code);
      assert.ok(info, row.code);
      assert.equal(info.message, row.message, row.code);
      assert.equal(info.name, row.name, row.code);
      assert.equal(info.source, row.source, row.code);
      assert.ok(sources[row.source], `${row.code}: source ${row.source} missing from the sources table`);
      assert.equal(info.sourceUrl, sources[row.source].url ?? null, row.code);
    }
  });

  it('keeps official attribution for the documented ConfigMgr app codes', () => {
    const notDetected = lookupErrorCode('0x87D00324');
    assert.equal(notDetected?.category, 'configmgr');
    assert.equal(notDetected?.message, 'The application was not detected after the installation was completed.');
    assert.ok(notDetected?.sourceUrl?.startsWith('https://'));
  });

  it('gives the HTTP status inside BITS codes', () => {
    const notFound = lookupErrorCode('0x80190194');
    assert.equal(notFound?.httpStatus, 404);
    assert.equal(notFound?.name, 'BG_E_HTTP_ERROR_404');
    const tooMany = lookupErrorCode('0x801901AD');
    assert.equal(tooMany?.httpStatus, 429);
    assert.equal(tooMany?.category, 'bits');
    assert.ok(tooMany && !hasKnownMessage(tooMany));
  });

  it('describes an unknown code of a known family without inventing a message', () => {
    const win32 = lookupErrorCode('0x8007FFFE');
    assert.equal(win32?.name, 'HRESULT_FROM_WIN32(65534)');
    assert.equal(win32?.win32, 65534);
    assert.match(win32?.message ?? '', /^Message not known/);
    assert.equal(win32?.source, DERIVED_SOURCE);
    assert.equal(lookupErrorCode('0x87D0FFFF')?.category, 'configmgr');
    assert.equal(lookupErrorCode('0x8024FFFF')?.category, 'windowsupdate');
    assert.equal(lookupErrorCode('0xC1900101')?.category, 'setup');
    assert.match(lookupErrorCode('0xC1900101')?.message ?? '', /^Message not known/);
  });

  it('derives HRESULT_FROM_WIN32 from the Win32 entry for codes stored once', () => {
    const win32 = lookupErrorCode('5');
    const hresult = lookupErrorCode('0x80070005');
    assert.equal(hresult?.message, win32?.message);
    assert.equal(hresult?.source, win32?.source);
    assert.equal(hresult?.win32, 5);
  });

  it('returns null for what is not a code', () => {
    for (const input of ['hello', '', '0x', '0x123456789', '99999999999', '1.5', 'ccmsetup:', '0x12345678']) {
      assert.equal(lookupErrorCode(input), null, input);
    }
    assert.equal(lookupErrorCode(2 ** 33), null);
    assert.equal(lookupErrorCode(1.5), null);
  });
});

import * as assert from 'node:assert/strict';
import type { CliIo } from '../../../../src/core/cli/args';
import { runCli } from '../../../../src/core/cli/main';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd(), env: {} };
  const code = await runCli(['logs', 'lookup', ...argv], io);
  return { code, out, err };
}

describe('sccm-workbench logs lookup', () => {
  it('explains a code in every form with its source and the signatures that name it', async () => {
    for (const form of ['0x80070002', '80070002', '-2147024894', '2147942402', '0x(80070002)']) {
      const { code, out } = await run(form);
      assert.equal(code, 0, form);
      assert.match(out, /^0x80070002 \(-2147024894 \/ 2147942402\)/);
      assert.match(out, /ERROR_FILE_NOT_FOUND/);
      assert.match(out, /The system cannot find the file specified\./);
      assert.match(out, /source: +impacket-system_errors \(https:\/\/learn\.microsoft\.com\//);
      assert.match(out, /known failure: OSD-80070002-APPLY-OS/);
    }
  });

  it('reads ccmsetup return codes and codes printed inside a log line', async () => {
    const { code, out } = await run('ccmsetup:7', 'Unmatched exit code (1618) is considered an execution failure.');
    assert.equal(code, 0);
    assert.match(out, /ccmsetup:7 \(ccmsetup\.exe return code\)\n {2}name: +CCMSETUP_RETURN_7\n {2}message: +Reboot required/);
    assert.match(out, /known failure: CCMSETUP-REBOOT-REQUIRED/, 'a signature that names the code as its own, as the editor lookup lists it');
    assert.match(out, /0x00000652 \(1618 \/ 1618\)[\s\S]*ERROR_INSTALL_ALREADY_RUNNING[\s\S]*known failure: MSI-1618-ALREADY-RUNNING/);
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await run('--json', '0x80190194');
    assert.equal(code, 0);
    const parsed = JSON.parse(out) as { codes: Array<{ hex: string; httpStatus: number; sourceUrl: string; signatures: Array<{ id: string }> }> };
    assert.equal(parsed.codes[0].hex, '0x80190194');
    assert.equal(parsed.codes[0].httpStatus, 404);
    assert.equal(parsed.codes[0].sourceUrl, 'https://learn.microsoft.com/en-us/windows/win32/bits/bits-return-values');
    assert.deepEqual(parsed.codes[0].signatures.map((s) => s.id), ['CONTENT-HTTP-404']);
  });

  it('exits 1 for what is not a code or has no known message, and says the message is not known', async () => {
    const none = await run('hello');
    assert.equal(none.code, 1);
    assert.match(none.err, /"hello" is not an error code/);
    const unknown = await run('0x8007FFFE');
    assert.equal(unknown.code, 1);
    assert.match(unknown.out, /HRESULT_FROM_WIN32\(65534\)[\s\S]*Message not known/);
    assert.ok(!/source:/.test(unknown.out));
  });

  it('exits 2 without a code', async () => {
    const { code, err } = await run();
    assert.equal(code, 2);
    assert.match(err, /needs at least one code/);
  });
});

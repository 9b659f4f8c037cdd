import * as assert from 'node:assert/strict';
import { LogAnalysis } from '../../../src/core/logs/editor/logAnalysis';
import { cmtrace, pxeLookup, utf8 } from './helpers';

const GUID_A = '00000011-4918-8015-BF5A-888888888788';
const GUID_B = '4C4C4544-0051-3510-8052-B4C04F563432';

function summary(analysis: LogAnalysis): string[] {
  return analysis.findings.map((f) => `${f.line}:${f.rule ?? f.code ?? f.title}`);
}

describe('LogAnalysis (parse + diagnose in pieces)', () => {
  const smsts =
    cmtrace('Start executing an instruction. Instruction name: Setup Windows and ConfigMgr. Instruction pointer: 15') +
    cmtrace('Windows setup failed, code 31', { component: 'OSDSetupWindows', type: 3 }) +
    cmtrace('Failed to delete directory C:\\_SMSTaskSequence\\Packages. GLE = 0x5', { type: 3 }) +
    cmtrace('Set a global environment variable _SMSTSLastActionSucceeded=false');

  it('finds the same things whether the log comes whole or byte by byte', () => {
    const whole = new LogAnalysis('C:\\logs\\smsts.log');
    whole.push(utf8(smsts));
    whole.settle(false);
    const pieces = new LogAnalysis('C:\\logs\\smsts.log');
    for (const byte of utf8(smsts)) pieces.push(new Uint8Array([byte]));
    pieces.settle(false);
    assert.ok(whole.findings.length >= 2, 'the code 31 failure and the GLE error are findings');
    assert.deepEqual(summary(pieces), summary(whole));
    assert.equal(whole.findings[0].rule, 'OSD-SETUP-WINDOWS-CODE31');
    assert.equal(whole.findings[0].line, 2);
  });

  it('reports each finding once, in the step whose records produced it', () => {
    const analysis = new LogAnalysis('smsts.log');
    const text = utf8(smsts);
    const half = smsts.indexOf('<![LOG[Failed to delete');
    const first = analysis.push(text.subarray(0, half));
    const second = analysis.push(text.subarray(half));
    assert.deepEqual(
      first.added.map((f) => f.line),
      [2],
    );
    assert.deepEqual(
      second.added.map((f) => f.line),
      [3],
    );
    assert.equal(analysis.findings.length, 2);
  });

  it('keeps a CMTrace parse open for a tail, and ends a Panther parse whose last record has no successor yet', () => {
    const cm = new LogAnalysis('smsts.log');
    cm.push(utf8(smsts));
    cm.settle(true);
    assert.equal(cm.canAppend(), true);
    assert.equal(cm.store.recordCount, 4);

    const panther = new LogAnalysis('setuperr.log');
    panther.push(utf8('2019-10-18 10:42:58, Error                 SP     AddDriverPackageIntoDriverStore: Failed to install the driver package C:\\d\\e1d68x64.inf. Error = 0x800B0100\r\n'));
    assert.equal(panther.store.recordCount, 0, 'the record could go on over the next lines');
    panther.settle(true);
    assert.equal(panther.store.recordCount, 1, 'settling completes it');
    assert.equal(panther.canAppend(), false, 'appended bytes need a re-read');
    assert.equal(panther.findings[0]?.rule, 'SETUP-DRIVERSTORE-FAIL');
  });

  it('does not keep a parse open when the file ends in the middle of a line', () => {
    const analysis = new LogAnalysis('PkgXferMgr.log');
    analysis.push(utf8('Sleeping for 60 seconds...  $$<SMS_PACKAGE_TRANSFER_MANAGER><11-30-2022 01:09:35.830-60><thread=9112 (0x2398)>'));
    analysis.settle(true);
    assert.equal(analysis.store.recordCount, 1, 'the unterminated last line is a record');
    assert.equal(analysis.canAppend(), false);
  });

  it('gives earlier duplicate-GUID findings the remediation built from every duplicate found later', () => {
    const analysis = new LogAnalysis('SMSPXE.log');
    analysis.push(utf8(pxeLookup('70:71:BC:88:C3:BC', GUID_A) + pxeLookup('00:1B:21:3A:4F:90', GUID_A)));
    const firstValue = analysis.findings.find((f) => f.rule === 'PXE-DUPLICATE-SMBIOS-GUID')?.remediation?.find((r) => r.kind === 'registry')?.text ?? '';
    assert.match(firstValue, new RegExp(`"BannedGuids"="${GUID_A}"`));
    analysis.push(utf8(pxeLookup('A4:BB:6D:10:22:7E', GUID_B) + pxeLookup('A4:BB:6D:10:9C:01', GUID_B)));
    const duplicates = analysis.findings.filter((f) => f.rule === 'PXE-DUPLICATE-SMBIOS-GUID');
    assert.equal(duplicates.length, 2);
    for (const f of duplicates) {
      const reg = f.remediation?.find((r) => r.kind === 'registry')?.text ?? '';
      const value = /"BannedGuids"="([^"]*)"/.exec(reg)?.[1];
      assert.deepEqual(value?.split(';').sort(), [GUID_A, GUID_B].sort());
    }
  });

  it('recomputes the findings that depend on where the log ends', () => {
    const analysis = new LogAnalysis('SMSPXE.log');
    // A lookup answered by nothing yet: "never followed" holds only while the log ends here.
    analysis.push(utf8(cmtrace('70:71:BC:88:C3:BC, 00000011-4918-8015-BF5A-888888888788: device is in the database.', { component: 'SMSPXE' })));
    analysis.settle(true);
    const pendingBefore = analysis.findings.filter((f) => f.rule === 'PXE-LOOKUP-NEVER-ANSWERED').length;
    analysis.push(utf8(cmtrace('70:71:BC:88:C3:BC, 00000011-4918-8015-BF5A-888888888788: found optional advertisement P0120045', { component: 'SMSPXE' })));
    analysis.settle(true);
    const pendingAfter = analysis.findings.filter((f) => f.rule === 'PXE-LOOKUP-NEVER-ANSWERED').length;
    assert.equal(pendingBefore, 1);
    assert.equal(pendingAfter, 0);
  });
});

import * as assert from 'node:assert/strict';
import { createDiagnoser } from '../../../../src/core/logs/kb/diagnoser';
import type { Finding } from '../../../../src/core/logs/types';
import { ArrayRecordSource, type TestRecord } from './support/arraySource';

function scan(source: ArrayRecordSource): Finding[] {
  const diagnoser = createDiagnoser();
  return [...diagnoser.update(source, 0, source.recordCount), ...diagnoser.atEnd(source)];
}

function stepStart(name: string, pointer: number): TestRecord[] {
  return [
    `Start executing an instruction. Instruction name: ${name}. Instruction pointer: ${pointer}`,
    `Set a global environment variable _SMSTSCurrentActionName=${name}`,
  ];
}

const noise: TestRecord[] = Array.from({ length: 50 }, (_, i) => `Set a global environment variable _SMSTSVar${i}=value ${i}`);

describe('diagnoser engine', () => {
  it('asks the store once per update with one global case-insensitive regex and materialises only candidates and errors', () => {
    const source = new ArrayRecordSource('AppEnforce.log', [
      ...noise,
      '    Unmatched exit code (1603) is considered an execution failure.',
      ...noise,
      { message: 'Something else broke', severity: 'error' },
    ]);
    let seen: RegExp | undefined;
    const original = source.recordsMatching.bind(source);
    source.recordsMatching = (pattern, from, to) => {
      seen = pattern;
      return original(pattern, from, to);
    };
    const findings = createDiagnoser().update(source, 0, source.recordCount);
    assert.equal(source.matchingCalls, 1);
    assert.ok(seen?.global && seen.ignoreCase);
    assert.equal(source.entryCalls, 2);
    assert.deepEqual(findings.map((f) => f.rule), ['MSI-1603-FATAL', null]);
  });

  it('places a finding on the matched text, also on the second line of a multi-line record', () => {
    const source = new ArrayRecordSource('smsts.log', [
      'Some earlier line',
      ...stepStart('Auto Apply Drivers', 7),
      { message: 'Failed to run the action: Auto Apply Drivers. \nThe system cannot find the file specified. (Error: 80070002; Source: Windows)', severity: 'error' },
      { message: 'Failed to save the current environment block.\nThe parameter is incorrect. (Error: 80070057; Source: Windows)', severity: 'error' },
    ]);
    const [rule, generic] = scan(source);
    assert.equal(rule.rule, 'OSD-80070002-DRIVER-STEP');
    assert.equal(rule.line, 4);
    assert.equal(rule.startColumn, 7);
    assert.equal(rule.endLine, 5);
    assert.equal(rule.endColumn, 'The system cannot find the file specified. (Error: 80070002; Source: Windows)'.length);
    assert.equal(rule.code, '0x80070002');
    assert.equal(rule.codeMessage, 'The system cannot find the file specified.');
    assert.equal(rule.title, '0x80070002 in driver step \u201cAuto Apply Drivers\u201d: network lost after a NIC driver');
    // The generic finding points at the code on the record's second line.
    assert.equal(generic.rule, null);
    assert.equal(generic.line, 7);
    assert.equal(generic.startColumn, 'The parameter is incorrect. (Error: '.length);
    assert.equal(generic.endColumn, 'The parameter is incorrect. (Error: 80070057'.length);
  });

  it('turns an unexplained error record into a generic finding with the official message of its first code', () => {
    const long = `Failed to refresh Resync state message for a very long list of updates ${'x'.repeat(120)}. Error = 0x87d00310.`;
    const source = new ArrayRecordSource('UpdatesStore.log', [
      { message: 'Failed to open the WMI namespace. Error = 0x8004100e', severity: 'error' },
      { message: long, severity: 'error' },
      { message: 'Something failed without a code', severity: 'error' },
      { message: 'A warning with 0x80070005', severity: 'warning' },
    ]);
    const findings = scan(source);
    assert.equal(findings.length, 3);
    const [wmi, unknownCode, noCode] = findings;
    assert.equal(wmi.code, '0x8004100E');
    assert.equal(wmi.codeMessage, 'Namespace specified cannot be found.');
    assert.match(wmi.cause, /WMI call failed/);
    assert.equal(unknownCode.code, '0x87D00310');
    assert.equal(unknownCode.codeMessage, null, 'a code without a known message gets no invented one');
    assert.ok(unknownCode.title.length <= 100 && unknownCode.title.endsWith('…'));
    assert.equal(noCode.code, null);
    assert.match(noCode.cause, /no signature/);
    assert.equal(noCode.reference, null);
  });

  it('treats later errors of a step a signature explained as its aftermath, not new findings', () => {
    const failure = (step: string) => [
      { message: `Failed to run the action: ${step}. \nThe system cannot find the file specified. (Error: 80070002; Source: Windows)`, severity: 'error' as const },
      { message: 'The execution of the group (Install Operating System) has failed and the execution has been aborted. An action failed.\nOperation aborted (Error: 80004004; Source: Windows)', severity: 'error' as const },
      { message: `Failed to run the last action: ${step}. Execution of task sequence failed.\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)`, severity: 'error' as const },
      { message: 'Task Sequence Engine failed! Code: enExecutionFail', severity: 'error' as const },
    ];
    const source = new ArrayRecordSource('smsts.log', [
      ...stepStart('Apply Operating System', 2),
      ...failure('Apply Operating System'),
      ...stepStart('Run Command Line', 3),
      { message: 'Failed to run a script. Access is denied. (Error: 80070005; Source: Windows)', severity: 'error' },
    ]);
    const findings = scan(source);
    assert.deepEqual(findings.map((f) => f.rule), ['OSD-80070002-APPLY-OS', null]);
    assert.equal(findings[1].code, '0x80070005');
  });

  it('reports a step-scoped signature once per step, again in a later step', () => {
    const fail = { message: 'Failed to run the action: Apply Driver Package.\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)', severity: 'error' as const };
    const source = new ArrayRecordSource('smsts.log', [
      ...stepStart('Apply Driver Package', 5),
      fail,
      fail,
      ...stepStart('Apply Driver Package', 6),
      fail,
    ]);
    assert.deepEqual(scan(source).map((f) => `${f.rule}@${f.line}`), ['OSD-80070002-DRIVER-STEP@3', 'OSD-80070002-DRIVER-STEP@9']);
  });

  it('lets a specific signature replace a general one on the same record', () => {
    const source = new ArrayRecordSource('AppEnforce.log', ['    Unmatched exit code (1618) is considered an execution failure.', '    Unmatched exit code (5) is considered an execution failure.']);
    assert.deepEqual(scan(source).map((f) => f.rule), ['MSI-1618-ALREADY-RUNNING', 'APP-UNMATCHED-EXIT-CODE']);
    assert.equal(scan(source)[1].title, 'Installer exit code 5 is not in the deployment type return codes');
  });

  it('reports one failure told on several consecutive lines once', () => {
    const source = new ArrayRecordSource('DataTransferService.log', [
      { message: "Error sending DAV request. HTTP code 404, status 'Not Found'", severity: 'error' },
      { message: "GetDirectoryList_HTTP('http://DP01.contoso.com:80/SMS_DP_SMSPKG$/Content_1.1') failed with code 0x80190194.", severity: 'error' },
      { message: 'Non-recoverable error retrieving manifest (0x80190194).', severity: 'error' },
      ...noise,
      { message: "Error sending DAV request. HTTP code 404, status 'Not Found'", severity: 'error' },
    ]);
    const findings = scan(source);
    assert.deepEqual(findings.map((f) => `${f.rule}@${f.line}`), ['CONTENT-HTTP-404@1', `CONTENT-HTTP-404@${54}`]);
    assert.equal(findings[0].code, '0x80190194', 'the signature knows the code the line does not print');
  });

  it('keeps state across updates: a tailed log gives the same findings as one scan', () => {
    const records: TestRecord[] = [
      ...noise.slice(0, 5),
      'MAC=00:15:5D:0A:2B:11 SMBIOS GUID=4C4C4544-0046-3510-8052-B7C04F4B4D32 > Device has been accepted.',
      ...noise.slice(0, 20),
      'MAC=00:15:5D:0A:2B:11 SMBIOS GUID=4C4C4544-0046-3510-8052-B7C04F4B4D32 > Device has been accepted.',
      'MAC=00:15:5D:0A:2B:99 SMBIOS GUID=4C4C4544-0046-3510-8052-B7C04F4B4D99 > Device has been accepted.',
      ...noise.slice(0, 20),
      'MAC=00:15:5D:0A:2B:11 SMBIOS GUID=4C4C4544-0046-3510-8052-B7C04F4B4D32 > Device has been accepted.',
    ];
    const whole = scan(new ArrayRecordSource('SMSPXE.log', records));
    assert.deepEqual(whole.map((f) => `${f.rule}@${f.line}`), [`PXE-LOOP-ACCEPTED@${records.length}`]);
    assert.equal(whole[0].related?.length, 2);

    const source = new ArrayRecordSource('SMSPXE.log', records.slice(0, 30));
    const tail = createDiagnoser();
    const pieces = [...tail.update(source, 0, 10), ...tail.update(source, 10, 30)];
    source.append(records.slice(30));
    pieces.push(...tail.update(source, 30, source.recordCount));
    assert.deepEqual(pieces, whole);
  });

  it('recomputes "never follows" findings at the current end of a growing log', () => {
    const source = new ArrayRecordSource('SMSPXE.log', [
      'PXE Provider loaded.',
      '00:15:5D:0A:2B:11, 4C4C4544-0046-3510-8052-B7C04F4B4D32: device is in the database.',
    ]);
    const diagnoser = createDiagnoser();
    assert.deepEqual(diagnoser.update(source, 0, 2), []);
    assert.deepEqual(diagnoser.atEnd(source).map((f) => f.rule), ['PXE-LOOKUP-NEVER-ANSWERED']);
    source.append(['3C:52:82:6E:11:A0, 4C4C4544-0046-3510-8052-B7C04F4B4D99: found optional advertisement PS120034']);
    diagnoser.update(source, 2, 3);
    assert.equal(diagnoser.atEnd(source).length, 1, 'an answer for another device does not count');
    source.append(['00:15:5D:0A:2B:11, 4C4C4544-0046-3510-8052-B7C04F4B4D32: found optional advertisement PS120034']);
    assert.deepEqual(diagnoser.update(source, 3, 4), []);
    assert.deepEqual(diagnoser.atEnd(source), []);
  });

  it('starts over when a log is read again from its beginning', () => {
    const source = new ArrayRecordSource('AppEnforce.log', ['    Unmatched exit code (1619) is considered an execution failure.']);
    const diagnoser = createDiagnoser();
    assert.equal(diagnoser.update(source, 0, 1).length, 1);
    assert.equal(diagnoser.update(source, 0, 1).length, 1);
  });

  it('ignores ranges outside the log and files no signature knows', () => {
    const source = new ArrayRecordSource('notes.txt', ['Failed to run the action: Auto Apply Drivers.\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)']);
    const diagnoser = createDiagnoser();
    assert.deepEqual(diagnoser.update(source, 5, 9), []);
    assert.deepEqual(diagnoser.update(source, 0, 1), []);
    assert.deepEqual(diagnoser.atEnd(new ArrayRecordSource('other.log', [])), []);
  });
});

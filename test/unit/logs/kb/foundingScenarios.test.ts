import * as assert from 'node:assert/strict';
import { correlateLogs, createDiagnoser, type DiagnosedLog } from '../../../../src/core/logs/kb/diagnoser';
import type { Finding } from '../../../../src/core/logs/types';
import { ArrayRecordSource, type TestRecord } from './support/arraySource';

function diagnose(source: ArrayRecordSource): DiagnosedLog {
  const diagnoser = createDiagnoser();
  return { source, findings: [...diagnoser.update(source, 0, source.recordCount), ...diagnoser.atEnd(source)] };
}

function ruleIds(findings: Finding[]): string[] {
  return findings.filter((f) => f.rule).map((f) => f.rule as string);
}

const E = 'error' as const;

function step(name: string, pointer: number): TestRecord[] {
  return [
    'Set a global environment variable _SMSTSLastActionRetryCount=0',
    `Start executing an instruction. Instruction name: ${name}. Instruction pointer: ${pointer}`,
    `Set a global environment variable _SMSTSCurrentActionName=${name}`,
    `Set a global environment variable _SMSTSNextInstructionPointer=${pointer}`,
  ];
}

function stepOk(name: string): TestRecord[] {
  return ['Process completed with exit code 0', `Successfully completed the action (${name}) with the exit win32 code 0`, 'Save the current environment block'];
}

const bootstrap: TestRecord[] = [
  '==============================[ TSBootShell.exe ]==============================',
  'Booted from network (PXE)',
  'Executing command line: X:\\sms\\bin\\x64\\TsmBootstrap.exe /env:WinPE /configpath:X:\\sms\\data\\',
  '==============================[ TSMBootStrap.exe ]==============================',
  'Command line: X:\\sms\\bin\\x64\\TsmBootstrap.exe /env:WinPE /configpath:X:\\sms\\data\\',
  'Current OS version is 10.0.22621.1',
];
const networkUp: TestRecord = 'Found network adapter "Intel(R) Ethernet Connection (13) I219-LM" with IP Address 10.20.40.57.';

describe('founding scenarios', () => {
  describe('WinPE restarts before the password prompt: no NIC driver in the boot image', () => {
    it('explains the "no valid network adapter" line', () => {
      const log = diagnose(
        new ArrayRecordSource('smsts.log', [
          ...bootstrap,
          'Executing from Media in WinPE',
          { message: 'Failed to find a valid network adapter. Please ensure that this machine has a network adapter and appropiate network drivers.\nUnspecified error (Error: 80004005; Source: Windows)', severity: E },
          { message: 'Failed to find a valid network adapter.\nFor more information, please contact your system administrator or helpdesk operator.', severity: E },
          'Exiting with return code 0x80004005',
        ]),
      );
      assert.deepEqual(ruleIds(log.findings), ['OSD-WINPE-NO-NIC']);
      assert.equal(log.findings.length, 1, 'the repeated line is part of the same finding');
      assert.match(log.findings[0].fix, /boot image/);
    });

    it('reports a log that ends in WinPE without an IP address, only at the end and only while it is the end', () => {
      const source = new ArrayRecordSource('smsts.log', [...bootstrap, 'Executing from PXE in WinPE', 'Loading TsPxe.dll from X:\\sms\\bin\\x64\\TsPxe.dll']);
      const diagnoser = createDiagnoser();
      assert.deepEqual(diagnoser.update(source, 0, source.recordCount), []);
      const [atEnd] = diagnoser.atEnd(source);
      assert.equal(atEnd.rule, 'OSD-WINPE-LOG-ENDS-WITHOUT-NETWORK');
      assert.equal(atEnd.line, 5, 'on the bootstrap command line');
      source.append([networkUp]);
      diagnoser.update(source, source.recordCount - 1, source.recordCount);
      assert.deepEqual(diagnoser.atEnd(source), []);
    });

    it('does not count an APIPA address as a network', () => {
      const log = diagnose(new ArrayRecordSource('smsts.log', [...bootstrap, 'Found network adapter "Intel(R) Ethernet" with IP Address 169.254.12.7.']));
      assert.deepEqual(ruleIds(log.findings), ['OSD-WINPE-LOG-ENDS-WITHOUT-NETWORK']);
    });
  });

  describe('"Failed to download policy" (0x80004005) after the password', () => {
    const smsts = (): ArrayRecordSource =>
      new ArrayRecordSource('smsts.log', [
        ...bootstrap,
        networkUp,
        'Media password accepted',
        'Requesting client identity',
        { message: 'ClientRequestToMP::DoRequest failed (0x80004005).', severity: E },
        { message: 'Failed to get client identity (80004005)', severity: E },
        { message: 'Failed to read client identity (Code 0x80004005)', severity: E },
        'Setting wizard error: An error occurred while retrieving policy for this computer  (0x80004005). For more information, contact your system administrator or helpdesk operator.',
      ]);

    it('names the certificate and the BIOS clock when smsts.log is alone', () => {
      const log = diagnose(smsts());
      assert.deepEqual(ruleIds(log.findings), ['OSD-POLICY-80004005']);
      const policy = log.findings.find((f) => f.rule)!;
      assert.match(policy.cause, /certificate/);
      assert.match(policy.cause, /clock/);
      assert.equal(policy.code, '0x80004005');
    });

    it('relates it to the expired PXE certificate in SMSPXE.log and says so', () => {
      const ts = diagnose(smsts());
      const pxe = diagnose(
        new ArrayRecordSource('SMSPXE.log', [
          'PXE Provider loaded.',
          { message: "Certificate [7A3F1D0C9B2E4F718A5C2D3E4F5061728394A5B6] issued to 'DP01.contoso.com' has expired.", severity: E },
        ]),
      );
      correlateLogs([ts, pxe]);
      const policy = ts.findings.find((f) => f.rule === 'OSD-POLICY-80004005')!;
      const cert = pxe.findings.find((f) => f.rule === 'PXE-CERT-EXPIRED')!;
      assert.deepEqual(policy.related?.map((r) => `${r.path}:${r.line}`), ['C:/logs/SMSPXE.log:2']);
      assert.deepEqual(cert.related?.map((r) => `${r.path}:${r.line}`), [`C:/logs/smsts.log:${policy.line}`]);
      assert.match(policy.cause, /The PXE point's log confirms it \(SMSPXE\.log line 2: Certificate \[7A3F/);
    });
  });

  describe('0x80070002: the step name decides', () => {
    const failure = (stepName: string): TestRecord[] => [
      ...step(stepName, 5),
      `Executing command line: ${stepName === 'Auto Apply Drivers' ? 'osddriverclient.exe /auto:EnumerateAll' : 'OSDApplyOS.exe /image:PS100009,1'}`,
      { message: `Failed to run the action: ${stepName}. \nThe system cannot find the file specified. (Error: 80070002; Source: Windows)`, severity: E },
      { message: `Failed to run the last action: ${stepName}. Execution of task sequence failed.\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)`, severity: E },
    ];

    it('at Auto Apply Drivers with the network gone: a full-OS NIC driver took over WinPE', () => {
      const log = diagnose(
        new ArrayRecordSource('smsts.log', [
          ...bootstrap,
          networkUp,
          ...step('Apply Operating System', 3),
          ...stepOk('Apply Operating System'),
          ...failure('Auto Apply Drivers').slice(0, 5),
          { message: 'unknown host (gethostbyname failed)', severity: 'warning' },
          ...failure('Auto Apply Drivers').slice(5),
        ]),
      );
      assert.deepEqual(ruleIds(log.findings), ['OSD-MP-NAME-UNRESOLVED', 'OSD-80070002-DRIVER-STEP']);
      const driver = log.findings.find((f) => f.rule === 'OSD-80070002-DRIVER-STEP')!;
      assert.match(driver.cause, /full OS/);
      assert.match(driver.fix, /condition/);
    });

    it('at Apply Operating System: content access (Network Access Account, SMS_DP_SMSPKG$)', () => {
      const log = diagnose(new ArrayRecordSource('smsts.log', [...bootstrap, networkUp, ...failure('Apply Operating System')]));
      assert.deepEqual(ruleIds(log.findings), ['OSD-80070002-APPLY-OS']);
      assert.match(log.findings[0].fix, /SMS_DP_SMSPKG\$/);
      assert.match(log.findings[0].fix, /Network Access Account/);
    });

    it('at another step: no driver or image advice, only the generic finding', () => {
      const log = diagnose(new ArrayRecordSource('smsts.log', [...bootstrap, networkUp, ...failure('Run PowerShell Script')]));
      assert.deepEqual(ruleIds(log.findings), []);
      assert.equal(log.findings[0].code, '0x80070002');
    });
  });

  describe('"Windows setup failed, code 31" after Auto Apply Drivers, with setuperr.log', () => {
    const smsts = (): ArrayRecordSource =>
      new ArrayRecordSource('smsts.log', [
        ...bootstrap,
        networkUp,
        ...step('Auto Apply Drivers', 5),
        ...stepOk('Auto Apply Drivers'),
        ...step('Setup Windows and ConfigMgr', 6),
        'Executing command line: osdsetupwindows.exe /install',
        'Process completed with exit code 31',
        { message: 'Windows setup failed, code 31', severity: E },
        'Exiting with return code 0x80004005',
        { message: 'Failed to run the action: Setup Windows and ConfigMgr. \nUnspecified error (Error: 80004005; Source: Windows)', severity: E },
        { message: 'Task sequence execution failed with error code 80004005', severity: E },
      ]);
    const setuperr = (): ArrayRecordSource =>
      new ArrayRecordSource('setuperr.log', [
        { message: 'AddDriverPackageIntoDriverStore: Failed to install the driver package C:\\Drivers\\2\\RtsUer.inf. Error = 0x800B0100', severity: E, component: 'SP' },
        { message: 'Operation failed: Add [1] Driver Package(s) to the driver store. Error: 0x800B0100', severity: E, component: 'SP' },
      ]);

    it('alone, smsts.log gets the finding and the advice to read setuperr.log', () => {
      const log = diagnose(smsts());
      assert.deepEqual(ruleIds(log.findings), ['OSD-SETUP-WINDOWS-CODE31']);
      assert.equal(log.findings.length, 1, 'the step failure and the engine summary are its aftermath');
      assert.match(log.findings[0].fix, /setuperr\.log/);
      assert.match(log.findings[0].fix, /captured image/);
      assert.equal(log.findings[0].code, '0x80004005');
    });

    it('with setuperr.log in the scan, both are linked both ways and the cause names the driver line', () => {
      const ts = diagnose(smsts());
      const setup = diagnose(setuperr());
      assert.deepEqual(ruleIds(setup.findings), ['SETUP-DRIVERSTORE-FAIL']);
      correlateLogs([ts, setup]);
      correlateLogs([ts, setup]);
      const code31 = ts.findings[0];
      const driverStore = setup.findings[0];
      assert.deepEqual(code31.related, [
        { path: 'C:/logs/setuperr.log', line: 1, endLine: 1, message: 'AddDriverPackageIntoDriverStore: Failed to install the driver package C:\\Drivers\\2\\RtsUer.inf. Error = 0x800B0100' },
      ]);
      assert.equal(driverStore.related?.length, 1, 'correlating twice does not duplicate links');
      assert.equal(driverStore.related?.[0].path, 'C:/logs/smsts.log');
      assert.match(code31.cause, /Windows Setup's own log gives the reason \(setuperr\.log line 1: AddDriverPackageIntoDriverStore/);
      assert.match(code31.fix, /line 1 of setuperr\.log/);
      assert.match(driverStore.cause, /smsts\.log line \d+: Windows setup failed, code 31/);
    });

    it('quotes the partner line as written, `$\'` and `$&` included', () => {
      const line = "AddDriverPackageIntoDriverStore: Failed to install the driver package '\\\\DP01\\SMSPKGD$' ($&). Error = 0x800B0100";
      const ts = diagnose(smsts());
      const setup = diagnose(new ArrayRecordSource('setuperr.log', [{ message: line, severity: E, component: 'SP' }]));
      correlateLogs([ts, setup]);
      assert.ok(ts.findings[0].cause.includes(`(setuperr.log line 1: ${line})`), ts.findings[0].cause);
    });
  });

  describe('0x00000001 after the reboot into the full OS', () => {
    const fullOs = (network: TestRecord): ArrayRecordSource =>
      new ArrayRecordSource('smsts.log', [
        ...bootstrap,
        networkUp,
        ...step('Setup Windows and ConfigMgr', 6),
        ...stepOk('Setup Windows and ConfigMgr'),
        '==============================[ OSDSetupHook.exe ]==============================',
        'Executing task sequence',
        ...step('Install Application', 7),
        network,
        { message: 'Failed to run the action: Install Application. \nIncorrect function. (Error: 00000001; Source: Windows)', severity: E },
        { message: 'Task Sequence: Windows 10 Enterprise x64 has failed with the error code  (0x00000001). For more information, please contact your system administrator or helpdesk operator.', severity: E },
      ]);

    it('with no network in the new OS: the NIC driver is not in the driver store', () => {
      const log = diagnose(fullOs({ message: 'unknown host (gethostbyname failed)', severity: 'warning' }));
      assert.deepEqual(ruleIds(log.findings), ['OSD-MP-NAME-UNRESOLVED', 'OSD-0X00000001-NO-NETWORK']);
      assert.match(log.findings[1].cause, /driver store/);
    });

    it('not when the new OS has a network: WinPE\'s address does not count after the reboot', () => {
      const log = diagnose(fullOs('Found network adapter "Intel(R) Ethernet" with IP Address 10.20.40.57.'));
      assert.deepEqual(ruleIds(log.findings), []);
      assert.equal(log.findings[0].code, '0x00000001');
    });
  });

  describe('duplicate SMBIOS GUIDs', () => {
    const devices: Array<[string, string]> = [
      ['00:15:5D:0A:2B:11', '03000200-0400-0500-0006-000700080009'],
      ['3C:52:82:6E:11:A0', '4C4C4544-0046-3510-8052-B7C04F4B4D32'],
      ['00:15:5D:0A:2C:42', '03000200-0400-0500-0006-000700080009'],
      ['D4:81:D7:22:9B:05', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
      ['00:15:5D:0A:2D:90', '03000200-0400-0500-0006-000700080009'],
      ['D4:81:D7:22:9B:77', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'],
    ];
    const pxeLog = (): ArrayRecordSource =>
      new ArrayRecordSource(
        'SMSPXE.log',
        devices.flatMap(([mac, guid]) => [`${mac}, ${guid}: device is in the database.`, `${mac}, ${guid}: found optional advertisement PS120034`, 'Looking for bootImage PS100005']),
      );

    it('builds the BannedGuids value from exactly the GUIDs seen on more than one MAC address', () => {
      const log = diagnose(pxeLog());
      assert.deepEqual(ruleIds(log.findings), ['PXE-DUPLICATE-SMBIOS-GUID', 'PXE-DUPLICATE-SMBIOS-GUID']);
      for (const finding of log.findings) {
        const registry = finding.remediation?.find((r) => r.kind === 'registry');
        assert.ok(registry, 'a registry remediation');
        const value = /"BannedGuids"="([^"]*)"/.exec(registry.text)?.[1];
        assert.equal(value, '03000200-0400-0500-0006-000700080009;FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF');
        assert.match(registry.text, /\[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\SMS\\DP\]/);
        const powershell = finding.remediation?.find((r) => r.kind === 'powershell');
        assert.match(powershell?.text ?? '', /\$add = @\('03000200-0400-0500-0006-000700080009', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'\)/);
        const caution = finding.remediation?.find((r) => r.kind === 'text');
        assert.match(caution?.text ?? '', /does not read BannedGuids/);
        assert.match(caution?.text ?? '', /GuidCount=0/);
      }
      assert.equal(log.findings[0].related?.length, 1, 'points at the first MAC with that GUID');
    });

    it('ties "no task sequences available" in smsts.log to the duplicate GUID', () => {
      const pxe = diagnose(pxeLog());
      const ts = diagnose(new ArrayRecordSource('smsts.log', [...bootstrap, networkUp, 'No assigned task sequence.', 'Setting wizard error: There are no task sequences available for this computer.']));
      assert.deepEqual(ruleIds(ts.findings), ['OSD-NO-TASK-SEQUENCE']);
      correlateLogs([pxe, ts]);
      assert.equal(ts.findings[0].related?.length, 2);
      assert.match(ts.findings[0].cause, /more than one MAC address/);
      assert.match(ts.findings[0].fix, /BannedGuids on the PXE point only changes the PXE lookup/);
    });

    it('never puts anything but a validated GUID into the registry or PowerShell text', () => {
      const log = diagnose(
        new ArrayRecordSource('SMSPXE.log', [
          "00:15:5D:0A:2B:11, 03000200-0400-0500-0006-000700080009: device is in the database.",
          "00:15:5D:0A:2B:12, 03000200-0400-0500-0006-000700080009: device is in the database.';Remove-Item C:\\ -Recurse;'",
        ]),
      );
      const text = (log.findings[0].remediation ?? []).map((r) => r.text).join('\n');
      assert.ok(!text.includes('Remove-Item'));
      assert.match(text, /"BannedGuids"="03000200-0400-0500-0006-000700080009"/);
    });
  });

  describe('PXE loop', () => {
    it('"Device has been accepted" again and again for one MAC, with the redistribution script', () => {
      const accepted = 'MAC=00:1A:A0:3C:11:D2 SMBIOS GUID=44454C4C-4A00-1053-8036-B6C04F4B3931 > Device has been accepted.';
      const other = 'MAC=00:1A:A0:3C:99:99 SMBIOS GUID=44454C4C-4A00-1053-8036-B6C04F4B9999 > Device has been accepted.';
      const log = diagnose(new ArrayRecordSource('SMSPXE.log', [accepted, other, 'Looking for bootImage PS100005', accepted, other, accepted]));
      assert.deepEqual(ruleIds(log.findings), ['PXE-LOOP-ACCEPTED']);
      const [finding] = log.findings;
      assert.equal(finding.line, 6);
      assert.deepEqual(finding.related?.map((r) => r.line), [1, 4]);
      const script = finding.remediation?.find((r) => r.kind === 'powershell')?.text ?? '';
      assert.match(script, /param\(/);
      assert.match(script, /Invoke-CMContentRedistribution -InputObject \$image -DistributionPointName \$DistributionPointName/);
      assert.match(finding.remediation?.[1].text ?? '', /Restart-Service -Name \$name/);
      assert.ok(!/44454C4C|00:1A:A0/.test(script), 'nothing from the log is pasted into the script');
    });

    it('the client downloads pxeboot.com over and over', () => {
      const tftp = 'TFTP Download: smsboot\\x64\\pxeboot.com';
      assert.deepEqual(ruleIds(diagnose(new ArrayRecordSource('SMSPXE.log', [tftp, tftp, tftp])).findings), ['PXE-LOOP-PXEBOOT-REPEATED']);
      assert.deepEqual(ruleIds(diagnose(new ArrayRecordSource('SMSPXE.log', [tftp, tftp])).findings), []);
    });

    it('a lookup that is never answered for that device by the end of the log', () => {
      const log = diagnose(
        new ArrayRecordSource('SMSPXE.log', [
          'MAC=00:1A:A0:3C:11:D2 SMBIOS GUID=44454C4C-4A00-1053-8036-B6C04F4B3931 > Device found in the database. MacCount=1 GuidCount=1',
          'MAC=00:1A:A0:3C:11:D2 SMBIOS GUID=44454C4C-4A00-1053-8036-B6C04F4B3931 > Device has been accepted.',
          'MAC=00:1A:A0:3C:44:10 SMBIOS GUID=44454C4C-5900-1046-8033-C2C04F4B4D31 > Device found in the database. MacCount=1 GuidCount=1',
        ]),
      );
      assert.deepEqual(ruleIds(log.findings), ['PXE-LOOKUP-NEVER-ANSWERED']);
      assert.equal(log.findings[0].line, 3);
      assert.equal(log.findings[0].remediation?.length, 2);
    });
  });
});

import * as assert from 'node:assert/strict';
import { findErrorCodes } from '../../../../src/core/logs/errorCodes';

function codesIn(message: string): string[] {
  return findErrorCodes(message).map((f) => f.code);
}

describe('findErrorCodes', () => {
  const forms: Array<[string, string[]]> = [
    ['SetObjectOwner() failed. 0x80070005.', ['0x80070005']],
    ['Failed to run the action: Apply Operating System Image.\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)', ['0x80070002']],
    ['Failed to persist execution state. Error 0x(80070057)', ['0x80070057']],
    ['Task sequence failed (Error: 00000001; Source: Windows)', ['0x00000001']],
    ['GetUpdateInfo - failed to get targeted update, error = 0x87d00215.', ['0x87D00215']],
    ["DO job {2C552B4A-A637-451F-8243-9308B611DECE} 403'd, hr = 0x80190193, BG_ERROR_CONTEXT = 5", ['0x80190193']],
    ['Service exit [Exit code = 0x240001]', ['0x00240001']],
    ['Unmatched exit code (-2147024894) is considered an execution failure.', ['0x80070002']],
    ['Process completed with exit code 2147945410', ['0x80070BC2']],
    ['Unmatched exit code (1603) is considered an execution failure.', ['0x00000643']],
    ['File C:\\WINDOWS\\ccmsetup\\client.msi installation failed. Error text: ExitCode: 1603', ['0x00000643']],
    ['Installation success or error status: 1603.', ['0x00000643']],
    ['CcmSetup is exiting with return code 7', ['ccmsetup:7']],
    ['WARNING: Failed to find updates with error code 8024402c', ['0x8024402C']],
    ['*FAILED* [80244007] SyncUpdates_WithRecovery failed', ['0x80244007']],
    ['~ExecStaticMethod failed (80041002) SMS_DistributionPoint, AddFile', ['0x80041002']],
    ['Failed to resolve package [HRESULT = 0x800f0831 - CBS_E_STORE_CORRUPTION]', ['0x800F0831']],
    ['CLanguages::v_InitLanguage - Failed to load en-US resources with error 2. Will load fallback binaries', ['0x00000002']],
    ['DeleteFileEx: Unable to clear out attributes on [E:\\bootsec.dat]; GLE = 0x2', ['0x00000002']],
    ['Error: 87\nThe option is unknown.', ['0x00000057']],
    ['* END * Service exit Exit code = 0x00240001', ['0x00240001']],
    ['Content location request for C0100045:2 failed. (Code 0x80040102)', ['0x80040102']],
    ['Failed to get the EditionId from the blackboard.[gle=0x00000490]', ['0x00000490']],
  ];
  for (const [message, expected] of forms) {
    it(`finds ${expected.join(', ')} in "${message.split('\n')[0].slice(0, 60)}"`, () => {
      assert.deepEqual(codesIn(message), expected);
    });
  }

  it('reports where the code is and how it was printed', () => {
    const message = 'Unmatched exit code (-2016410844) is considered an execution failure.';
    const [found] = findErrorCodes(message);
    assert.equal(found.text, '-2016410844');
    assert.equal(message.slice(found.index, found.index + found.length), '-2016410844');
    assert.equal(found.code, '0x87D00324');
  });

  it('finds several codes in order', () => {
    assert.deepEqual(codesIn('hr=0x80004005 after 0x80070005 then (Error: 80070002; Source: Windows)'), ['0x80004005', '0x80070005', '0x80070002']);
  });

  const notCodes: Array<[string, string]> = [
    ['GUIDs', '{51A016B6-F0DE-4752-B97C-54E6F386A912} E0789628-CE08-4437-BE74-2495B842F43B'],
    ['a hex thread id', 'PF: ***** Evaluation cycle starts *****  $$<SMS_COLLECTION_EVALUATOR><11-30-2022 01:08:33.184-60><thread=4844 (0x12EC)>'],
    ['timestamps and biases', 'time="22:55:38.363+480" date="12-06-2019" 2015/2/24:02:47:28.458'],
    ['file offsets and flags', 'Read block at offset 0x0000A000, flags: 0x2, GPT ATTRIBUTES = 0x8000000000000000'],
    ['ResourceIDs and item keys', 'ResourceID 16777220 ItemKey="2046820352" Unknown="0"'],
    ['KB numbers', 'Package_for_KB3021128~31bf3856ad364e35~amd64~~6.3.1.0 installed (KB5005565)'],
    ['a bare small number', 'Windows setup failed, code 31'],
    ['a status that is not a Win32 code', 'Execution status received: 24 (Application download failed)'],
    ['dates in file names and hex-looking words', 'smsts-20191018-103045.log deadbeef 8a3e4b12.cab'],
    ['stack addresses', 'WcpInitialize called (stack @0x7ffd497360e5 @0x7ffd49be2e53)'],
    ['sizes in bytes', 'Progress failure bytes total = 2384089412 bytes'],
    ['a MAC address', 'MAC=70:71:BC:88:C3:BC SMBIOS GUID=00000011-4918-8015-BF5A-888888888788 > Device found in the database. MacCount=1 GuidCount=1'],
    ['package ids of a site whose code is hex (C01)', 'Execution Request for advert C0120001 package C0100045 program Install; _SMSTSPackageID=C0100045'],
    ['a volume serial number', "VolumeName = 'Windows' and VolumeSerialNumber = 'E64D0DAF'"],
    ['a device instance id', 'USBSTOR#Disk&Ven_Generic&Prod_Flash_Disk&Rev_8.07#99E2116A&0#{53f56307-b6bf-11d0-94f2-00a0c91efb8b}'],
    ['decimal sizes and timeouts', "Volume free space (bytes) [92471296]; Size of 'D:\\Sources\\install.esd' is 3628584534; No-Progress-Timeout set to 4294967295"],
    ['hex sizes, offsets, disk signatures and ranks', 'DiskInfo: Size (bytes) [523239424 / 0x1f300000] Disk signature [0xFBBC5AB5] Rank - 0x00ff0000 flags(0x00000008)'],
  ];
  for (const [what, message] of notCodes) {
    it(`does not take ${what} for codes`, () => {
      assert.deepEqual(codesIn(message), []);
    });
  }
});

import * as assert from 'node:assert/strict';
import { isCorrelationPartner, rulesForCode } from '../../../src/core/logs/editor/knowledgeIndex';
import { messageEndColumn } from '../../../src/core/logs/editor/lineLayout';
import { sniffBytes, sniffText, usesSccmLogLanguage } from '../../../src/core/logs/editor/sniff';
import { cmtrace, utf8 } from './helpers';

describe('knowledge for hovers and the code lookup', () => {
  it('lists the signatures that name a code, whatever form the code is given in', () => {
    const ids = rulesForCode('0x80070002').map((r) => r.id);
    assert.ok(ids.includes('OSD-80070002-APPLY-OS'), ids.join(', '));
    assert.deepEqual(rulesForCode('80070002').map((r) => r.id), ids);
    assert.deepEqual(rulesForCode('-2147024894').map((r) => r.id), ids);
    // MSI 1603 is listed as a decimal exit code and as its HRESULT.
    assert.ok(rulesForCode('1603').some((r) => r.id === 'MSI-1603-FATAL'));
    assert.ok(rulesForCode('0x80070643').some((r) => r.id === 'MSI-1603-FATAL'));
  });

  it('narrows the signatures to those that read the hovered log (rollover copies included)', () => {
    const inSmsts = rulesForCode('0x80004005', { fileName: 'smsts.lo_' }).map((r) => r.id);
    assert.ok(inSmsts.includes('OSD-SETUP-WINDOWS-CODE31') && inSmsts.includes('OSD-POLICY-80004005'), inSmsts.join(', '));
    assert.deepEqual(rulesForCode('0x80004005', { fileName: 'AppEnforce.log' }), []);
  });

  it('lists nothing for a code no signature names, or for text that is no code', () => {
    assert.deepEqual(rulesForCode('0x8007007E'), []);
    assert.deepEqual(rulesForCode('not a code'), []);
  });

  it('shows titles without the placeholders a log line fills', () => {
    for (const rule of rulesForCode('0x80070002')) assert.doesNotMatch(rule.title, /\$</);
  });

  it('pairs smsts.log with setuperr.log for correlation, both ways, and not with unrelated logs', () => {
    assert.equal(isCorrelationPartner('smsts.log', 'setuperr.log'), true);
    assert.equal(isCorrelationPartner('setuperr.log', 'smsts.log'), true);
    assert.equal(isCorrelationPartner('smsts.log', 'execmgr.log'), false);
  });
});

describe('recognising SCCM logs by content', () => {
  it('recognises CMTrace whatever the name, with or without BOM', () => {
    const text = cmtrace('Script for Package:P0100021, Program: Install failed with exit code 1603', { type: 3 });
    assert.equal(sniffText(text), 'cmtrace');
    assert.equal(sniffBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])), 'cmtrace');
    assert.equal(usesSccmLogLanguage('cmtrace'), true);
  });

  it('recognises the legacy trailer, and keeps other SCCM formats on their own language', () => {
    assert.equal(sniffText('Sleeping for 60 seconds...  $$<SMS_PACKAGE_TRANSFER_MANAGER><11-30-2022 01:09:35.830-60><thread=9112 (0x2398)>\r\n'), 'legacy');
    assert.equal(usesSccmLogLanguage('legacy'), true);
    const setuperr = '2019-10-18 10:42:58, Error                 SP     AddDriverPackageIntoDriverStore: Failed\r\n';
    assert.equal(sniffText(setuperr), 'panther');
    assert.equal(usesSccmLogLanguage('panther'), false);
  });

  it('leaves an ordinary log, an empty file and a binary file alone', () => {
    assert.equal(sniffText('[INFO] Starting build server, version 4.2.1\n[ERROR] Request handler threw: TypeError\n'), null);
    assert.equal(sniffText('   \n'), null);
    assert.equal(sniffBytes(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])), null);
  });
});

describe('where the inline hint goes on a log line', () => {
  it('right after the message of a CMTrace record, before its trailer', () => {
    const line = '<![LOG[Windows setup failed, code 31]LOG]!><time="10:28:08.017+480" date="11-06-2019" component="OSDSetupWindows" context="" type="3" thread="1920" file="setupwindows.cpp:1573">';
    assert.equal(messageEndColumn(line, 'cmtrace'), '<![LOG[Windows setup failed, code 31'.length);
    // The first physical line of a multi-line message has no trailer: the end of the line.
    assert.equal(messageEndColumn('<![LOG[Failed to run the action: Setup Windows and ConfigMgr.', 'cmtrace'), 61);
  });

  it('before the legacy trailer (and the spaces in front of it), or at the end of other lines', () => {
    const legacy = '~ExecStaticMethod failed (80041002) SMS_DistributionPoint, AddFile  $$<SMS_PACKAGE_TRANSFER_MANAGER><06-14-2018 06:26:25.828-60><thread=9112 (0x2398)>';
    assert.equal(messageEndColumn(legacy, 'legacy'), '~ExecStaticMethod failed (80041002) SMS_DistributionPoint, AddFile'.length);
    assert.equal(messageEndColumn('2019-10-18 10:42:58, Error   SP   Failed', 'panther'), 40);
  });
});

import * as assert from 'node:assert/strict';
import { collectionDescription, collectionTooltip, describeClientState, deviceTooltip, memberTooltip } from '../../../src/tree/tooltips';
import { escapeMarkdown, formatUtc } from '../../../src/tree/text';
import type { CollectionRule } from '../../../src/core/site/model';
import { aCollection, aDevice, aMember } from './fixtures';

/** The value cell of a `| label | value |` row. */
function row(markdown: string, label: string): string | undefined {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${label} |`));
  return line?.slice(`| ${label} | `.length, -2);
}

describe('tree: descriptions and tooltips', () => {
  it('describes a device row by its client state', () => {
    assert.equal(describeClientState({ isClient: true, isActive: true }), 'Client active');
    assert.equal(describeClientState({ isClient: true, isActive: false }), 'Client inactive');
    assert.equal(describeClientState({ isClient: false, isActive: true }), 'No client');
  });

  it('describes a collection row by member count and collection id', () => {
    assert.equal(collectionDescription({ id: 'PS100012', memberCount: 1234 }), '1,234 members · PS100012');
    assert.equal(collectionDescription({ id: 'SMS00001', memberCount: 1 }), '1 member · SMS00001');
  });

  it('shows what an admin checks on a collection: id, members, limiting collection, last refresh, refresh type', () => {
    const md = collectionTooltip(aCollection());
    assert.equal(row(md, 'Collection ID'), 'PS100012');
    assert.equal(row(md, 'Members'), '1,234');
    assert.equal(row(md, 'Limiting collection'), 'All Systems (SMS00001)');
    assert.equal(row(md, 'Last refresh'), '2024-03-05 14:07:31 UTC');
    assert.equal(row(md, 'Refresh type'), 'Scheduled and incremental');
    assert.equal(row(md, 'Folder'), '/Workstations/London');
  });

  it('says "Never" for a collection that was never evaluated, and names the refresh types', () => {
    const md = collectionTooltip(aCollection({ lastRefreshTime: null, refreshType: 1, limitingCollectionId: null, limitingCollectionName: null }));
    assert.equal(row(md, 'Last refresh'), 'Never');
    assert.equal(row(md, 'Refresh type'), 'Manual');
    assert.equal(row(md, 'Limiting collection'), '—');
  });

  it('leaves out the refresh type a list does not carry, and counts the rules of a collection read by id', () => {
    const listed = collectionTooltip(aCollection({ refreshType: 0 }));
    assert.equal(row(listed, 'Refresh type'), undefined, 'lists carry no RefreshType (lazy): no "Unknown (0)"');
    assert.equal(row(listed, 'Membership rules'), undefined);
    const rules: CollectionRule[] = [
      { kind: 'direct', ruleName: 'WKS-1', resourceId: 1, resourceClassName: 'SMS_R_System' },
      { kind: 'direct', ruleName: 'WKS-2', resourceId: 2, resourceClassName: 'SMS_R_System' },
      { kind: 'query', ruleName: 'London', queryId: 1, queryExpression: 'select * from SMS_R_System' },
      { kind: 'exclude', ruleName: 'Servers', collectionId: 'PS100002' },
    ];
    const detail = collectionTooltip({ ...aCollection({ refreshType: 2 }), rules });
    assert.equal(row(detail, 'Refresh type'), 'Scheduled');
    assert.equal(row(detail, 'Membership rules'), '2 direct, 1 query, 1 exclude');
    assert.equal(row(collectionTooltip({ ...aCollection(), rules: [] }), 'Membership rules'), 'None');
    assert.match(collectionTooltip(aCollection(), undefined, 'Could not read *rules*'), /Could not read \\\*rules\\\*$/);
  });

  it('shows every identifying property of a device: resource id, client version, MACs, SMBIOS GUID, IPs, OS, last user, AD site', () => {
    const md = deviceTooltip(aDevice(), aMember());
    assert.ok(md.startsWith('**WKS-LON-04213**'));
    assert.equal(row(md, 'Resource ID'), '16777220');
    assert.equal(row(md, 'Client'), 'Client active');
    assert.equal(row(md, 'Client version'), '5.00.9128.1000');
    assert.equal(row(md, 'MAC addresses'), '00:15:5D:01:02:03, F4:8E:38:AA:BB:CC');
    assert.equal(row(md, 'SMBIOS GUID'), 'E8A3EFAC-201F-4B2E-9C4D-1A2B3C4D5E6F');
    assert.equal(row(md, 'IP addresses'), '10.1.20.33, fe80::1');
    assert.equal(row(md, 'Operating system'), 'Microsoft Windows NT Workstation 10.0');
    assert.equal(row(md, 'Last logon user'), 'CONTOSO\\\\jsmith', 'the backslash is escaped for Markdown');
    assert.equal(row(md, 'AD site'), 'London-HQ');
  });

  it('shows a dash, not "null", for what the site does not know', () => {
    const md = deviceTooltip(aDevice({ smbiosGuid: null, macAddresses: [], lastLogonUser: null, clientInstalled: false }), undefined);
    assert.equal(row(md, 'SMBIOS GUID'), '—');
    assert.equal(row(md, 'MAC addresses'), '—');
    assert.equal(row(md, 'Last logon user'), '—');
    assert.equal(row(md, 'Client'), 'No client');
    assert.ok(!md.includes('null'));
  });

  it('escapes names from the site so they cannot inject Markdown, links or table cells', () => {
    const md = collectionTooltip(aCollection({ name: 'Evil **bold** [x](http://e) <img> | cell' }));
    const title = md.split('\n')[0];
    assert.equal(title, '**Evil \\*\\*bold\\*\\* \\[x\\](http://e) \\<img\\> \\| cell**');
    assert.equal(escapeMarkdown('a|b'), 'a\\|b');
    const member = memberTooltip(aMember({ name: 'PC_01|x' }), undefined, 'note');
    assert.ok(member.startsWith('**PC\\_01\\|x**'));
  });

  it('formats ISO UTC dates and ignores invalid ones', () => {
    assert.equal(formatUtc('2024-03-05T14:07:31Z'), '2024-03-05 14:07:31 UTC');
    assert.equal(formatUtc('not a date'), undefined);
    assert.equal(formatUtc(null), undefined);
  });
});

import * as assert from 'node:assert/strict';
import type { Device } from '../../../src/core/site/model';
import { deploymentsMarkdown, devicePropertiesMarkdown } from '../../../src/sites/siteDocuments';
import { aDeployment, aDevice } from './fixtures';

describe('sites: read-only documents', () => {
  it('device properties list one row for every property of the device record', () => {
    const device = aDevice();
    const md = devicePropertiesMarkdown(device, 'Lab');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Property'));
    assert.equal(rows.length, Object.keys(device).length as number, 'a property was left out');
    assert.ok(md.includes('| SMS unique identifier | GUID:1B2C3D4E-0000-4000-8000-000000000001 |'));
    assert.ok(md.includes('| Client installed | Yes |'));
    assert.ok(md.includes('| IP addresses | 10.1.20.33, fe80::1 |'));
    assert.ok(md.includes('| Created | 2023-11-20 08:15:00 UTC |'));
  });

  it('device properties show a dash for unknown values', () => {
    const device: Device = aDevice({ distinguishedName: null, ipAddresses: [] });
    const md = devicePropertiesMarkdown(device, 'Lab');
    assert.ok(md.includes('| Distinguished name | — |'));
    assert.ok(md.includes('| IP addresses | — |'));
  });

  it('deployments: one row each, by software name, with purpose and counts', () => {
    const md = deploymentsMarkdown({ id: 'PS100012', name: 'London' }, [
      aDeployment({ softwareName: 'Zoom', intent: 'available', feature: 'application', numberTargeted: 5 }),
      aDeployment({ softwareName: 'Windows 11 upgrade', feature: 'taskSequence', intent: 'required', numberErrors: 2 }),
    ]);
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Software'));
    assert.equal(rows.length, 2);
    assert.match(rows[0], /^\| Windows 11 upgrade \| Task sequence \| Required \|/);
    assert.match(rows[1], /^\| Zoom \| Application \| Available \|/);
    assert.match(md, /2 deployments\./);
    assert.match(md, /^# Deployments to London \(PS100012\)/);
  });

  it('deployments: says so when nothing is deployed', () => {
    assert.match(deploymentsMarkdown({ id: 'PS100012', name: 'London' }, []), /Nothing is deployed to this collection\./);
  });
});

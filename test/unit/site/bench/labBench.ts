/**
 * Prints AdminService backend figures against the lab site (TLS + NTLM + the lab's OData):
 * a 500-row page of collections, of members, a device read, a MAC lookup, and a rule add/remove.
 * Run: npx tsx test/unit/site/bench/labBench.ts [small|large]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLabSite } from '../../../../src/core/lab/labSite';
import { LARGE_PRESET, SMALL_PRESET } from '../../../../src/core/lab/seed/generate';
import { createSiteBackend } from '../../../../src/core/site/siteConfig';

async function time<T>(label: string, runs: number, work: () => Promise<T>): Promise<T> {
  let result = await work(); // warm: connection and NTLM handshake
  const started = performance.now();
  for (let i = 0; i < runs; i++) result = await work();
  console.log(`${label}: ${((performance.now() - started) / runs).toFixed(1)} ms`);
  return result;
}

async function main(): Promise<void> {
  const preset = process.argv[2] === 'large' ? LARGE_PRESET : SMALL_PRESET;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-lab-bench-'));
  const startedAt = performance.now();
  const lab = await startLabSite({ dataDir, seed: { ...preset } });
  console.log(`lab (${preset.collections} collections, ${preset.devices} devices) up in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  const admin = lab.accounts.find((a) => a.role === 'full')!;
  const backend = createSiteBackend({ backend: 'adminService', adminServiceUrl: lab.baseUrl, certificateThumbprint: lab.certificateSha256 }, () => ({ userName: admin.user, password: admin.password }));
  try {
    const t = performance.now();
    await backend.getSiteInfo();
    console.log(`first call (TLS + NTLM + site discovery): ${(performance.now() - t).toFixed(1)} ms`);
    await time('collections, page of 500', 10, () => backend.listCollections({ top: 500, skip: 500 }));
    await time('search collections "ring"', 10, () => backend.listCollections({ top: 500, search: 'ring' }));
    await time('members of All Systems, page of 500', 10, () => backend.listCollectionMembers('SMS00001', { top: 500, skip: 500 }));
    const device = (await backend.listCollectionMembers('SMS00001', { top: 1 })).items[0];
    const full = await time('one device', 20, () => backend.getDevice(device.resourceId));
    await time('find a device by MAC', 20, () => backend.findDevices({ macAddress: full.macAddresses[0] }));
    const pilot = (await backend.listCollections({ top: 1, search: 'Pilot - Line-of-Business' })).items[0];
    const spare = (await backend.listCollectionMembers('SMS00001', { top: 1, skip: 50 })).items[0];
    await time('add + remove a direct rule', 5, async () => {
      await backend.addDirectMembershipRule(pilot.id, { resourceId: spare.resourceId, ruleName: spare.name });
      await backend.removeDirectMembershipRule(pilot.id, { resourceId: spare.resourceId, ruleName: spare.name });
    });
  } finally {
    backend.dispose();
    await lab.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();

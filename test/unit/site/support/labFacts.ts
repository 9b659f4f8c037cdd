import type { SiteContent } from '../../../../src/core/lab/state/model';
import type { SiteFacts } from '../siteContract';

/** The small lab site's truth, taken from its seed generator (not through any backend). */
export function factsFromSeed(content: SiteContent): SiteFacts {
  const folderPath = new Map<number, string>(content.folders.filter((f) => f.objectType === 5000).map((f) => [f.containerNodeId, f.path]));
  const collections = content.collections
    .filter((c) => c.collectionType === 2)
    .map((c) => ({ id: c.collectionId, name: c.name, folderPath: c.folderId === 0 ? '/' : (folderPath.get(c.folderId) ?? '/') }));
  const pilot = content.collections.find((c) => c.name === 'Pilot - Line-of-Business Apps');
  if (!pilot) throw new Error('the seed has no pilot collection');
  const memberIds = pilot.rules.flatMap((r) => (r.kind === 'direct' ? [r.resourceId] : []));
  const spare = content.devices.find((d) => d.client === 1 && d.obsolete === 0 && !memberIds.includes(d.resourceId));
  if (!spare) throw new Error('the seed has no spare client');
  const appName = new Map(content.applications.map((a) => [a.ciId, a.name]));
  const packageName = new Map(content.packages.map((p) => [p.packageId, p.name]));
  const softwareNames = [
    ...content.assignments.filter((a) => a.collectionId === pilot.collectionId).map((a) => appName.get(a.ciId) ?? ''),
    ...content.advertisements.filter((a) => a.collectionId === pilot.collectionId).map((a) => packageName.get(a.packageId) ?? ''),
  ];
  return {
    siteCode: content.site.siteCode,
    folderPaths: [...folderPath.values()],
    collections,
    devices: content.devices.map((d) => ({ resourceId: d.resourceId, name: d.name, macAddresses: d.macs, smbiosGuid: d.smbiosGuid, ipAddresses: d.ipAddresses })),
    directCollection: { id: pilot.collectionId, memberIds },
    spareDeviceId: spare.resourceId,
    deployments: { collectionId: pilot.collectionId, softwareNames },
  };
}

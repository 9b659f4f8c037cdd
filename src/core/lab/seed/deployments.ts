import { siteObjectId } from '../format';
import type { AdvertisementRecord, AppAssignmentRecord, ApplicationRecord, CollectionRecord, PackageRecord, SiteRecord } from '../state/model';
import type { Prng } from './prng';

const DAY = 86_400_000;

/**
 * Deployments targeting the generated collections: applications to the per-site and
 * per-department app collections (required for Install, available for Available), a few
 * required core apps on All Windows Workstations, task sequences to the OSD collections and
 * legacy package programs to laptops and client-health collections.
 */
export function generateDeployments(
  prng: Prng,
  site: SiteRecord,
  collections: readonly CollectionRecord[],
  applications: readonly ApplicationRecord[],
  packages: readonly PackageRecord[],
  generatedAt: number,
): { assignments: AppAssignmentRecord[]; advertisements: AdvertisementRecord[] } {
  const assignments: AppAssignmentRecord[] = [];
  const advertisements: AdvertisementRecord[] = [];
  const byName = new Map(collections.map((c) => [c.name, c]));
  const appByName = new Map(applications.map((a) => [a.name, a]));

  const assign = (app: ApplicationRecord, collection: CollectionRecord, required: boolean): void => {
    const start = generatedAt - prng.range(2, 300) * DAY;
    assignments.push({
      assignmentId: 16779001 + assignments.length,
      assignmentUniqueId: `{${prng.guid()}}`,
      assignmentName: `${app.name}_${collection.name}_Install`,
      ciId: app.ciId,
      collectionId: collection.collectionId,
      offerTypeId: required ? 0 : 2,
      startTime: start,
      enforcementDeadline: required ? start + prng.range(1, 14) * DAY : null,
      creationTime: start - prng.range(0, 3) * DAY,
    });
  };

  for (const core of ['Microsoft 365 Apps for enterprise', 'Google Chrome', '7-Zip', 'CrowdStrike Windows Sensor']) {
    const app = appByName.get(core);
    const target = byName.get('All Windows Workstations');
    if (app && target) assign(app, target, true);
  }
  // Line-of-business apps that fail on install, on a small pilot collection every seed has.
  for (const lob of ['SAP GUI for Windows 8.00 PL8', 'Legacy CRM Client 4.2', 'Java 8 Update 431', 'Notepad++']) {
    const app = appByName.get(lob);
    const target = byName.get('Pilot - Line-of-Business Apps');
    if (app && target) assign(app, target, true);
  }
  const appsLongestFirst = [...applications].sort((a, b) => b.name.length - a.name.length);
  for (const collection of collections) {
    if (!collection.name.startsWith('APP - ')) continue;
    const app = appsLongestFirst.find((a) => collection.name.startsWith(`APP - ${a.name} - `));
    if (!app) continue;
    // The rest is "<City> - Install|Available|Uninstall|<Department>[ - Available]".
    const purpose = collection.name.slice(`APP - ${app.name} - `.length).split(' - ').slice(1).join(' - ');
    if (purpose === 'Uninstall') continue;
    assign(app, collection, !purpose.endsWith('Available'));
  }

  const advertise = (pkg: PackageRecord | undefined, collection: CollectionRecord | undefined, required: boolean): void => {
    if (!pkg || !collection) return;
    advertisements.push({
      advertisementId: siteObjectId(site.siteCode, 0x20000 + advertisements.length),
      advertisementName: `${pkg.name}_${collection.name}`,
      collectionId: collection.collectionId,
      packageId: pkg.packageId,
      programName: pkg.programName,
      offerType: required ? 0 : 2,
      presentTime: generatedAt - prng.range(1, 120) * DAY,
    });
  };
  const pkg = (name: string): PackageRecord | undefined => packages.find((p) => p.name === name);
  for (const collection of collections) {
    if (collection.name.startsWith('OSD - Windows 11 24H2 Upgrade')) advertise(pkg('Windows 11 24H2 - In-place Upgrade'), collection, false);
    if (collection.name.startsWith('CH - ') && collection.name.endsWith('Inactive Clients')) advertise(pkg('Configuration Manager Client Health'), collection, true);
  }
  advertise(pkg('Windows 11 24H2 - Bare Metal'), byName.get('OSD - Bare Metal - Available'), false);
  advertise(pkg('Windows Server 2022 - Build and Capture'), byName.get('OSD - Server 2022 Builds'), false);
  advertise(pkg('BIOS Update - Dell Latitude'), byName.get('All Laptops'), true);
  return { assignments, advertisements };
}

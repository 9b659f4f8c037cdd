import type { FolderRecord } from '../state/model';
import type { Prng } from './prng';
import { APP_CATALOG } from './software';
import type { Location } from './vocabulary';

/** ObjectType of device-collection folders (SMS_ObjectContainerNode). */
export const DEVICE_COLLECTION_FOLDER = 5000;

/** Console folders for device collections, three levels deep, the way admins organise them. */
export function generateFolders(prng: Prng, locations: readonly Location[]): FolderRecord[] {
  const folders: FolderRecord[] = [];
  const byPath = new Map<string, FolderRecord>();
  const add = (path: string): void => {
    if (byPath.has(path)) return;
    const slash = path.lastIndexOf('/');
    const parentPath = slash > 0 ? path.slice(0, slash) : '';
    if (parentPath) add(parentPath);
    const folder: FolderRecord = {
      containerNodeId: 16777217 + folders.length,
      name: path.slice(slash + 1),
      parentContainerNodeId: parentPath ? byPath.get(parentPath)!.containerNodeId : 0,
      objectType: DEVICE_COLLECTION_FOLDER,
      path,
      folderGuid: prng.guid(),
    };
    folders.push(folder);
    byPath.set(path, folder);
  };
  for (const loc of locations) add(`/Workstations/${loc.city}`);
  add('/Servers/Patch/Maintenance Windows');
  add('/Servers/Sites');
  add('/Patching/Rings');
  add('/Patching/Departments');
  for (const vendor of [...new Set(APP_CATALOG.map((a) => vendorFolder(a.vendor)))]) add(`/Software/Applications/${vendor}`);
  add('/Software/Uninstall');
  add('/OSD/Windows 11 Upgrade');
  add('/OSD/Bare Metal');
  add('/Operations/Client Health');
  add('/Operations/Migration');
  add('/Compliance/Baselines');
  add('/Testing/Pilot');
  return folders;
}

/** Vendors with one or two apps share an "Other Vendors" folder, as consoles usually do. */
export function vendorFolder(vendor: string): string {
  const big = ['Adobe', 'Microsoft', 'Cisco', 'Google', 'Mozilla', 'Dell', 'HP', 'Lenovo'];
  return big.includes(vendor) ? vendor : 'Other Vendors';
}

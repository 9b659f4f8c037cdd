import { sleep, type CancellationTokenLike } from '../util/cancellation';
import { clientOperationByType } from './clientOperations';
import type { ClientOperationRequest, MachineEntryInput, SiteBackend } from './contract';
import { SiteError } from './errors';
import type { Device } from './model';
import {
  normalizeMacAddress,
  normalizeSmbiosGuid,
  validateCollectionId,
  validateLookupName,
  validateNewDeviceName,
  validateResourceId,
} from './validation';

/**
 * Input checks and result handling shared by both backends, so they accept and refuse the same
 * things and return the same shapes.
 */

export interface DeviceQuery {
  name?: string;
  macAddress?: string;
  smbiosGuid?: string;
}

export function validateDeviceQuery(query: DeviceQuery): DeviceQuery {
  const valid: DeviceQuery = {};
  if (query.name !== undefined && query.name.trim() !== '') valid.name = validateLookupName(query.name);
  if (query.macAddress !== undefined && query.macAddress.trim() !== '') valid.macAddress = normalizeMacAddress(query.macAddress);
  if (query.smbiosGuid !== undefined && query.smbiosGuid.trim() !== '') valid.smbiosGuid = normalizeSmbiosGuid(query.smbiosGuid);
  if (Object.keys(valid).length === 0) throw new SiteError('invalidInput', 'Give a device name, a MAC address or an SMBIOS GUID to look for.');
  return valid;
}

/** Devices matching any criterion, each once, ordered by name then ResourceID. */
export function mergeDevices(devices: readonly Device[], query: DeviceQuery): Device[] {
  const name = query.name?.toLowerCase();
  const byId = new Map<number, Device>();
  for (const device of devices) {
    // The site matched on its side; this re-check guards against a provider that ignores a filter.
    const matches =
      (name !== undefined && device.name.toLowerCase() === name) ||
      (query.macAddress !== undefined && device.macAddresses.includes(query.macAddress)) ||
      (query.smbiosGuid !== undefined && device.smbiosGuid === query.smbiosGuid);
    if (matches) byId.set(device.resourceId, device);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.resourceId - b.resourceId);
}

export interface ValidMachineEntry {
  name: string;
  macAddress?: string;
  smbiosGuid?: string;
  overwriteExistingRecord: boolean;
}

export function validateMachineEntry(entry: MachineEntryInput): ValidMachineEntry {
  const name = validateNewDeviceName(entry.name);
  const macAddress = entry.macAddress?.trim() ? normalizeMacAddress(entry.macAddress) : undefined;
  const smbiosGuid = entry.smbiosGuid?.trim() ? normalizeSmbiosGuid(entry.smbiosGuid) : undefined;
  if (!macAddress && !smbiosGuid) throw new SiteError('invalidInput', 'Importing a computer needs its MAC address or SMBIOS GUID.');
  if (typeof entry.overwriteExistingRecord !== 'boolean') throw new SiteError('invalidInput', 'overwriteExistingRecord must be true or false.');
  return { name, macAddress, smbiosGuid, overwriteExistingRecord: entry.overwriteExistingRecord };
}

export function validateClientOperation(request: ClientOperationRequest): ClientOperationRequest {
  if (!Number.isSafeInteger(request.type) || !clientOperationByType(request.type)) {
    throw new SiteError('invalidInput', `${String(request.type)} is not a client notification type this product sends.`);
  }
  const collectionId = validateCollectionId(request.collectionId);
  const resourceIds = [...new Set((request.resourceIds ?? []).map((id) => validateResourceId(id)))];
  return { type: request.type, collectionId, resourceIds };
}

/**
 * Some provider builds return no ResourceID from ImportMachineEntry (reference §1.9): the new
 * record is then looked up by its MAC or SMBIOS GUID, for a few seconds while the site writes it.
 */
export async function resolveImportedResourceId(
  backend: Pick<SiteBackend, 'findDevices'>,
  entry: ValidMachineEntry,
  token: CancellationTokenLike | undefined,
  attempts = 5,
  intervalMs = 1000,
): Promise<number> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const devices = await backend.findDevices({ macAddress: entry.macAddress, smbiosGuid: entry.smbiosGuid }, { token });
    const named = devices.find((d) => d.name.toLowerCase() === entry.name.toLowerCase()) ?? devices[0];
    if (named) return named.resourceId;
    if (attempt < attempts) await sleep(intervalMs, token);
  }
  throw new SiteError('invalidResponse', `The site accepted the import of ${entry.name} but the new record did not appear; look for it in a minute.`);
}


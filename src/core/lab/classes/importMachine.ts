import { randomUUID } from 'node:crypto';
import { normaliseMac } from '../state/deviceTable';
import type { DeviceRecord } from '../state/model';
import type { LabContext } from './context';
import { boolParam, providerError, stringParam } from './helpers';
import type { CallContext } from './types';

/** The WMI signature's in-parameters (reference §2.5); the optional ones past OverwriteExistingRecord are accepted and ignored (see README). */
export const IMPORT_MACHINE_ENTRY_PARAMETERS = {
  NetbiosName: 'Edm.String',
  SMBIOSGUID: 'Edm.String',
  MACAddress: 'Edm.String',
  OverwriteExistingRecord: 'Edm.Boolean',
  FQDN: 'Edm.String',
  IsAMTMachine: 'Edm.Boolean',
  MEBxPassword: 'Edm.String',
  AdminPassword: 'Edm.String',
  AddToCollection: 'Edm.Boolean',
  CollectionRule: 'AdminService.SMS_CollectionRule',
  CollectionId: 'Edm.String',
  WTGUniqueKey: 'Edm.String',
} as const;

const COLON_MAC = /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/i;
const GUID = /^\{?[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}?$/i;

/** Refuses what Windows refuses in a computer name: the name also becomes the lab client's log folder. */
function isComputerName(name: string): boolean {
  if (name.length > 63 || /^\.+$/.test(name) || /[\\/:*?"<>|]/.test(name)) return false;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) < 0x20) return false;
  return true;
}

/**
 * SMS_Site.ImportMachineEntry: NetbiosName plus a colon-form MAC and/or an SMBIOS GUID.
 * An existing record with the same MAC or GUID is reported (MachineExists) and left alone
 * unless OverwriteExistingRecord is true, in which case it is updated in place (same ResourceID).
 */
export function importMachineEntry(ctx: LabContext, call: CallContext): Record<string, unknown> {
  const { store } = ctx;
  const name = stringParam(call.body, 'NetbiosName', false)?.trim();
  const mac = stringParam(call.body, 'MACAddress', false)?.trim() || undefined;
  const rawGuid = stringParam(call.body, 'SMBIOSGUID', false)?.trim() || undefined;
  const overwrite = boolParam(call.body, 'OverwriteExistingRecord') ?? false;
  if (!name) throw providerError('ImportMachineEntry failed: NetbiosName is required. (SMS Provider error 0x80041008, WBEM_E_INVALID_PARAMETER)');
  if (!isComputerName(name)) throw providerError(`ImportMachineEntry failed: NetbiosName '${name}' is not a valid computer name. (SMS Provider error 0x80041008, WBEM_E_INVALID_PARAMETER)`);
  if (!mac && !rawGuid) throw providerError('ImportMachineEntry failed: a MACAddress or an SMBIOSGUID is required. (SMS Provider error 0x80041008, WBEM_E_INVALID_PARAMETER)');
  if (mac && !COLON_MAC.test(mac)) throw providerError(`ImportMachineEntry failed: MACAddress '${mac}' must be in the form 00:00:00:00:00:00. (SMS Provider error 0x80041008, WBEM_E_INVALID_PARAMETER)`);
  if (rawGuid && !GUID.test(rawGuid)) throw providerError(`ImportMachineEntry failed: SMBIOSGUID '${rawGuid}' is not a GUID. (SMS Provider error 0x80041008, WBEM_E_INVALID_PARAMETER)`);
  const guid = rawGuid?.replace(/[{}]/g, '').toUpperCase();
  const upperMac = mac ? normaliseMac(mac) : undefined;

  const existingRows = [...(upperMac ? store.devices.byMac(upperMac) : []), ...(guid ? store.devices.byGuid(guid) : [])];
  const existing = existingRows.map((i) => store.devices.rows[i]).find((d) => d.obsolete === 0 && d.decommissioned === 0);
  if (existing && !overwrite) {
    return { MachineExists: true, ResourceID: existing.resourceId, SMSUniqueIdentifier: existing.smsUid ?? '', ReturnValue: 0 };
  }
  const now = ctx.now();
  const device: DeviceRecord = existing
    ? { ...existing, name: name.toUpperCase(), macs: upperMac ? [upperMac] : existing.macs, smbiosGuid: guid ?? existing.smbiosGuid }
    : {
        resourceId: store.nextResourceId(),
        name: name.toUpperCase(),
        domain: '',
        macs: upperMac ? [upperMac] : [],
        smbiosGuid: guid ?? null,
        ipAddresses: [],
        ipSubnets: [],
        os: null,
        build: null,
        client: 0,
        active: 0,
        obsolete: 0,
        decommissioned: 0,
        clientVersion: null,
        clientType: null,
        lastLogonUser: null,
        lastLogonUserDomain: null,
        lastLogonTimestamp: null,
        adSite: null,
        ous: [],
        distinguishedName: null,
        groups: [],
        isVirtual: false,
        smsUid: `GUID:${randomUUID().toUpperCase()}`,
        creationDate: now,
        discovery: 'imported',
      };
  store.apply({ t: 'device.put', device });
  ctx.evaluator.resourcesChanged();
  return { MachineExists: !!existing, ResourceID: device.resourceId, SMSUniqueIdentifier: device.smsUid ?? '', ReturnValue: 0 };
}

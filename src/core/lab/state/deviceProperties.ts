import { createHash } from 'node:crypto';
import { wmiDateOrNull } from '../format';
import type { DeviceRecord, SiteRecord } from './model';

export type PropType =
  | 'string'
  | 'int'
  | 'bool'
  | 'datetime'
  | 'string[]'
  | 'int[]'
  | 'datetime[]'
  | 'object'
  | 'object[]';

export interface DeviceProperty {
  name: string;
  type: PropType;
  /** `$metadata` type when `type` alone does not say it (UInt8[] → Edm.Binary). */
  edm?: string;
  get(device: DeviceRecord, site: SiteRecord): unknown;
}

/** AD objectGUID (UInt8[], sent base64 as Edm.Binary): stable per record, absent for imported records. */
const objectGuid = (d: DeviceRecord): string | null => (d.discovery === 'imported' ? null : createHash('md5').update(`objectGUID:${d.resourceId}`).digest('base64'));

const sid = (d: DeviceRecord): string => `S-1-5-21-3623811015-3361044348-30300820-${(d.resourceId % 1_000_000) + 1000}`;

/** SMS_R_System properties in WMI casing (the key is `ResourceId`, reference §2.2). */
export const DEVICE_PROPERTIES: readonly DeviceProperty[] = [
  { name: 'Active', type: 'int', get: (d) => (d.discovery === 'imported' ? null : d.active) },
  { name: 'ADSiteName', type: 'string', get: (d) => d.adSite },
  { name: 'AgentName', type: 'string[]', get: (d) => (d.discovery === 'imported' ? ['Manual Machine Entry'] : ['SMS_AD_SYSTEM_DISCOVERY_AGENT', 'Heartbeat Discovery']) },
  { name: 'AgentSite', type: 'string[]', get: (d, s) => (d.discovery === 'imported' ? [s.siteCode] : [s.siteCode, s.siteCode]) },
  {
    name: 'AgentTime',
    type: 'datetime[]',
    get: (d) => (d.discovery === 'imported' ? [wmiDateOrNull(d.creationDate)] : [wmiDateOrNull(d.creationDate), wmiDateOrNull(d.lastLogonTimestamp ?? d.creationDate)]),
  },
  { name: 'AlwaysInternet', type: 'int', get: () => 0 },
  { name: 'Build', type: 'string', get: (d) => d.build },
  { name: 'Client', type: 'int', get: (d) => d.client },
  { name: 'ClientEdition', type: 'int', get: (d) => (d.client ? 0 : null) },
  { name: 'ClientType', type: 'int', get: (d) => d.clientType },
  { name: 'ClientVersion', type: 'string', get: (d) => d.clientVersion },
  { name: 'CPUType', type: 'string', get: (d) => (d.os ? 'Intel64 Family 6 Model 154 Stepping 3' : null) },
  { name: 'CreationDate', type: 'datetime', get: (d) => wmiDateOrNull(d.creationDate) },
  { name: 'Decommissioned', type: 'int', get: (d) => d.decommissioned },
  { name: 'DeviceOwner', type: 'int', get: (d) => (d.client ? 1 : null) },
  { name: 'DistinguishedName', type: 'string', get: (d) => d.distinguishedName },
  { name: 'FullDomainName', type: 'string', get: (d, s) => (d.discovery === 'imported' ? null : s.dnsDomain.toUpperCase()) },
  { name: 'HardwareID', type: 'string', get: (d) => (d.smbiosGuid && d.client ? `2:${d.smbiosGuid.replace(/-/g, '').slice(0, 20)}` : null) },
  { name: 'IPAddresses', type: 'string[]', get: (d) => d.ipAddresses },
  { name: 'IPSubnets', type: 'string[]', get: (d) => d.ipSubnets },
  { name: 'IPv6Addresses', type: 'string[]', get: () => [] },
  { name: 'IPv6Prefixes', type: 'string[]', get: () => [] },
  { name: 'IsAssignedToUser', type: 'bool', get: () => false },
  { name: 'IsClientAMT30Compatible', type: 'bool', get: () => false },
  { name: 'IsMachineChangesPersisted', type: 'bool', get: () => true },
  { name: 'IsPortableOperatingSystem', type: 'bool', get: () => false },
  { name: 'IsVirtualMachine', type: 'bool', get: (d) => d.isVirtual },
  { name: 'IsWriteFilterCapable', type: 'bool', get: () => false },
  { name: 'LastLogonTimestamp', type: 'datetime', get: (d) => wmiDateOrNull(d.lastLogonTimestamp) },
  { name: 'LastLogonUserDomain', type: 'string', get: (d) => d.lastLogonUserDomain },
  { name: 'LastLogonUserName', type: 'string', get: (d) => d.lastLogonUser },
  { name: 'MACAddresses', type: 'string[]', get: (d) => d.macs },
  { name: 'Name', type: 'string', get: (d) => d.name },
  { name: 'NetbiosName', type: 'string', get: (d) => d.name },
  { name: 'ObjectGUID', type: 'string', edm: 'Edm.Binary', get: objectGuid },
  { name: 'Obsolete', type: 'int', get: (d) => d.obsolete },
  { name: 'OperatingSystemNameandVersion', type: 'string', get: (d) => d.os },
  { name: 'PreviousSMSUUID', type: 'string', get: (d) => (d.client ? 'Unknown' : null) },
  { name: 'PrimaryGroupID', type: 'int', get: (d) => (d.discovery === 'imported' ? null : 515) },
  { name: 'ResourceDomainORWorkgroup', type: 'string', get: (d) => d.domain || null },
  { name: 'ResourceId', type: 'int', get: (d) => d.resourceId },
  { name: 'ResourceNames', type: 'string[]', get: (d, s) => (d.discovery === 'imported' ? [d.name] : [`${d.name}.${s.dnsDomain}`.toUpperCase()]) },
  { name: 'ResourceType', type: 'int', get: () => 5 },
  { name: 'SecurityGroupName', type: 'string[]', get: (d) => d.groups.map((g) => g.slice(g.indexOf('\\') + 1)) },
  { name: 'SID', type: 'string', get: (d) => (d.discovery === 'imported' ? null : sid(d)) },
  { name: 'SMBIOSGUID', type: 'string', get: (d) => d.smbiosGuid },
  { name: 'SMSAssignedSites', type: 'string[]', get: (d, s) => (d.client ? [s.siteCode] : []) },
  { name: 'SMSInstalledSites', type: 'string[]', get: (d, s) => (d.client ? [s.siteCode] : []) },
  { name: 'SMSResidentSites', type: 'string[]', get: (d, s) => (d.discovery === 'imported' ? [] : [s.siteCode]) },
  { name: 'SMSUniqueIdentifier', type: 'string', get: (d) => d.smsUid },
  { name: 'SMSUUIDChangeDate', type: 'datetime', get: (d) => (d.client ? wmiDateOrNull(d.creationDate) : null) },
  { name: 'SNMPCommunityName', type: 'string', get: () => null },
  { name: 'SystemContainerName', type: 'string[]', get: () => [] },
  { name: 'SystemGroupName', type: 'string[]', get: (d) => d.groups },
  { name: 'SystemOUName', type: 'string[]', get: (d) => d.ous },
  { name: 'SystemRoles', type: 'string[]', get: (d) => (d.os?.includes('Server') ? ['SMS Client'] : []) },
  { name: 'Unknown', type: 'int', get: () => null },
  { name: 'UserAccountControl', type: 'int', get: (d) => (d.discovery === 'imported' ? null : 4096) },
  { name: 'VirtualMachineHostName', type: 'string', get: () => '' },
  { name: 'VirtualMachineType', type: 'int', get: (d) => (d.isVirtual ? 1 : 0) },
  { name: 'WipeStatus', type: 'int', get: () => null },
];

const byUpperName = new Map(DEVICE_PROPERTIES.map((p) => [p.name.toUpperCase(), p]));

export function deviceProperty(nameUpper: string): DeviceProperty | undefined {
  return byUpperName.get(nameUpper);
}

import { z } from 'zod';
import type { CollectionMember, Device } from '../model';
import { tryNormalizeMacAddress, tryNormalizeSmbiosGuid } from '../validation';
import { parseBag, wmiDate, wmiFlag, wmiInt, wmiText, wmiTextArray, wmiTextOrNull } from './propertyBag';

/** SMS_R_System properties the product shows. */
export const DEVICE_PROPERTIES = [
  'ResourceId',
  'Name',
  'NetbiosName',
  'ResourceDomainORWorkgroup',
  'Client',
  'Active',
  'ClientVersion',
  'Obsolete',
  'MACAddresses',
  'SMBIOSGUID',
  'IPAddresses',
  'OperatingSystemNameandVersion',
  'LastLogonUserName',
  'LastLogonUserDomain',
  'ADSiteName',
  'DistinguishedName',
  'SMSUniqueIdentifier',
  'CreationDate',
] as const;

const deviceSchema = z.object({
  resourceid: wmiInt,
  name: wmiText,
  netbiosname: wmiText,
  resourcedomainorworkgroup: wmiText,
  client: wmiFlag,
  active: wmiFlag,
  clientversion: wmiTextOrNull,
  obsolete: wmiFlag,
  macaddresses: wmiTextArray,
  smbiosguid: wmiTextOrNull,
  ipaddresses: wmiTextArray,
  operatingsystemnameandversion: wmiTextOrNull,
  lastlogonusername: wmiTextOrNull,
  lastlogonuserdomain: wmiTextOrNull,
  adsitename: wmiTextOrNull,
  distinguishedname: wmiTextOrNull,
  smsuniqueidentifier: wmiTextOrNull,
  creationdate: wmiDate,
});

export function mapDevice(raw: unknown): Device {
  const d = parseBag(deviceSchema, raw, 'a device');
  const macs = d.macaddresses.map((m) => tryNormalizeMacAddress(m)).filter((m): m is string => m !== undefined);
  return {
    resourceId: d.resourceid,
    name: d.name,
    netbiosName: d.netbiosname || d.name,
    domain: d.resourcedomainorworkgroup,
    clientInstalled: d.client,
    clientActive: d.active,
    clientVersion: d.clientversion,
    obsolete: d.obsolete,
    macAddresses: [...new Set(macs)],
    smbiosGuid: d.smbiosguid ? (tryNormalizeSmbiosGuid(d.smbiosguid) ?? d.smbiosguid.toUpperCase()) : null,
    ipAddresses: d.ipaddresses,
    operatingSystem: d.operatingsystemnameandversion,
    lastLogonUser: d.lastlogonusername,
    lastLogonUserDomain: d.lastlogonuserdomain,
    adSiteName: d.adsitename,
    distinguishedName: d.distinguishedname,
    smsUniqueIdentifier: d.smsuniqueidentifier,
    creationDate: d.creationdate,
  };
}

/** SMS_FullCollectionMembership properties a member row shows. */
export const MEMBER_PROPERTIES = [
  'ResourceID',
  'Name',
  'IsClient',
  'IsActive',
  'IsDirect',
  'IsObsolete',
  'Domain',
  'SiteCode',
  'ClientVersion',
] as const;

const memberSchema = z.object({
  resourceid: wmiInt,
  name: wmiText,
  isclient: wmiFlag,
  isactive: wmiFlag,
  isdirect: wmiFlag,
  isobsolete: wmiFlag,
  domain: wmiText,
  sitecode: wmiText,
  clientversion: wmiTextOrNull,
});

export function mapCollectionMember(raw: unknown): CollectionMember {
  const m = parseBag(memberSchema, raw, 'a collection member');
  return {
    resourceId: m.resourceid,
    name: m.name,
    isClient: m.isclient,
    isActive: m.isactive,
    isDirect: m.isdirect,
    isObsolete: m.isobsolete,
    domain: m.domain,
    siteCode: m.sitecode,
    clientVersion: m.clientversion,
  };
}

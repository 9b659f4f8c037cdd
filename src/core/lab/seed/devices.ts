import type { DeviceRecord, SiteRecord } from '../state/model';
import { APP_CATALOG } from './software';
import { StringPool, type Prng } from './prng';
import {
  CLIENT_VERSIONS,
  CLONED_SMBIOS_GUIDS,
  DEPARTMENTS,
  DEVICE_KINDS,
  FIRST_NAMES,
  LAST_NAMES,
  locationsFor,
  SERVER_OS,
  SERVER_ROLES,
  SHARED_DOCK_MACS,
  VENDOR_OUIS,
  WORKSTATION_OS,
  type DeviceKind,
  type Location,
} from './vocabulary';

const DAY = 86_400_000;
export const FIRST_RESOURCE_ID = 16777220;

/** Where a device sits in the organisation; collections are generated from the same facts. */
export interface DeviceFacts {
  kind: DeviceKind;
  location: Location;
  department: string | null;
}

/**
 * Generates `count` devices: realistic names (`WKS-LON-04213`), MACs with real vendor OUIs,
 * SMBIOS GUIDs, IPs, OS, last logon user, AD site and OU, client version; a few dozen
 * share a cloned BIOS GUID or a dock MAC, and a few are obsolete duplicates of a rebuilt machine.
 */
export function generateDevices(prng: Prng, site: SiteRecord, count: number, generatedAt: number): { devices: DeviceRecord[]; facts: DeviceFacts[] } {
  const devices: DeviceRecord[] = [];
  const facts: DeviceFacts[] = [];
  const usedMacs = new Set<string>();
  const numbers = new Map<string, number>();
  const pool = new StringPool();
  const locationWeights = locationsFor(count).map((l) => [l, l.weight] as const);

  const uniqueMac = (oui: string): string => {
    for (;;) {
      const h = prng.hex(3);
      const mac = `${oui}:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`;
      if (!usedMacs.has(mac)) {
        usedMacs.add(mac);
        return mac;
      }
    }
  };
  const nextName = (kind: DeviceKind, loc: Location): string => {
    if (kind === 'SRV') {
      const role = prng.pick(SERVER_ROLES);
      const key = `SRV-${loc.code}-${role}`;
      const n = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, n);
      return `${key}${String(n).padStart(3, '0')}`;
    }
    const key = `${kind}-${loc.code}`;
    const n = (numbers.get(key) ?? prng.range(100, 900)) + 1 + (prng.chance(0.15) ? prng.int(4) : 0);
    numbers.set(key, n);
    return `${key}-${String(n).padStart(5, '0')}`;
  };

  const obsoleteCount = count >= 20 ? Math.max(2, Math.floor(count / 2000)) : 0;
  for (let i = 0; i < count - obsoleteCount; i++) {
    const kind = prng.weighted(DEVICE_KINDS);
    const loc = prng.weighted(locationWeights);
    const department = kind === 'SRV' ? null : prng.pick(DEPARTMENTS);
    const name = nextName(kind, loc);
    const isVirtual = kind === 'VDI' || (kind === 'SRV' && prng.chance(0.7));
    const vendor = isVirtual ? (prng.chance(0.6) ? 'VMware' : 'HyperV') : prng.weighted([['Dell', 45], ['HP', 30], ['Lenovo', 25]] as const);
    const macs = [uniqueMac(prng.pick(VENDOR_OUIS[vendor]))];
    if (kind === 'LAP') macs.push(uniqueMac(prng.pick(VENDOR_OUIS.IntelWifi)));
    const guid = vendor === 'Dell' ? dellGuid(prng) : vendor === 'VMware' ? `4222${prng.guid().slice(4)}` : prng.guid();
    const os = prng.weighted((kind === 'SRV' ? SERVER_OS : WORKSTATION_OS).map((o) => [o, o.weight] as const));
    const isClient = prng.chance(kind === 'SRV' ? 0.93 : 0.965);
    const active = isClient && prng.chance(kind === 'LAP' ? 0.86 : 0.93) ? 1 : 0;
    const vlan = prng.range(10, 250);
    const first = prng.pick(FIRST_NAMES);
    const last = prng.pick(LAST_NAMES);
    const user = kind === 'SRV' ? (prng.chance(0.5) ? `adm-${first[0]}${last}`.toLowerCase() : null) : `${first[0]}${last}`.toLowerCase();
    const cityUpper = loc.city.toUpperCase();
    const container = kind === 'SRV' ? 'SERVERS' : kind === 'VDI' ? 'VDI' : 'WORKSTATIONS';
    const ouBase = `${site.dnsDomain.toUpperCase()}/${cityUpper}`;
    const ous = [pool.intern(ouBase), pool.intern(`${ouBase}/${container}`)];
    if (department) ous.push(pool.intern(`${ouBase}/${container}/${department.toUpperCase()}`));
    const dn = `CN=${name},${department ? `OU=${department},` : ''}OU=${container === 'VDI' ? 'VDI' : capital(container)},OU=${loc.city},DC=${site.dnsDomain.split('.').join(',DC=')}`;
    const groups = kind === 'SRV' ? [] : APP_CATALOG.filter((app) => prng.chance(app.reach * 0.35)).map((app) => pool.intern(`${site.domain}\\APP-${app.short}-${loc.code}`));
    const created = generatedAt - prng.range(20, 1600) * DAY - prng.int(DAY);
    devices.push({
      resourceId: FIRST_RESOURCE_ID + i,
      name,
      domain: site.domain,
      macs,
      smbiosGuid: guid,
      ipAddresses: isClient ? [`10.${loc.octet}.${vlan}.${prng.range(10, 250)}`] : [],
      ipSubnets: isClient ? [pool.intern(`10.${loc.octet}.${vlan}.0`)] : [],
      os: os.caption,
      build: os.build,
      client: isClient ? 1 : 0,
      active,
      obsolete: 0,
      decommissioned: 0,
      clientVersion: isClient ? prng.weighted(CLIENT_VERSIONS) : null,
      clientType: isClient ? 1 : null,
      lastLogonUser: user,
      lastLogonUserDomain: user ? site.domain : null,
      lastLogonTimestamp: user ? generatedAt - (active ? prng.int(14 * DAY) : (30 + prng.int(200)) * DAY) : null,
      adSite: loc.adSite,
      ous,
      distinguishedName: dn,
      groups,
      isVirtual,
      smsUid: isClient ? `GUID:${prng.guid()}` : null,
      creationDate: created,
      discovery: 'discovered',
    });
    facts.push({ kind, location: loc, department });
  }
  for (const source of addDuplicates(prng, devices, count, obsoleteCount)) facts.push(facts[source]);
  return { devices, facts };
}

/**
 * A few dozen records that share hardware ids, and obsolete duplicates of rebuilt machines.
 * Returns, for each appended record, the index of the device it duplicates.
 */
function addDuplicates(prng: Prng, devices: DeviceRecord[], count: number, obsolete: number): number[] {
  const sources: number[] = [];
  if (count < 20) return sources;
  const clones = Math.min(24, Math.max(6, Math.floor(count / 4000)));
  const pickIndex = (pred: (d: DeviceRecord) => boolean): number | undefined => {
    for (let tries = 0; tries < 200; tries++) {
      const i = prng.int(devices.length);
      if (pred(devices[i])) return i;
    }
    return undefined;
  };
  const pickDevice = (pred: (d: DeviceRecord) => boolean): DeviceRecord | undefined => {
    const i = pickIndex(pred);
    return i === undefined ? undefined : devices[i];
  };
  for (const [g, guid] of CLONED_SMBIOS_GUIDS.entries()) {
    const n = g === 0 ? clones : Math.max(3, Math.floor(clones / 3));
    for (let i = 0; i < n; i++) {
      const d = pickDevice((x) => !CLONED_SMBIOS_GUIDS.includes(x.smbiosGuid as (typeof CLONED_SMBIOS_GUIDS)[number]));
      if (d) d.smbiosGuid = guid;
    }
  }
  for (const [m, mac] of SHARED_DOCK_MACS.entries()) {
    const n = m === 0 ? Math.max(5, Math.floor(clones * 0.75)) : Math.max(3, Math.floor(clones / 3));
    for (let i = 0; i < n; i++) {
      const d = pickDevice((x) => x.name.startsWith('LAP-') && !x.macs.some((y) => (SHARED_DOCK_MACS as readonly string[]).includes(y)));
      if (d) d.macs = [...d.macs, mac];
    }
  }
  // A rebuilt machine leaves its old record behind: same name and hardware, Obsolete=1, inactive.
  for (let i = 0; i < obsolete; i++) {
    const source = pickIndex((x) => x.client === 1 && x.obsolete === 0) ?? 0;
    const d = devices[source];
    sources.push(source);
    devices.push({
      ...d,
      resourceId: FIRST_RESOURCE_ID + devices.length,
      macs: [...d.macs],
      obsolete: 1,
      active: 0,
      client: 1,
      smsUid: `GUID:${prng.guid()}`,
      creationDate: d.creationDate - 400 * DAY,
      lastLogonTimestamp: d.lastLogonTimestamp === null ? null : d.lastLogonTimestamp - 120 * DAY,
    });
  }
  return sources;
}

/** Dell BIOS UUIDs read as "DELL" in ASCII and follow the service-tag pattern. */
function dellGuid(prng: Prng): string {
  const h = prng.hex(8);
  return `4C4C4544-00${h.slice(0, 2)}-${h.slice(2, 4)}10-80${h.slice(4, 6)}-${h.slice(6, 8)}C04F${prng.hex(3)}`;
}

function capital(word: string): string {
  return word[0] + word.slice(1).toLowerCase();
}

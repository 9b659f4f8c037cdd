import type { DeviceRecord } from './model';

/**
 * The SMS_R_System table with the indexes the lab needs to answer big-site queries fast:
 * by ResourceId, name, MAC, SMBIOS GUID, AD group and OU, plus a global name order so
 * membership lists can be kept sorted by name without string compares.
 */
export class DeviceTable {
  readonly rows: DeviceRecord[] = [];
  private readonly indexById = new Map<number, number>();
  private readonly lookups = new Map<LookupKind, Map<string, number[]>>();
  private order: NameOrder | null = null;

  constructor(devices: readonly DeviceRecord[] = []) {
    for (const device of devices) this.put(device);
  }

  get size(): number {
    return this.rows.length;
  }

  indexOf(resourceId: number): number | undefined {
    return this.indexById.get(resourceId);
  }

  byId(resourceId: number): DeviceRecord | undefined {
    const index = this.indexById.get(resourceId);
    return index === undefined ? undefined : this.rows[index];
  }

  /** Inserts or replaces (same ResourceId) a device; returns its row index. */
  put(device: DeviceRecord): number {
    const existing = this.indexById.get(device.resourceId);
    if (existing !== undefined) {
      this.rows[existing] = device;
      this.invalidate();
      return existing;
    }
    this.rows.push(device);
    const index = this.rows.length - 1;
    this.indexById.set(device.resourceId, index);
    this.invalidate();
    return index;
  }

  maxResourceId(): number {
    let max = 0;
    for (const row of this.rows) if (row.resourceId > max) max = row.resourceId;
    return max;
  }

  byName(name: string): number[] {
    return this.lookup('name').get(name.toUpperCase()) ?? [];
  }

  byMac(mac: string): number[] {
    return this.lookup('mac').get(normaliseMac(mac)) ?? [];
  }

  byGuid(guid: string): number[] {
    return this.lookup('guid').get(guid.toUpperCase()) ?? [];
  }

  byGroup(group: string): number[] {
    return this.lookup('group').get(group.toUpperCase()) ?? [];
  }

  byOu(ou: string): number[] {
    return this.lookup('ou').get(ou.toUpperCase()) ?? [];
  }

  /** Row indexes whose name starts with `prefix` (case-insensitive), in name order. */
  byNamePrefix(prefix: string): number[] {
    const { sortedUpper, byRank } = this.nameOrder();
    const upper = prefix.toUpperCase();
    let lo = 0;
    let hi = sortedUpper.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedUpper[mid] < upper) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let r = lo; r < sortedUpper.length && sortedUpper[r].startsWith(upper); r++) out.push(byRank[r]);
    return out;
  }

  /** Sorts row indexes by device name (case-insensitive, then ResourceId). */
  sortByName(indexes: ArrayLike<number>): Int32Array {
    const { rank, byRank } = this.nameOrder();
    const ranks = new Int32Array(indexes.length);
    for (let i = 0; i < indexes.length; i++) ranks[i] = rank[indexes[i]];
    ranks.sort();
    for (let i = 0; i < ranks.length; i++) ranks[i] = byRank[ranks[i]];
    return ranks;
  }

  /** Orders two names the way the lab sorts Name everywhere (see odata/compare.ts). */
  private nameOrder(): NameOrder {
    if (this.order) return this.order;
    const n = this.rows.length;
    const upper = this.rows.map((d) => d.name.toUpperCase());
    const indexes = Array.from({ length: n }, (_, i) => i);
    indexes.sort((a, b) => (upper[a] < upper[b] ? -1 : upper[a] > upper[b] ? 1 : this.rows[a].resourceId - this.rows[b].resourceId));
    const rank = new Int32Array(n);
    const byRank = new Int32Array(n);
    const sortedUpper: string[] = new Array<string>(n);
    indexes.forEach((row, r) => {
      rank[row] = r;
      byRank[r] = row;
      sortedUpper[r] = upper[row];
    });
    this.order = { rank, byRank, sortedUpper };
    return this.order;
  }

  /** Builds one index on first use (a big site only pays for the ones its queries touch). */
  private lookup(kind: LookupKind): Map<string, number[]> {
    const cached = this.lookups.get(kind);
    if (cached) return cached;
    const map = new Map<string, number[]>();
    const keys = LOOKUP_KEYS[kind];
    this.rows.forEach((d, i) => {
      for (const key of keys(d)) add(map, key, i);
    });
    this.lookups.set(kind, map);
    return map;
  }

  private invalidate(): void {
    this.lookups.clear();
    this.order = null;
  }
}

type LookupKind = 'name' | 'mac' | 'guid' | 'group' | 'ou';

const upperAll = (values: readonly string[]): string[] => values.map((v) => v.toUpperCase());
const LOOKUP_KEYS: Record<LookupKind, (d: DeviceRecord) => readonly string[]> = {
  name: (d) => [d.name.toUpperCase()],
  mac: (d) => d.macs.map(normaliseMac),
  guid: (d) => (d.smbiosGuid ? [d.smbiosGuid.toUpperCase()] : []),
  group: (d) => upperAll(d.groups),
  ou: (d) => upperAll(d.ous),
};

interface NameOrder {
  rank: Int32Array;
  byRank: Int32Array;
  sortedUpper: string[];
}

function add(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/** `00-15-5d-01-02-03` / `00155D010203` → `00:15:5D:01:02:03`; other text is upper-cased as is. */
export function normaliseMac(mac: string): string {
  if (mac.length === 17 && mac[2] === ':' && mac[14] === ':' && mac === mac.toUpperCase()) return mac;
  const hex = mac.replace(/[:\-.\s]/g, '').toUpperCase();
  if (/^[0-9A-F]{12}$/.test(hex)) return hex.match(/../g)!.join(':');
  return mac.toUpperCase();
}

import { DEVICE_PROPERTIES } from '../state/deviceProperties';
import type { DeviceRecord } from '../state/model';
import type { LabContext } from './context';
import type { Column, IndexedRows, LabClass } from './types';

/** SMS_R_System: the key is serialised `ResourceId` (reference §2.2). */
export function systemClass(ctx: LabContext): LabClass<DeviceRecord> {
  const { store } = ctx;
  const columns: Column<DeviceRecord>[] = DEVICE_PROPERTIES.map((p) => ({ name: p.name, type: p.type, edm: p.edm, get: (d: DeviceRecord) => p.get(d, store.site) }));
  const rowsOf = (indexes: readonly number[]): IndexedRows<DeviceRecord> => ({ rows: indexes.map((i) => store.devices.rows[i]) });
  return {
    name: 'SMS_R_System',
    keys: ['ResourceId'],
    columns,
    rows: () => store.devices.rows,
    findByKey: (key) => (typeof key.ResourceId === 'number' ? store.devices.byId(key.ResourceId) : undefined),
    lookup: (property, value) => {
      switch (property) {
        case 'ResourceId': {
          const device = typeof value === 'number' ? store.devices.byId(value) : undefined;
          return { rows: device ? [device] : [] };
        }
        case 'Name':
        case 'NetbiosName':
          return typeof value === 'string' ? rowsOf(store.devices.byName(value)) : null;
        case 'MACAddresses':
          return typeof value === 'string' ? rowsOf(store.devices.byMac(value)) : null;
        case 'SMBIOSGUID':
          return typeof value === 'string' ? rowsOf(store.devices.byGuid(value)) : null;
        default:
          return null;
      }
    },
  };
}

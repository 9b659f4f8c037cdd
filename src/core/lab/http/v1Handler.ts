import { col } from '../classes/helpers';
import { projectEntity } from '../classes/shape';
import { LabHttpError, type LabClass } from '../classes/types';
import { parseQueryOptions, runQuery, selectColumns } from '../odata/execute';
import type { DeviceRecord } from '../state/model';
import type { LabStore } from '../state/store';
import { v1Metadata } from './metadata';
import { errorResponse, type ApiRequest, type ApiResponse } from './types';

/** v1.0 `Device` (key `MachineId`): enough for list and get; actions are not emulated. */
export function deviceEntity(store: LabStore): LabClass<DeviceRecord> {
  return {
    name: 'Device',
    keys: ['MachineId'],
    columns: [
      col('MachineId', 'int', (d) => d.resourceId),
      col('Name', 'string', (d) => d.name),
      col('Domain', 'string', (d) => d.domain || null),
      col('SiteCode', 'string', (d) => (d.client ? store.site.siteCode : null)),
      col('ClientVersion', 'string', (d) => d.clientVersion),
      col('IsClient', 'bool', (d) => d.client === 1),
      col('IsActive', 'bool', (d) => d.active === 1),
      col('IsVirtualMachine', 'bool', (d) => d.isVirtual),
      col('SMBIOSGUID', 'string', (d) => d.smbiosGuid),
    ],
    rows: () => store.devices.rows,
    findByKey: (key) => (typeof key.MachineId === 'number' ? store.devices.byId(key.MachineId) : undefined),
    lookup: (property, value) => {
      if (property === 'MachineId' && typeof value === 'number') {
        const d = store.devices.byId(value);
        return { rows: d ? [d] : [] };
      }
      if (property === 'Name' && typeof value === 'string') return { rows: store.devices.byName(value).map((i) => store.devices.rows[i]) };
      return null;
    },
  };
}

/** The v1.0 route answers like a plain OData v4 service: a key GET returns the bare entity. */
export function handleV1(req: ApiRequest, store: LabStore): ApiResponse {
  const { route } = req;
  const base = `${req.baseUrl}/v1.0`;
  if (route.kind === 'notFound') return errorResponse(404, route.message);
  if (route.kind === 'metadata') return { status: 200, body: v1Metadata([deviceEntity(store)]), contentType: 'xml' };
  if (route.kind === 'staticMethod' || route.className.toLowerCase() !== 'device') {
    return errorResponse(404, `No HTTP resource was found that matches the request URI '${req.baseUrl}/v1.0/${route.className}'. (The lab emulates v1.0/Device only.)`);
  }
  if (route.method || route.count) return errorResponse(404, 'The lab does not emulate v1.0 Device actions or $count.');
  if (req.method !== 'GET') return errorResponse(405, `The requested resource does not support http method '${req.method}'.`);
  const device = deviceEntity(store);
  try {
    const options = parseQueryOptions(req.query);
    if (route.key) {
      const raw = route.key.kind === 'value' ? route.key.value : route.key.kind === 'segment' ? route.key.text : route.key.values.MachineId;
      const id = typeof raw === 'number' ? raw : /^\d+$/.test(String(raw)) ? Number(raw) : NaN;
      const row = device.findByKey({ MachineId: id });
      if (!row) return errorResponse(404, `No Device was found with MachineId ${String(raw)}.`);
      const columns = selectColumns(device, options.select);
      return { status: 200, body: { '@odata.context': `${base}/$metadata#Device/$entity`, ...projectEntity(columns ?? device.columns, row, true) } };
    }
    const { rows, columns } = runQuery(device, options);
    return { status: 200, body: { '@odata.context': `${base}/$metadata#Device`, value: rows.map((r) => projectEntity(columns ?? device.columns, r, false)) } };
  } catch (err) {
    if (err instanceof LabHttpError) return errorResponse(err.status, err.message);
    throw err;
  }
}

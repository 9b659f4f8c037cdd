import { randomUUID } from 'node:crypto';
import { wmiDate } from '../format';
import type { ClientOperationRecord, ClientOperationStatusRecord } from '../state/model';
import type { LabContext } from './context';
import { col, findParam, intParam, mapClass, providerError, stringParam } from './helpers';
import { LabHttpError, type CallContext, type LabClass } from './types';

/** InitiateClientOperation Type values known to the console (reference §2.7). */
export const CLIENT_OPERATION_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 20, 21, 22, 100, 125, 135, 145, 150]);

export function clientOperationClass(ctx: LabContext): LabClass<ClientOperationRecord> {
  const { store } = ctx;
  const cls = mapClass<ClientOperationRecord>({
    name: 'SMS_ClientOperation',
    key: 'ID',
    map: () => store.clientOperations,
    columns: [
      col('Actions', 'object[]', (o) => [{ '@odata.type': '#AdminService.SMS_ClientAction', Type: o.type, State: 1 }], true),
      col('CollectionID', 'string', (o) => o.collectionId),
      col('CreatedBy', 'string', (o) => o.createdBy),
      col('ID', 'int', (o) => o.id),
      col('PrimaryActionType', 'int', (o) => o.type),
      col('RequestedTime', 'datetime', (o) => wmiDate(o.requestedTime)),
      col('State', 'int', (o) => (store.clientOperationStatus.get(o.id)?.state === 0 ? 1 : 0)),
      col('TargetResourceIDs', 'int[]', (o) => o.targetResourceIds),
      col('TargetType', 'int', (o) => o.targetType),
      col('UniqueID', 'string', (o) => o.uniqueId),
    ],
  });
  const parameters = { Type: 'Edm.Int64', TargetCollectionID: 'Edm.String', RandomizationWindow: 'Edm.Int64', TargetResourceIDs: 'Collection(Edm.Int64)' };
  return { ...cls, staticMethods: { InitiateClientOperation: { parameters, call: (call) => initiate(ctx, call) } } };
}

export function clientOperationStatusClass(ctx: LabContext): LabClass<ClientOperationStatusRecord> {
  const { store } = ctx;
  return mapClass<ClientOperationStatusRecord>({
    name: 'SMS_ClientOperationStatus',
    key: 'ID',
    map: () => store.clientOperationStatus,
    columns: [
      col('CompletedClients', 'int', (s) => s.completedClients),
      col('FailedClients', 'int', (s) => s.failedClients),
      col('ID', 'int', (s) => s.id),
      col('IsExpired', 'bool', () => false),
      col('LastSummaryTime', 'datetime', (s) => wmiDate(s.lastSummaryTime)),
      col('OfflineClients', 'int', (s) => s.offlineClients),
      col('State', 'int', (s) => s.state),
      col('TotalClients', 'int', (s) => s.totalClients),
      col('TimeLastUpdated', 'datetime', (s) => wmiDate(s.lastSummaryTime)),
      col('Type', 'int', (s) => s.type),
      col('UnknownClients', 'int', (s) => s.unknownClients),
    ],
  });
}

/**
 * SMS_ClientOperation.InitiateClientOperation: Type must be a console action type, the target
 * collection must exist and the targets must be members of it (an empty TargetCollectionID
 * with explicit TargetResourceIDs is accepted, as community code uses it).
 */
function initiate(ctx: LabContext, call: CallContext): Record<string, unknown> {
  const { store } = ctx;
  const type = intParam(call.body, 'Type', true)!;
  const collectionId = (stringParam(call.body, 'TargetCollectionID', true) ?? '').toUpperCase();
  intParam(call.body, 'RandomizationWindow', false);
  const rawIds = findParam(call.body, 'TargetResourceIDs');
  if (rawIds !== undefined && rawIds !== null && (!Array.isArray(rawIds) || rawIds.some((v) => typeof v !== 'number' || !Number.isInteger(v)))) {
    throw new LabHttpError(400, "Cannot convert the value of parameter 'TargetResourceIDs' to Collection(Edm.Int64).");
  }
  const ids = (rawIds as number[] | undefined | null) ?? [];
  if (!CLIENT_OPERATION_TYPES.has(type)) throw providerError(`InitiateClientOperation failed: ${type} is not a valid client operation type. (0x80041008, WBEM_E_INVALID_PARAMETER)`);
  let targets: number[];
  if (collectionId) {
    const collection = store.collections.get(collectionId);
    if (!collection) throw providerError(`InitiateClientOperation failed: collection ${collectionId} was not found. (0x80041002, WBEM_E_NOT_FOUND)`);
    const members = new Set(Array.from(store.members.get(collectionId) ?? [], (row) => store.devices.rows[row].resourceId));
    const outside = ids.filter((id) => !members.has(id));
    if (outside.length) throw providerError(`InitiateClientOperation failed: resource ${outside.slice(0, 5).join(', ')} is not a member of collection ${collectionId}. (0x80041008)`);
    targets = ids.length ? [...new Set(ids)] : [...members];
  } else {
    if (!ids.length) throw providerError('InitiateClientOperation failed: TargetCollectionID is empty and no TargetResourceIDs were given. (0x80041008)');
    const missing = ids.filter((id) => !store.devices.byId(id));
    if (missing.length) throw providerError(`InitiateClientOperation failed: resource ${missing.slice(0, 5).join(', ')} does not exist. (0x80041002)`);
    targets = [...new Set(ids)];
  }
  const now = ctx.now();
  const operation: ClientOperationRecord = {
    id: store.nextOperationId(),
    type,
    collectionId,
    createdBy: call.user,
    requestedTime: now,
    targetResourceIds: targets,
    targetType: ids.length ? 1 : 0,
    uniqueId: `{${randomUUID().toUpperCase()}}`,
  };
  const status: ClientOperationStatusRecord = {
    id: operation.id,
    type,
    state: targets.length ? 0 : 3,
    totalClients: targets.length,
    completedClients: 0,
    failedClients: 0,
    offlineClients: 0,
    unknownClients: targets.length,
    lastSummaryTime: now,
  };
  store.apply({ t: 'clientOperation.put', operation, status });
  ctx.clients.dispatch(operation);
  return { OperationID: operation.id, ReturnValue: 0 };
}

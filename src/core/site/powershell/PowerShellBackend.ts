import { z } from 'zod';
import type { CancellationTokenLike } from '../../util/cancellation';
import { clientOperationByType } from '../clientOperations';
import type { CallOptions, ClientOperationRequest, DirectRuleInput, MachineEntryInput, SiteBackend } from '../contract';
import { SiteError } from '../errors';
import {
  COLLECTION_LIST_PROPERTIES,
  DEVICE_PROPERTIES,
  MEMBER_PROPERTIES,
  checkReturnValue,
  mapClientOperationId,
  mapCollection,
  mapCollectionDetail,
  mapCollectionFolders,
  mapCollectionMember,
  mapDeployment,
  mapDevice,
  mapImportMachineResult,
  mapSiteInfo,
  readProperty,
} from '../mapping';
import type { Collection, CollectionDetail, CollectionFolder, CollectionMember, Deployment, Device, ImportMachineResult, ListQuery, Page, SiteInfo } from '../model';
import { mergeDevices, resolveImportedResourceId, validateClientOperation, validateDeviceQuery, validateMachineEntry } from '../backendCommon';
import { normalizeFolderPath, validateCollectionId, validatePageQuery, validateResourceId, validateSearchText, validateSiteCode } from '../validation';
import { wqlAnd, wqlContains, wqlEquals, wqlOr } from '../wql';
import { parseScriptOutput, type ScriptContext } from './output';
import { NodePowerShellRunner, type PowerShellRunner } from './PowerShellRunner';
import { SCRIPTS, type ScriptName, type ScriptPayloads } from './scripts';

export interface PowerShellBackendOptions {
  /** SMS Provider host for `-ComputerName`. */
  providerHost: string;
  /** Found from SMS_ProviderLocation when omitted. */
  siteCode?: string;
  /** `pwsh`, `powershell.exe` or a full path. */
  executablePath?: string;
  timeoutMs?: number;
  /** Tests inject a runner that records scripts instead of running them. */
  runner?: PowerShellRunner;
}

const pageSchema = z.object({ items: z.array(z.unknown()), hasMore: z.boolean() });
const rowsSchema = z.array(z.unknown());

/**
 * SiteBackend over CIM (`Get-CimInstance` / `Invoke-CimMethod` against root\sms\site_<code>),
 * for Windows admins: it runs as the signed-in Windows user, so no password is handled here.
 */
export class PowerShellBackend implements SiteBackend {
  readonly kind = 'powershell' as const;
  private readonly runner: PowerShellRunner;
  private readonly provider: string;
  private siteCode: string | undefined;

  constructor(options: PowerShellBackendOptions) {
    this.provider = validateProviderHost(options.providerHost);
    this.siteCode = options.siteCode ? validateSiteCode(options.siteCode) : undefined;
    this.runner = options.runner ?? new NodePowerShellRunner({ executablePath: options.executablePath, timeoutMs: options.timeoutMs });
  }

  async getSiteInfo(options?: CallOptions): Promise<SiteInfo> {
    const siteCode = await this.resolveSiteCode(options?.token);
    const rows = rowsOf(
      await this.run('getSiteInfo', { Filter: wqlEquals('SiteCode', siteCode) }, { action: `read site ${siteCode}` }, options?.token),
    );
    if (rows.length === 0) throw new SiteError('notFound', `Site ${siteCode} was not found on ${this.provider}.`);
    return mapSiteInfo(rows[0], this.provider);
  }

  async listCollectionFolders(options?: CallOptions): Promise<CollectionFolder[]> {
    const data = await this.run('listCollectionFolders', { Filter: wqlEquals('ObjectType', 5000) }, { action: 'list collection folders' }, options?.token);
    return mapCollectionFolders(rowsOf(data));
  }

  async listCollections(query: ListQuery & { folderPath?: string }, options?: CallOptions): Promise<Page<Collection>> {
    const { top, skip } = validatePageQuery(query);
    const search = query.search ? validateSearchText(query.search) : undefined;
    const folderPath = query.folderPath !== undefined ? normalizeFolderPath(query.folderPath) : undefined;
    const filter = wqlAnd(wqlEquals('CollectionType', 2), folderPath !== undefined && wqlEquals('ObjectPath', folderPath), search && wqlContains('Name', search));
    const data = await this.run(
      'listCollections',
      { Filter: filter, Properties: [...COLLECTION_LIST_PROPERTIES], Skip: skip, Top: top },
      { action: folderPath ? `list the collections in folder ${folderPath}` : 'list collections' },
      options?.token,
    );
    return pageOf(data, top, skip, mapCollection);
  }

  async getCollection(collectionId: string, options?: CallOptions): Promise<CollectionDetail> {
    const id = validateCollectionId(collectionId);
    const notFound = `Collection ${id} was not found.`;
    const data = await this.run('getCollection', { Filter: wqlEquals('CollectionID', id) }, { action: `read collection ${id}`, notFound }, options?.token);
    if (data === null || data === undefined) throw new SiteError('notFound', notFound);
    return mapCollectionDetail(data);
  }

  async listCollectionMembers(collectionId: string, query: ListQuery, options?: CallOptions): Promise<Page<CollectionMember>> {
    const id = validateCollectionId(collectionId);
    const { top, skip } = validatePageQuery(query);
    const search = query.search ? validateSearchText(query.search) : undefined;
    const data = await this.run(
      'listCollectionMembers',
      { Filter: wqlAnd(wqlEquals('CollectionID', id), search && wqlContains('Name', search)), Properties: [...MEMBER_PROPERTIES], Skip: skip, Top: top },
      { action: `list the members of collection ${id}` },
      options?.token,
    );
    return pageOf(data, top, skip, mapCollectionMember);
  }

  async getDevice(resourceId: number, options?: CallOptions): Promise<Device> {
    const id = validateResourceId(resourceId);
    const notFound = `Device ${id} was not found.`;
    const data = await this.run('getDevice', { Filter: wqlEquals('ResourceID', id) }, { action: `read device ${id}`, notFound }, options?.token);
    if (data === null || data === undefined) throw new SiteError('notFound', notFound);
    return mapDevice(data);
  }

  async findDevices(query: { name?: string; macAddress?: string; smbiosGuid?: string }, options?: CallOptions): Promise<Device[]> {
    const valid = validateDeviceQuery(query);
    // SMS WQL compares an array property with `=` against each element (MACAddresses = '...').
    const filter = wqlOr(
      valid.name !== undefined && wqlEquals('Name', valid.name),
      valid.macAddress !== undefined && wqlEquals('MACAddresses', valid.macAddress),
      valid.smbiosGuid !== undefined && wqlEquals('SMBIOSGUID', valid.smbiosGuid),
    );
    const data = await this.run('findDevices', { Filter: filter, Properties: [...DEVICE_PROPERTIES] }, { action: 'look up devices' }, options?.token);
    return mergeDevices(rowsOf(data).map(mapDevice), valid);
  }

  async addDirectMembershipRule(collectionId: string, rule: DirectRuleInput, options?: CallOptions): Promise<void> {
    await this.membershipRule('addDirectMembershipRule', collectionId, rule, options?.token);
  }

  async removeDirectMembershipRule(collectionId: string, rule: DirectRuleInput, options?: CallOptions): Promise<void> {
    await this.membershipRule('removeDirectMembershipRule', collectionId, rule, options?.token);
  }

  async requestCollectionRefresh(collectionId: string, options?: CallOptions): Promise<void> {
    const id = validateCollectionId(collectionId);
    const context = { action: `refresh the membership of collection ${id}`, notFound: `Collection ${id} was not found.`, right: 'Modify Resource on the collection' };
    const data = await this.run('requestCollectionRefresh', { Filter: wqlEquals('CollectionID', id) }, context, options?.token);
    if (data === null || data === undefined) throw new SiteError('notFound', context.notFound);
    checkReturnValue(data, `refresh collection ${id}`);
  }

  async importMachineEntry(entry: MachineEntryInput, options?: CallOptions): Promise<ImportMachineResult> {
    const valid = validateMachineEntry(entry);
    const payload: Omit<ScriptPayloads['importMachineEntry'], 'Provider' | 'SiteCode'> = {
      NetbiosName: valid.name,
      OverwriteExistingRecord: valid.overwriteExistingRecord,
    };
    if (valid.macAddress) payload.MACAddress = valid.macAddress;
    if (valid.smbiosGuid) payload.SMBIOSGUID = valid.smbiosGuid;
    const data = await this.run('importMachineEntry', payload, { action: `import computer ${valid.name}`, right: 'Create on Collection (device import)' }, options?.token);
    checkReturnValue(data, `import computer ${valid.name}`);
    const result = mapImportMachineResult(data);
    const resourceId = result.resourceId ?? (await resolveImportedResourceId(this, valid, options?.token));
    return { resourceId, machineExists: result.machineExists };
  }

  async initiateClientOperation(request: ClientOperationRequest, options?: CallOptions): Promise<{ operationId: number }> {
    const valid = validateClientOperation(request);
    const label = clientOperationByType(valid.type)?.label ?? `type ${valid.type}`;
    const data = await this.run(
      'initiateClientOperation',
      { Type: valid.type, TargetCollectionID: valid.collectionId, TargetResourceIDs: valid.resourceIds },
      { action: `send "${label}" to collection ${valid.collectionId}`, right: 'Notify Resource on the collection', notFound: `Collection ${valid.collectionId} was not found.` },
      options?.token,
    );
    checkReturnValue(data, `send "${label}"`);
    return { operationId: mapClientOperationId(data) };
  }

  async listDeployments(collectionId: string, options?: CallOptions): Promise<Deployment[]> {
    const id = validateCollectionId(collectionId);
    const data = await this.run('listDeployments', { Filter: wqlEquals('CollectionID', id) }, { action: `list the deployments of collection ${id}` }, options?.token);
    return rowsOf(data)
      .map(mapDeployment)
      .sort((a, b) => a.softwareName.localeCompare(b.softwareName) || a.deploymentId.localeCompare(b.deploymentId));
  }

  dispose(): void {
    this.runner.dispose();
  }

  private async membershipRule(
    script: 'addDirectMembershipRule' | 'removeDirectMembershipRule',
    collectionId: string,
    rule: DirectRuleInput,
    token: CancellationTokenLike | undefined,
  ): Promise<void> {
    const id = validateCollectionId(collectionId);
    const resourceId = validateResourceId(rule.resourceId);
    const action =
      script === 'addDirectMembershipRule' ? `add a direct rule for device ${resourceId} to collection ${id}` : `remove the direct rule for device ${resourceId} from collection ${id}`;
    const context = { action, notFound: `Collection ${id} was not found.`, right: 'Modify Resource on the collection' };
    const data = await this.run(script, { Filter: wqlEquals('CollectionID', id), RuleName: String(rule.ruleName ?? ''), ResourceId: resourceId }, context, token);
    if (data === null || data === undefined) throw new SiteError('notFound', context.notFound);
    checkReturnValue(data, action);
  }

  private async run<K extends ScriptName>(
    name: K,
    values: Omit<ScriptPayloads[K], 'Provider' | 'SiteCode'>,
    context: Omit<ScriptContext, 'provider'>,
    token: CancellationTokenLike | undefined,
  ): Promise<unknown> {
    const siteCode = await this.resolveSiteCode(token);
    const payload = { Provider: this.provider, SiteCode: siteCode, ...values };
    const stdout = await this.runner.run({ operation: name, script: SCRIPTS[name], payload }, { token });
    return parseScriptOutput(stdout, { ...context, provider: this.provider });
  }

  private async resolveSiteCode(token: CancellationTokenLike | undefined): Promise<string> {
    if (this.siteCode) return this.siteCode;
    const stdout = await this.runner.run({ operation: 'discoverSiteCode', script: SCRIPTS.discoverSiteCode, payload: { Provider: this.provider } }, { token });
    const rows = rowsOf(parseScriptOutput(stdout, { action: 'find the site of this SMS Provider', provider: this.provider }));
    const code = rows.length > 0 ? readProperty(rows[0], 'SiteCode') : undefined;
    if (typeof code !== 'string') throw new SiteError('notFound', `${this.provider} does not report its site; set the site code in the site settings.`);
    this.siteCode = validateSiteCode(code);
    return this.siteCode;
  }
}

/** A host name or IP address, nothing that could be read as anything else. */
function validateProviderHost(value: string): string {
  const host = typeof value === 'string' ? value.trim() : '';
  if (!/^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(host) && !/^[0-9A-Fa-f:]+$/.test(host)) {
    throw new SiteError('invalidInput', `"${String(value)}" is not a host name for the SMS Provider.`);
  }
  return host;
}

function rowsOf(data: unknown): unknown[] {
  if (data === null || data === undefined) return [];
  const parsed = rowsSchema.safeParse(Array.isArray(data) ? data : [data]);
  if (!parsed.success) throw new SiteError('invalidResponse', 'PowerShell returned rows we do not understand.');
  return parsed.data;
}

function pageOf<T>(data: unknown, top: number, skip: number, map: (row: unknown) => T): Page<T> {
  const parsed = pageSchema.safeParse(data);
  if (!parsed.success) throw new SiteError('invalidResponse', 'PowerShell returned a page we do not understand.');
  return { items: parsed.data.items.slice(0, top).map(map), skip, top, hasMore: parsed.data.hasMore };
}

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
import type { RequestPurpose } from './httpErrors';
import { andFilters, containsFilter, entityPath, hasBackslash, longestBackslashFreePart, odataString } from './odata';
import { readAll, readPage, singleEntity, type PagedRead } from './paging';
import { AdminServiceTransport, type TransportOptions } from './transport';

export interface AdminServiceBackendOptions extends TransportOptions {
  /** The site to describe in getSiteInfo; found from the provider when omitted. */
  siteCode?: string;
}

/** SiteBackend over the AdminService REST API (wmi route), any OS. */
export class AdminServiceBackend implements SiteBackend {
  readonly kind = 'adminService' as const;
  private readonly transport: AdminServiceTransport;
  /** Set from the options, or found from the provider on first use. */
  private siteCode: string | undefined;

  constructor(options: AdminServiceBackendOptions, transport?: AdminServiceTransport) {
    this.siteCode = options.siteCode ? validateSiteCode(options.siteCode) : undefined;
    this.transport = transport ?? new AdminServiceTransport(options);
  }

  async getSiteInfo(options?: CallOptions): Promise<SiteInfo> {
    const token = options?.token;
    const siteCode = (this.siteCode ??= await this.discoverSiteCode(token));
    const notFound = `Site ${siteCode} was not found on this SMS Provider.`;
    const rows = await this.list('wmi/SMS_Site', { filter: `SiteCode eq ${odataString(siteCode)}` }, { action: `read site ${siteCode}`, notFound }, token, 10);
    if (rows.length === 0) throw new SiteError('notFound', notFound);
    return mapSiteInfo(rows[0], this.transport.host.replace(/:\d+$/, ''));
  }

  async listCollectionFolders(options?: CallOptions): Promise<CollectionFolder[]> {
    const rows = await this.list(
      'wmi/SMS_ObjectContainerNode',
      { filter: 'ObjectType eq 5000', select: ['ContainerNodeID', 'Name', 'ParentContainerNodeID', 'ObjectType', 'SearchFolder'], orderby: ['ContainerNodeID'] },
      { action: 'list collection folders' },
      options?.token,
      // Folders are read whole (a tree needs them all to nest), still one 500-row page per request.
      500,
    );
    return mapCollectionFolders(rows);
  }

  async listCollections(query: ListQuery & { folderPath?: string }, options?: CallOptions): Promise<Page<Collection>> {
    const { top, skip } = validatePageQuery(query);
    const search = query.search ? validateSearchText(query.search) : undefined;
    const folderPath = query.folderPath !== undefined ? normalizeFolderPath(query.folderPath) : undefined;
    const base = andFilters('CollectionType eq 2', folderPath !== undefined && `ObjectPath eq ${odataString(folderPath)}`);
    const read: PagedRead = {
      transport: this.transport,
      entitySet: 'wmi/SMS_Collection',
      query: { filter: base, select: COLLECTION_LIST_PROPERTIES, orderby: ['Name', 'CollectionID'] },
      purpose: { action: folderPath ? `list the collections in folder ${folderPath}` : 'list collections' },
      token: options?.token,
    };
    if (!search) return this.page(read, top, skip, mapCollection);
    if (!hasBackslash(search)) {
      return this.page({ ...read, query: { ...read.query, filter: andFilters(base, containsFilter('Name', search)) } }, top, skip, mapCollection);
    }
    return this.scanPage(read, base, search, top, skip);
  }

  async getCollection(collectionId: string, options?: CallOptions): Promise<CollectionDetail> {
    const id = validateCollectionId(collectionId);
    const purpose: RequestPurpose = { action: `read collection ${id}`, notFound: `Collection ${id} was not found.` };
    const response = await this.transport.request({ method: 'GET', path: `wmi/${entityPath('SMS_Collection', id)}`, purpose, idempotent: true, token: options?.token });
    return mapCollectionDetail(singleEntity(response.body, purpose));
  }

  async listCollectionMembers(collectionId: string, query: ListQuery, options?: CallOptions): Promise<Page<CollectionMember>> {
    const id = validateCollectionId(collectionId);
    const { top, skip } = validatePageQuery(query);
    const search = query.search ? validateSearchText(query.search) : undefined;
    // Device names cannot hold a backslash, so such a search matches nothing: no request needed.
    if (search && hasBackslash(search)) return { items: [], skip, top, hasMore: false };
    const read: PagedRead = {
      transport: this.transport,
      entitySet: 'wmi/SMS_FullCollectionMembership',
      query: {
        filter: andFilters(`CollectionID eq ${odataString(id)}`, search && containsFilter('Name', search)),
        select: MEMBER_PROPERTIES,
        // Device names repeat (duplicate records), so ResourceID keeps the order stable across pages.
        orderby: ['Name', 'ResourceID'],
      },
      purpose: { action: `list the members of collection ${id}` },
      token: options?.token,
    };
    return this.page(read, top, skip, mapCollectionMember);
  }

  async getDevice(resourceId: number, options?: CallOptions): Promise<Device> {
    const id = validateResourceId(resourceId);
    const purpose: RequestPurpose = { action: `read device ${id}`, notFound: `Device ${id} was not found.` };
    const response = await this.transport.request({ method: 'GET', path: `wmi/${entityPath('SMS_R_System', id)}`, purpose, idempotent: true, token: options?.token });
    return mapDevice(singleEntity(response.body, purpose));
  }

  async findDevices(query: { name?: string; macAddress?: string; smbiosGuid?: string }, options?: CallOptions): Promise<Device[]> {
    const { name, macAddress, smbiosGuid } = validateDeviceQuery(query);
    const filters = [
      name !== undefined && `Name eq ${odataString(name)}`,
      macAddress !== undefined && `MACAddresses/any(m: m eq ${odataString(macAddress)})`,
      smbiosGuid !== undefined && `SMBIOSGUID eq ${odataString(smbiosGuid)}`,
    ].filter((f): f is string => typeof f === 'string');
    const found: Device[] = [];
    // One query per criterion: simpler filters are the ones every provider build answers.
    for (const filter of filters) {
      const rows = await this.list('wmi/SMS_R_System', { filter, select: DEVICE_PROPERTIES, orderby: ['ResourceId'] }, { action: 'look up devices' }, options?.token, 500);
      found.push(...rows.map(mapDevice));
    }
    return mergeDevices(found, { name, macAddress, smbiosGuid });
  }

  async addDirectMembershipRule(collectionId: string, rule: DirectRuleInput, options?: CallOptions): Promise<void> {
    await this.membershipRule('AddMembershipRule', collectionId, rule, options?.token);
  }

  async removeDirectMembershipRule(collectionId: string, rule: DirectRuleInput, options?: CallOptions): Promise<void> {
    await this.membershipRule('DeleteMembershipRule', collectionId, rule, options?.token);
  }

  async requestCollectionRefresh(collectionId: string, options?: CallOptions): Promise<void> {
    const id = validateCollectionId(collectionId);
    const response = await this.transport.request({
      method: 'POST',
      path: `wmi/${entityPath('SMS_Collection', id)}/AdminService.RequestRefresh`,
      body: {},
      purpose: { action: `refresh the membership of collection ${id}`, notFound: `Collection ${id} was not found.`, right: 'Modify Resource on the collection' },
      // Asking twice for a refresh does no harm, so it may be retried like a read.
      idempotent: true,
      token: options?.token,
    });
    checkReturnValue(response.body, `refresh collection ${id}`);
  }

  async importMachineEntry(entry: MachineEntryInput, options?: CallOptions): Promise<ImportMachineResult> {
    const valid = validateMachineEntry(entry);
    const body: Record<string, unknown> = { NetbiosName: valid.name };
    if (valid.macAddress) body.MACAddress = valid.macAddress;
    if (valid.smbiosGuid) body.SMBIOSGUID = valid.smbiosGuid;
    body.OverwriteExistingRecord = valid.overwriteExistingRecord;
    const response = await this.transport.request({
      method: 'POST',
      path: 'wmi/SMS_Site.ImportMachineEntry',
      body,
      purpose: {
        action: `import computer ${valid.name}`,
        right: 'Create on Collection (device import)',
        verify: `Look for ${valid.name} (or its MAC/SMBIOS GUID) among the devices before importing again.`,
      },
      idempotent: false,
      token: options?.token,
    });
    checkReturnValue(response.body, `import computer ${valid.name}`);
    const result = mapImportMachineResult(response.body);
    const resourceId = result.resourceId ?? (await resolveImportedResourceId(this, valid, options?.token));
    return { resourceId, machineExists: result.machineExists };
  }

  async initiateClientOperation(request: ClientOperationRequest, options?: CallOptions): Promise<{ operationId: number }> {
    const valid = validateClientOperation(request);
    const body: Record<string, unknown> = { Type: valid.type, TargetCollectionID: valid.collectionId, RandomizationWindow: 1 };
    if (valid.resourceIds.length > 0) body.TargetResourceIDs = valid.resourceIds;
    const label = clientOperationByType(valid.type)?.label ?? `type ${valid.type}`;
    const response = await this.transport.request({
      method: 'POST',
      path: 'wmi/SMS_ClientOperation.InitiateClientOperation',
      body,
      purpose: {
        action: `send "${label}" to ${valid.resourceIds.length > 0 ? `${valid.resourceIds.length} device(s) of` : 'the members of'} collection ${valid.collectionId}`,
        right: 'Notify Resource on the collection',
        notFound: `Collection ${valid.collectionId} was not found.`,
        verify: 'Check Monitoring > Client Operations on the site before sending it again.',
      },
      idempotent: false,
      token: options?.token,
    });
    checkReturnValue(response.body, `send "${label}"`);
    return { operationId: mapClientOperationId(response.body) };
  }

  async listDeployments(collectionId: string, options?: CallOptions): Promise<Deployment[]> {
    const id = validateCollectionId(collectionId);
    const rows = await this.list(
      'wmi/SMS_DeploymentSummary',
      { filter: `CollectionID eq ${odataString(id)}`, orderby: ['DeploymentID'] },
      { action: `list the deployments of collection ${id}` },
      options?.token,
      500,
    );
    return rows.map(mapDeployment).sort((a, b) => a.softwareName.localeCompare(b.softwareName) || a.deploymentId.localeCompare(b.deploymentId));
  }

  dispose(): void {
    this.transport.dispose();
  }

  private async membershipRule(method: 'AddMembershipRule' | 'DeleteMembershipRule', collectionId: string, rule: DirectRuleInput, token: CancellationTokenLike | undefined): Promise<void> {
    const id = validateCollectionId(collectionId);
    const resourceId = validateResourceId(rule.resourceId);
    const adding = method === 'AddMembershipRule';
    const action = adding ? `add a direct rule for device ${resourceId} to collection ${id}` : `remove the direct rule for device ${resourceId} from collection ${id}`;
    const response = await this.transport.request({
      method: 'POST',
      path: `wmi/${entityPath('SMS_Collection', id)}/AdminService.${method}`,
      body: {
        collectionRule: {
          '@odata.type': '#AdminService.SMS_CollectionRuleDirect',
          ResourceClassName: 'SMS_R_System',
          RuleName: String(rule.ruleName ?? ''),
          ResourceID: resourceId,
        },
      },
      purpose: {
        action,
        notFound: `Collection ${id} was not found.`,
        right: 'Modify Resource on the collection',
        verify: `Open collection ${id} and check its membership rules before trying again.`,
      },
      idempotent: false,
      token,
    });
    checkReturnValue(response.body, action);
  }

  private async page<T>(read: PagedRead, top: number, skip: number, map: (row: unknown) => T): Promise<Page<T>> {
    const page = await readPage(read, top, skip);
    return { items: page.rows.map(map), skip, top, hasMore: page.hasMore };
  }

  /**
   * Search text with a backslash: the site is asked for its longest backslash-free piece (a
   * backslash in a filter literal has made real sites answer 404) and the rest is matched here.
   * Pages are read one request at a time until this page is full.
   */
  private async scanPage(read: PagedRead, base: string | undefined, search: string, top: number, skip: number): Promise<Page<Collection>> {
    const piece = longestBackslashFreePart(search);
    const scan: PagedRead = { ...read, query: { ...read.query, filter: andFilters(base, piece && containsFilter('Name', piece)) } };
    const needle = search.toLowerCase();
    const matches: Collection[] = [];
    const pageSize = Math.max(top, 100);
    for (let serverSkip = 0; ; serverSkip += pageSize) {
      const page = await readPage(scan, pageSize, serverSkip);
      matches.push(...page.rows.map(mapCollection).filter((c) => c.name.toLowerCase().includes(needle)));
      if (matches.length > skip + top || !page.hasMore) break;
    }
    return { items: matches.slice(skip, skip + top), skip, top, hasMore: matches.length > skip + top };
  }

  private list(entitySet: string, query: PagedRead['query'], purpose: RequestPurpose, token: CancellationTokenLike | undefined, pageSize: number): Promise<unknown[]> {
    return readAll({ transport: this.transport, entitySet, query, purpose, token }, pageSize);
  }

  /** The provider's own site: SMS_ProviderLocation.ProviderForLocalSite, else the only SMS_Site. */
  private async discoverSiteCode(token: CancellationTokenLike | undefined): Promise<string> {
    const sites = await this.list('wmi/SMS_Site', { select: ['SiteCode'] }, { action: 'list sites' }, token, 50);
    if (sites.length === 1) return validateSiteCode(String(readProperty(sites[0], 'SiteCode') ?? ''));
    const providers = await this.list(
      'wmi/SMS_ProviderLocation',
      { filter: 'ProviderForLocalSite eq true' },
      { action: 'find the site of this SMS Provider' },
      token,
      50,
    );
    const code = providers.length > 0 ? readProperty(providers[0], 'SiteCode') : undefined;
    if (typeof code !== 'string') throw new SiteError('notFound', 'This SMS Provider serves several sites; set the site code in the site settings.');
    return validateSiteCode(code);
  }
}

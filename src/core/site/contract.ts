import type { CancellationTokenLike } from '../util/cancellation';
import type {
  Collection,
  CollectionDetail,
  CollectionFolder,
  CollectionMember,
  Deployment,
  Device,
  ImportMachineResult,
  ListQuery,
  Page,
  SiteInfo,
} from './model';

export interface CallOptions {
  token?: CancellationTokenLike;
}

/** What the product needs of a site. Implemented by the AdminService and PowerShell backends. */
export interface SiteBackend {
  readonly kind: 'adminService' | 'powershell';

  getSiteInfo(options?: CallOptions): Promise<SiteInfo>;

  /** Every device-collection folder of the console (SMS_ObjectContainerNode, ObjectType 5000). */
  listCollectionFolders(options?: CallOptions): Promise<CollectionFolder[]>;

  /**
   * Device collections, ordered by name. `folderPath` limits the list to one console folder
   * (`/` = the root); without it, every device collection (search across folders).
   */
  listCollections(query: ListQuery & { folderPath?: string }, options?: CallOptions): Promise<Page<Collection>>;

  /** One collection with its lazy properties (membership rules). 404 → SiteError kind 'notFound'. */
  getCollection(collectionId: string, options?: CallOptions): Promise<CollectionDetail>;

  /** Members of a collection, ordered by name, one page at a time. */
  listCollectionMembers(collectionId: string, query: ListQuery, options?: CallOptions): Promise<Page<CollectionMember>>;

  getDevice(resourceId: number, options?: CallOptions): Promise<Device>;

  /** Devices matching any of the given name (exact, case-insensitive), MAC or SMBIOS GUID. */
  findDevices(query: { name?: string; macAddress?: string; smbiosGuid?: string }, options?: CallOptions): Promise<Device[]>;

  addDirectMembershipRule(collectionId: string, rule: DirectRuleInput, options?: CallOptions): Promise<void>;

  removeDirectMembershipRule(collectionId: string, rule: DirectRuleInput, options?: CallOptions): Promise<void>;

  /** SMS_Collection.RequestRefresh: membership is re-evaluated asynchronously by the site. */
  requestCollectionRefresh(collectionId: string, options?: CallOptions): Promise<void>;

  /** SMS_Site.ImportMachineEntry. */
  importMachineEntry(entry: MachineEntryInput, options?: CallOptions): Promise<ImportMachineResult>;

  /** SMS_ClientOperation.InitiateClientOperation (fast-channel client notification). */
  initiateClientOperation(request: ClientOperationRequest, options?: CallOptions): Promise<{ operationId: number }>;

  /** SMS_DeploymentSummary rows targeting the collection. */
  listDeployments(collectionId: string, options?: CallOptions): Promise<Deployment[]>;

  dispose(): void;
}

export interface DirectRuleInput {
  resourceId: number;
  /** Usually the device name. */
  ruleName: string;
}

export interface MachineEntryInput {
  name: string;
  /** Any common MAC form; the backend sends the colon form. */
  macAddress?: string;
  smbiosGuid?: string;
  overwriteExistingRecord: boolean;
}

export interface ClientOperationRequest {
  /** InitiateClientOperation Type, see clientOperations.ts. */
  type: number;
  /** TargetCollectionID: a collection the targets are members of. */
  collectionId: string;
  /** TargetResourceIDs; empty = the whole collection. */
  resourceIds: number[];
}

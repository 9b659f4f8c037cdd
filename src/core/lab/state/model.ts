/**
 * Records the lab keeps in memory. Field names are the lab's own; the WMI shapes (casing,
 * system properties) are produced by the class modules in ../classes.
 */

export interface SiteRecord {
  siteCode: string;
  siteName: string;
  /** NetBIOS name of the SMS Provider (`__SERVER`). */
  serverNetbios: string;
  serverFqdn: string;
  version: string;
  buildNumber: number;
  /** `{GUID}` returned by SMS_Identification.GetSiteID. */
  siteGuid: string;
  domain: string;
  dnsDomain: string;
}

/** One SMS_R_System row. Times are epoch milliseconds. */
export interface DeviceRecord {
  resourceId: number;
  name: string;
  domain: string;
  macs: string[];
  smbiosGuid: string | null;
  ipAddresses: string[];
  ipSubnets: string[];
  os: string | null;
  build: string | null;
  client: number;
  active: number;
  obsolete: number;
  decommissioned: number;
  clientVersion: string | null;
  clientType: number | null;
  lastLogonUser: string | null;
  lastLogonUserDomain: string | null;
  lastLogonTimestamp: number | null;
  adSite: string | null;
  /** SystemOUName values, most specific last (`LAB.LOCAL/LONDON/WORKSTATIONS`). */
  ous: string[];
  distinguishedName: string | null;
  /** SystemGroupName values (`LAB\APP-7Zip-Install`). */
  groups: string[];
  isVirtual: boolean;
  smsUid: string | null;
  creationDate: number;
  /** How the record was made: AD discovery + heartbeat, or ImportMachineEntry. */
  discovery: 'discovered' | 'imported';
}

export type RuleRecord =
  | { kind: 'direct'; ruleName: string; resourceClassName: string; resourceId: number }
  | { kind: 'query'; ruleName: string; queryId: number; queryExpression: string }
  | { kind: 'include'; ruleName: string; collectionId: string }
  | { kind: 'exclude'; ruleName: string; collectionId: string };

export interface ScheduleToken {
  '@odata.type': string;
  [property: string]: unknown;
}

export interface CollectionRecord {
  collectionId: string;
  name: string;
  comment: string;
  /** 1 user, 2 device. */
  collectionType: number;
  limitToCollectionId: string | null;
  rules: RuleRecord[];
  /** 1 manual, 2 periodic, 4 incremental, 6 both. */
  refreshType: number;
  refreshSchedule: ScheduleToken[];
  isBuiltIn: boolean;
  /** ContainerNodeID of the console folder; 0 at the root. */
  folderId: number;
  createdTime: number;
  lastChangeTime: number;
  lastRefreshTime: number | null;
  lastMemberChangeTime: number | null;
  /** SMS_Collection.CurrentStatus: 1 ready, 5 awaiting refresh. */
  currentStatus: number;
  fullEvaluationRunTime: number;
  fullEvaluationMemberChanges: number;
}

export interface FolderRecord {
  containerNodeId: number;
  name: string;
  parentContainerNodeId: number;
  objectType: number;
  /** Console path of the folder itself (`/Servers/Patch`). */
  path: string;
  folderGuid: string;
}

export type AppFailure = { kind: 'exitCode'; exitCode: number } | { kind: 'notDetected' };

export interface ApplicationRecord {
  ciId: number;
  ciUniqueId: string;
  modelName: string;
  name: string;
  version: string;
  manufacturer: string;
  deploymentTypeName: string;
  deploymentTypeId: string;
  installCommand: string;
  /** MSI product code used by detection, or null for a script/file detection. */
  productCode: string | null;
  contentId: string;
  revision: number;
  failure: AppFailure | null;
  dateCreated: number;
  createdBy: string;
}

export interface PackageRecord {
  packageId: string;
  name: string;
  description: string;
  /** 0 package/program, 4 task sequence. */
  packageType: number;
  programName: string;
  commandLine: string;
  bootImageId: string;
  sourceDate: number;
}

export interface AppAssignmentRecord {
  assignmentId: number;
  assignmentUniqueId: string;
  assignmentName: string;
  ciId: number;
  collectionId: string;
  /** 0 required, 2 available. */
  offerTypeId: number;
  startTime: number;
  enforcementDeadline: number | null;
  creationTime: number;
}

export interface AdvertisementRecord {
  advertisementId: string;
  advertisementName: string;
  collectionId: string;
  packageId: string;
  programName: string;
  /** 0 required, 2 available. */
  offerType: number;
  presentTime: number;
}

export interface DeploymentCounts {
  targeted: number;
  success: number;
  errors: number;
  inProgress: number;
  unknown: number;
  other: number;
  summarizationTime: number;
}

export interface ClientOperationRecord {
  id: number;
  type: number;
  collectionId: string;
  createdBy: string;
  requestedTime: number;
  targetResourceIds: number[];
  /** 0 current members, 1 specific clients. */
  targetType: number;
  uniqueId: string;
}

export interface ClientOperationStatusRecord {
  id: number;
  type: number;
  /** 0 unknown, 1 n/a, 2 failed, 3 succeeded. */
  state: number;
  totalClients: number;
  completedClients: number;
  failedClients: number;
  offlineClients: number;
  unknownClients: number;
  lastSummaryTime: number;
}

/** What a seed produces before any evaluation; also the shape persisted parameters regenerate. */
export interface SiteContent {
  site: SiteRecord;
  devices: DeviceRecord[];
  folders: FolderRecord[];
  collections: CollectionRecord[];
  applications: ApplicationRecord[];
  packages: PackageRecord[];
  assignments: AppAssignmentRecord[];
  advertisements: AdvertisementRecord[];
  /** CI_IDs already installed per ResourceID when the site was generated. */
  installedApps: Array<[number, number[]]>;
  /** Fixed "now" of the generated site (keeps generation deterministic). */
  generatedAt: number;
}

/**
 * What the product knows about a ConfigMgr site, normalised from AdminService JSON or
 * PowerShell/CIM output. Names follow SCCM's own (CollectionID, ResourceID, SMBIOS GUID).
 */

export interface SiteInfo {
  siteCode: string;
  siteName: string;
  /** e.g. `5.00.9128.1000` */
  version: string;
  buildNumber: number | null;
  /** SMS Provider host the backend talks to. */
  providerHost: string;
}

/** A console folder for device collections (SMS_ObjectContainerNode, ObjectType 5000). */
export interface CollectionFolder {
  /** ContainerNodeID */
  id: number;
  name: string;
  /** ParentContainerNodeID; 0 at the root. */
  parentId: number;
  /** Console path of the folder, e.g. `/Servers/Patching` (matches SMS_Collection.ObjectPath). */
  path: string;
}

export type CollectionType = 'device' | 'user' | 'other';

export interface Collection {
  /** CollectionID, e.g. `PS100012` or `SMS00001`. */
  id: string;
  name: string;
  comment: string;
  type: CollectionType;
  memberCount: number;
  limitingCollectionId: string | null;
  limitingCollectionName: string | null;
  /** ISO UTC, or null when never refreshed (the provider reports 1970/1980 dates). */
  lastRefreshTime: string | null;
  lastMemberChangeTime: string | null;
  /**
   * 1 manual, 2 periodic, 4 incremental, 6 both; 0 when not known. RefreshType is a lazy WMI
   * property: lists do not carry it (0), getCollection does.
   */
  refreshType: number;
  /** SMS_Collection.CurrentStatus: 1 ready, 2 refreshing, 5 awaiting refresh, ... */
  currentStatus: number;
  isBuiltIn: boolean;
  /** Console folder path (`/` at the root), from SMS_Collection.ObjectPath. */
  folderPath: string;
}

export type CollectionRule =
  | { kind: 'direct'; ruleName: string; resourceId: number; resourceClassName: string }
  | { kind: 'query'; ruleName: string; queryId: number; queryExpression: string }
  | { kind: 'include'; ruleName: string; collectionId: string }
  | { kind: 'exclude'; ruleName: string; collectionId: string };

export interface CollectionDetail extends Collection {
  rules: CollectionRule[];
}

/** A row of SMS_FullCollectionMembership. */
export interface CollectionMember {
  resourceId: number;
  name: string;
  isClient: boolean;
  isActive: boolean;
  /** Member through a direct rule. */
  isDirect: boolean;
  isObsolete: boolean;
  domain: string;
  siteCode: string;
  clientVersion: string | null;
}

/** SMS_R_System, the properties an admin looks at. */
export interface Device {
  resourceId: number;
  name: string;
  netbiosName: string;
  domain: string;
  clientInstalled: boolean;
  clientActive: boolean;
  clientVersion: string | null;
  obsolete: boolean;
  /** Colon form `00:15:5D:01:02:03`, upper case. */
  macAddresses: string[];
  /** Upper-case GUID without braces, or null. */
  smbiosGuid: string | null;
  ipAddresses: string[];
  operatingSystem: string | null;
  lastLogonUser: string | null;
  lastLogonUserDomain: string | null;
  adSiteName: string | null;
  distinguishedName: string | null;
  /** SMS_R_System.SMSUniqueIdentifier (`GUID:...`). */
  smsUniqueIdentifier: string | null;
  creationDate: string | null;
}

export type DeploymentFeature =
  | 'application'
  | 'program'
  | 'taskSequence'
  | 'softwareUpdate'
  | 'baseline'
  | 'script'
  | 'other';

export type DeploymentIntent = 'required' | 'available' | 'simulate' | 'unknown';

/** A row of SMS_DeploymentSummary. */
export interface Deployment {
  deploymentId: string;
  softwareName: string;
  collectionId: string;
  collectionName: string;
  feature: DeploymentFeature;
  /** SMS_DeploymentSummary.FeatureType as sent by the site. */
  featureType: number;
  intent: DeploymentIntent;
  /** AssignmentID for applications, null otherwise. */
  assignmentId: number | null;
  /** CI_ID of the application, null otherwise. */
  ciId: number | null;
  /** PackageID for programs and task sequences, null otherwise. */
  packageId: string | null;
  programName: string | null;
  deploymentTime: string | null;
  enforcementDeadline: string | null;
  numberTargeted: number;
  numberSuccess: number;
  numberErrors: number;
  numberInProgress: number;
  numberUnknown: number;
  numberOther: number;
}

/** Result of SMS_Site.ImportMachineEntry. */
export interface ImportMachineResult {
  resourceId: number;
  machineExists: boolean;
}

/** A page of a listing. Paging is `$top`/`$skip` with a stable order (no server cursors). */
export interface Page<T> {
  items: T[];
  skip: number;
  top: number;
  /** True when the site may hold more rows after this page. */
  hasMore: boolean;
}

export interface ListQuery {
  /** Page size (the tree asks for 500). */
  top: number;
  skip?: number;
  /** Case-insensitive substring of the name (escaped by the backend). */
  search?: string;
}

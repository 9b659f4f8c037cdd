/**
 * Every id the extension contributes, in one place. A unit test compares these with
 * package.json so a renamed command cannot silently lose its menu entries.
 */
export const EXTENSION_ID = 'sccm-workbench.sccm-workbench';

export const Views = {
  container: 'sccm',
  sites: 'sccm.views.sites',
} as const;

export const Commands = {
  showOutput: 'sccm.showOutput',
  siteAdd: 'sccm.site.add',
  siteRemove: 'sccm.site.remove',
  siteSignIn: 'sccm.site.signIn',
  siteSignOut: 'sccm.site.signOut',
  siteOpenLab: 'sccm.site.openLab',
  explorerRefresh: 'sccm.explorer.refresh',
  explorerFilter: 'sccm.explorer.filter',
  explorerClearFilter: 'sccm.explorer.clearFilter',
  explorerLoadMore: 'sccm.explorer.loadMore',
  collectionCopyId: 'sccm.collection.copyId',
  collectionUpdateMembership: 'sccm.collection.updateMembership',
  collectionShowDeployments: 'sccm.collection.showDeployments',
  deviceCopyName: 'sccm.device.copyName',
  deviceShowProperties: 'sccm.device.showProperties',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const ContextKeys = {
  hasSites: 'sccm:hasSites',
  filtered: 'sccm:filtered',
} as const;

/** URI scheme of the read-only site documents (device properties, deployments). */
export const SITE_DOCUMENT_SCHEME = 'sccm-site';

/** Commands of the log editor features (src/logs); kept apart from `Commands`, whose union the Sites handlers enumerate. */
export const LogCommands = {
  lookUpErrorCode: 'sccm.logs.lookUpErrorCode',
  nextError: 'sccm.logs.nextError',
  previousError: 'sccm.logs.previousError',
  toggleAnnotations: 'sccm.logs.toggleAnnotations',
  scanWorkspace: 'sccm.logs.scanWorkspace',
  explainFinding: 'sccm.logs.explainFinding',
  copyRemediation: 'sccm.logs.copyRemediation',
  openReference: 'sccm.logs.openReference',
  /** The log viewer (registered by registerWebviews); the SCCM log status bar item opens it. */
  openViewer: 'sccm.logs.openViewer',
} as const;

export type LogCommandId = (typeof LogCommands)[keyof typeof LogCommands];

/** The log viewer and task-sequence timeline webviews (src/webviews). */
export const ViewerCommands = {
  openViewer: LogCommands.openViewer,
  mergeLogs: 'sccm.logs.mergeLogs',
  showTimeline: 'sccm.logs.showTimeline',
} as const;

/** View types: the custom editor (package.json `customEditors`), the viewer panel and the timeline panel. */
export const ViewerViewTypes = {
  customEditor: 'sccm.logViewer',
  panel: 'sccm.logViewerPanel',
  timeline: 'sccm.taskSequenceTimeline',
} as const;

/** Language of CMTrace and legacy SMS trace logs (package.json `languages`). */
export const SCCM_LOG_LANGUAGE_ID = 'sccm-log';

/** `source` of every diagnostic the log features publish. */
export const LOG_DIAGNOSTIC_SOURCE = 'SCCM';

/** URI scheme of the read-only finding explanations opened beside a log. */
export const FINDING_DOCUMENT_SCHEME = 'sccm-finding';

export const OUTPUT_CHANNEL_NAME = 'SCCM Workbench';

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
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const ContextKeys = {
  hasSites: 'sccm:hasSites',
} as const;

export const OUTPUT_CHANNEL_NAME = 'SCCM Workbench';

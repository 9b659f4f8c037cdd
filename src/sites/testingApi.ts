import type * as vscode from 'vscode';
import type { LabFaults } from '../core/lab/labSite';
import type { AskedPrompt, PromptAnswer, ScriptedUserInput } from '../platform/userInput';
import type { SitesTreeNode } from '../tree/nodes/SitesTreeNode';
import type { SitesServices } from './commands/SitesServices';
import { siteHost } from './siteEntry';
import type { SiteStatusBar } from './SiteStatusBar';

/**
 * Hooks for the integration tests (only when SCCM_TEST_RUN=1): the tree as VS Code sees it,
 * scripted answers for prompts, and the lab's fault injection. No credential is exposed.
 */
export interface SitesTestingApi {
  /** The Sites view's data provider (getChildren / getTreeItem / resolveTreeItem / getParent). */
  readonly tree: vscode.TreeDataProvider<SitesTreeNode>;
  /** Answers for the next prompts, in order (undefined: none; an unanswered prompt fails the command). */
  answerPrompts(answers: PromptAnswer[] | undefined): void;
  /** Prompts asked since the last answerPrompts. */
  askedPrompts(): readonly AskedPrompt[];
  /** The view's description (shows the filter). */
  viewDescription(): string | undefined;
  statusBarText(): string | undefined;
  /** Whether SecretStorage holds a password for the site's account (never the password itself). */
  hasStoredPassword(siteName: string): Promise<boolean>;
  lab: {
    readonly running: boolean;
    readonly baseUrl: string | undefined;
    readonly dataDir: string;
    /** SHA-1 thumbprint of the lab certificate (public), to pin in a hand-made site entry. */
    readonly certificateThumbprint: string | undefined;
    setFaults(faults: LabFaults): void;
  };
}

export function createSitesTestingApi(services: SitesServices, scripted: ScriptedUserInput, statusBar: SiteStatusBar): SitesTestingApi {
  const { lab } = services;
  return {
    tree: services.tree,
    answerPrompts: (answers) => scripted.script(answers),
    askedPrompts: () => [...scripted.asked],
    viewDescription: () => services.view.description,
    statusBarText: () => statusBar.text,
    hasStoredPassword: async (siteName) => {
      const entry = services.settings.find(siteName);
      const host = entry && siteHost(entry);
      return !!(entry?.userName && host && (await services.credentials.hasPassword(host, entry.userName)));
    },
    lab: {
      get running() {
        return lab.isRunning;
      },
      get baseUrl() {
        return lab.baseUrl;
      },
      get dataDir() {
        return lab.dataDir;
      },
      get certificateThumbprint() {
        return lab.certificateThumbprint;
      },
      setFaults: (faults) => lab.setFaults(faults),
    },
  };
}

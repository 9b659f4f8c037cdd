import type * as vscode from 'vscode';
import type { Logger } from '../../platform/logger';
import type { UserInput } from '../../platform/userInput';
import type { SitesTreeNode } from '../../tree/nodes/SitesTreeNode';
import type { SitesTreeProvider } from '../../tree/SitesTreeProvider';
import type { CredentialStore } from '../CredentialStore';
import type { LabSiteHost } from '../LabSiteHost';
import type { SiteConnections } from '../SiteConnections';
import type { SiteDocumentProvider } from '../SiteDocumentProvider';
import type { SiteSettings } from '../SiteSettings';

/** Everything the site commands use, passed explicitly (no module-level globals). */
export interface SitesServices {
  logger: Logger;
  settings: SiteSettings;
  credentials: CredentialStore;
  connections: SiteConnections;
  lab: LabSiteHost;
  tree: SitesTreeProvider;
  view: vscode.TreeView<SitesTreeNode>;
  ui: UserInput;
  documents: SiteDocumentProvider;
}

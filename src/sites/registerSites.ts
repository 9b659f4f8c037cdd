import * as path from 'node:path';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { Commands, ContextKeys, Views, type CommandId } from '../constants';
import { createSiteBackend } from '../core/site/siteConfig';
import type { Logger } from '../platform/logger';
import { ScriptedUserInput, VsCodeUserInput, type UserInput } from '../platform/userInput';
import type { SitesTreeNode } from '../tree/nodes/SitesTreeNode';
import { SitesTreeProvider } from '../tree/SitesTreeProvider';
import { addSite } from './commands/addSite';
import { clearFilter } from './commands/clearFilter';
import { copyCollectionId } from './commands/copyCollectionId';
import { copyDeviceName } from './commands/copyDeviceName';
import { filter } from './commands/filter';
import { loadMore } from './commands/loadMore';
import { openLab } from './commands/openLab';
import { refresh } from './commands/refresh';
import { removeSite } from './commands/removeSite';
import { runSiteAction, type SiteActionContext } from './commands/runSiteAction';
import { showDeployments } from './commands/showDeployments';
import { showDeviceProperties } from './commands/showDeviceProperties';
import { signIn } from './commands/signIn';
import { signOut } from './commands/signOut';
import type { SitesServices } from './commands/SitesServices';
import { updateMembership } from './commands/updateMembership';
import { CredentialStore } from './CredentialStore';
import { LabSiteHost } from './LabSiteHost';
import { SiteConnections } from './SiteConnections';
import { SiteDocumentProvider } from './SiteDocumentProvider';
import { credentialKey, siteHost } from './siteEntry';
import { SiteSettings } from './SiteSettings';
import { SiteStatusBar } from './SiteStatusBar';
import { createSitesTestingApi, type SitesTestingApi } from './testingApi';

type Handler = (services: SitesServices, ctx: SiteActionContext, ...args: unknown[]) => Promise<void>;

/** Each command's handler; every one runs through runSiteAction (error policy, cancellation). */
const HANDLERS: Record<Exclude<CommandId, typeof Commands.showOutput>, Handler> = {
  [Commands.siteAdd]: (s, ctx) => addSite(s, ctx),
  [Commands.siteRemove]: (s, ctx, node) => removeSite(s, ctx, node),
  [Commands.siteSignIn]: (s, ctx, node) => signIn(s, ctx, node),
  [Commands.siteSignOut]: (s, ctx, node) => signOut(s, ctx, node),
  [Commands.siteOpenLab]: (s, ctx) => openLab(s, ctx),
  [Commands.explorerRefresh]: (s, _ctx, node) => refresh(s, node),
  [Commands.explorerFilter]: (s, _ctx, text) => filter(s, text),
  [Commands.explorerClearFilter]: (s) => clearFilter(s),
  [Commands.explorerLoadMore]: (s, ctx, node) => loadMore(s, ctx, node),
  [Commands.collectionCopyId]: (s, ctx, node, nodes) => copyCollectionId(s, ctx, node, nodes),
  [Commands.collectionUpdateMembership]: (s, ctx, node, nodes) => updateMembership(s, ctx, node, nodes),
  [Commands.collectionShowDeployments]: (s, ctx, node, nodes) => showDeployments(s, ctx, node, nodes),
  [Commands.deviceCopyName]: (s, ctx, node, nodes) => copyDeviceName(s, ctx, node, nodes),
  [Commands.deviceShowProperties]: (s, ctx, node, nodes) => showDeviceProperties(s, ctx, node, nodes),
};

/** Titles for error messages, localised when a command runs. */
const COMMAND_TITLES: Record<keyof typeof HANDLERS, () => string> = {
  [Commands.siteAdd]: () => vscode.l10n.t('Add Site'),
  [Commands.siteRemove]: () => vscode.l10n.t('Remove Site'),
  [Commands.siteSignIn]: () => vscode.l10n.t('Sign In'),
  [Commands.siteSignOut]: () => vscode.l10n.t('Forget Credentials'),
  [Commands.siteOpenLab]: () => vscode.l10n.t('Open Lab Site'),
  [Commands.explorerRefresh]: () => vscode.l10n.t('Refresh'),
  [Commands.explorerFilter]: () => vscode.l10n.t('Filter Collections'),
  [Commands.explorerClearFilter]: () => vscode.l10n.t('Clear Filter'),
  [Commands.explorerLoadMore]: () => vscode.l10n.t('Load More'),
  [Commands.collectionCopyId]: () => vscode.l10n.t('Copy Collection ID'),
  [Commands.collectionUpdateMembership]: () => vscode.l10n.t('Update Membership'),
  [Commands.collectionShowDeployments]: () => vscode.l10n.t('Show Deployments'),
  [Commands.deviceCopyName]: () => vscode.l10n.t('Copy Device Name'),
  [Commands.deviceShowProperties]: () => vscode.l10n.t('Show Properties'),
};

function storageDir(context: vscode.ExtensionContext): string {
  // In the browser-hosted workbench the storage URI may not be a file: fall back to the temp folder.
  return context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : path.join(os.tmpdir(), 'sccm-workbench');
}

/** Sets up the Sites view, its commands, the status bar item and the lab; returns test hooks. */
export function registerSites(context: vscode.ExtensionContext, logger: Logger): { testing: SitesTestingApi | undefined } {
  const push = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const settings = push(new SiteSettings(logger));
  const credentials = push(new CredentialStore(context.secrets));
  const lab = push(new LabSiteHost(settings, storageDir(context), logger));
  const connections = push(new SiteConnections({ credentials, lab, logger, createBackend: createSiteBackend, powershellPath: () => settings.powershellPath }));
  const tree = push(new SitesTreeProvider(settings, connections, logger));
  const view = push(vscode.window.createTreeView<SitesTreeNode>(Views.sites, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true }));
  const scripted = process.env.SCCM_TEST_RUN === '1' ? new ScriptedUserInput() : undefined;
  const ui: UserInput = scripted ?? new VsCodeUserInput();
  const documents = push(new SiteDocumentProvider());
  const statusBar = push(new SiteStatusBar(connections));
  const services: SitesServices = { logger, settings, credentials, connections, lab, tree, view, ui, documents };

  for (const [id, handler] of Object.entries(HANDLERS) as Array<[keyof typeof HANDLERS, Handler]>) {
    push(vscode.commands.registerCommand(id, (...args: unknown[]) => runSiteAction(services, COMMAND_TITLES[id](), (ctx) => handler(services, ctx, ...args))));
  }

  const updateContext = (): void => {
    void vscode.commands.executeCommand('setContext', ContextKeys.hasSites, settings.sites.length > 0);
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, tree.filterText !== undefined);
    const filtered = tree.filterText !== undefined;
    view.description = filtered ? vscode.l10n.t('Filter: "{0}"', tree.filterText!) : undefined;
    // The description is hidden while Sites is the container's only view, so say it above the tree too.
    view.message = filtered ? vscode.l10n.t('Collections whose name contains "{0}" (Clear Filter to see the folders)', tree.filterText!) : undefined;
  };
  updateContext();
  push(
    settings.onDidChange(() => {
      connections.sync(settings.sites);
      updateContext();
      tree.redraw();
    }),
  );
  push(tree.onDidChangeFilter(() => updateContext()));
  push(
    credentials.onDidChange((key) => {
      // Another window signed in or out: sign in again with what is stored now.
      const reset = connections.resetForHost((e) => {
        const host = siteHost(e);
        return !!e.userName && !!host && credentialKey(host, e.userName) === key;
      });
      for (const c of reset) tree.refresh(tree.siteNode(c.entry.name));
    }),
  );
  push(vscode.workspace.onDidGrantWorkspaceTrust(() => tree.refresh()));
  // The built-in lab runs in-process and needs no network or credentials, so a configured lab
  // site connects at once (the demo opens with it connected); real sites wait for an expand.
  if (vscode.workspace.isTrusted) {
    for (const entry of settings.sites.filter((e) => e.backend === 'lab')) void connections.get(entry).connect().catch(() => undefined);
  }

  return { testing: process.env.SCCM_TEST_RUN === '1' && scripted ? createSitesTestingApi(services, scripted, statusBar) : undefined };
}

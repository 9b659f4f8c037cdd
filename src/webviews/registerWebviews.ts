import * as vscode from 'vscode';
import { ViewerCommands, ViewerViewTypes } from '../constants';
import { baseNameOf } from '../logs/logUris';
import type { Logger } from '../platform/logger';
import { runAction } from '../platform/runAction';
import { LogViewerEditorProvider } from './logViewer/LogViewerEditorProvider';
import { LogViewerPanel, type LogViewerServices, type LogViewerTestView } from './logViewer/LogViewerPanel';
import { EMPTY_FILTER, isViewerWebviewState, type ViewerWebviewState } from './logViewer/protocol';
import { isTimelineWebviewState } from './timeline/protocol';
import { TimelinePanel, type TimelineServices, type TimelineTestView } from './timeline/TimelinePanel';
import { logForTimeline, logsToMerge, logsToOpen } from './viewerCommands';
import { webviewOptions } from './WebviewPanelBase';

/** Hooks for the integration tests (SCCM_TEST_RUN=1): the open viewers and timelines. */
export interface ViewerTestingApi {
  viewers(): readonly LogViewerTestView[];
  timelines(): readonly TimelineTestView[];
}

function sameUris(a: readonly vscode.Uri[], b: readonly vscode.Uri[]): boolean {
  return a.length === b.length && a.every((u, i) => u.toString() === b[i].toString());
}

/**
 * The log viewer (command panel, custom editor, merge), the task-sequence timeline, and
 * the serializers that bring their panels back after a window reload.
 */
export function registerWebviews(context: vscode.ExtensionContext, logger: Logger): { testing: ViewerTestingApi | undefined } {
  const viewers = new Set<LogViewerPanel>();
  const timelines = new Set<TimelinePanel>();
  const { extensionUri } = context;

  const viewerServices: LogViewerServices = {
    extensionUri,
    logger,
    openTimeline: async (uri) => {
      await openTimeline(uri);
    },
    track: (panel, open) => void (open ? viewers.add(panel) : viewers.delete(panel)),
  };
  const timelineServices: TimelineServices = {
    extensionUri,
    logger,
    openViewerAt: async (uri, record) => {
      // One viewer per log: each step the person opens selects its record there, rather than opening another panel.
      const existing = [...viewers].find((v) => sameUris(v.uris, [uri]));
      if (existing) {
        existing.panel.reveal();
        await existing.revealRecord(uri, record);
        return;
      }
      openViewer([uri], { uris: [uri.toString()], filter: { ...EMPTY_FILTER }, selected: { log: 0, record }, topRow: 0, follow: false }, true);
    },
    track: (panel, open) => void (open ? timelines.add(panel) : timelines.delete(panel)),
  };

  function openViewer(uris: vscode.Uri[], state: ViewerWebviewState | null = null, beside = false): LogViewerPanel {
    const existing = state ? undefined : [...viewers].find((v) => v.panel.viewType === ViewerViewTypes.panel && sameUris(v.uris, uris));
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      ViewerViewTypes.panel,
      LogViewerPanel.titleFor(uris),
      { viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: false },
      webviewOptions(extensionUri),
    );
    return new LogViewerPanel(panel, uris, viewerServices, state);
  }

  async function openTimeline(uri: vscode.Uri): Promise<TimelinePanel> {
    const existing = [...timelines].find((t) => t.uri.toString() === uri.toString());
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(ViewerViewTypes.timeline, baseNameOf(uri), vscode.ViewColumn.Active, webviewOptions(extensionUri));
    return new TimelinePanel(panel, uri, timelineServices);
  }

  const push = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  push(
    vscode.commands.registerCommand(ViewerCommands.openViewer, (uri?: unknown, uris?: unknown) =>
      runAction(logger, vscode.l10n.t('Open Log Viewer'), async () => openViewer(await logsToOpen(uri, uris))),
    ),
  );
  push(
    vscode.commands.registerCommand(ViewerCommands.mergeLogs, (uri?: unknown, uris?: unknown) =>
      runAction(logger, vscode.l10n.t('Merge Logs'), async () => openViewer(await logsToMerge(uri, uris))),
    ),
  );
  push(
    vscode.commands.registerCommand(ViewerCommands.showTimeline, (uri?: unknown) =>
      runAction(logger, vscode.l10n.t('Show Task Sequence Timeline'), async () => openTimeline(await logForTimeline(uri))),
    ),
  );
  push(
    vscode.window.registerCustomEditorProvider(ViewerViewTypes.customEditor, new LogViewerEditorProvider(viewerServices), {
      webviewOptions: { retainContextWhenHidden: false, enableFindWidget: false },
      supportsMultipleEditorsPerDocument: true,
    }),
  );
  // After a reload VS Code hands back the panels with the state the webview saved.
  push(
    vscode.window.registerWebviewPanelSerializer(ViewerViewTypes.panel, {
      async deserializeWebviewPanel(panel, state: unknown) {
        if (!isViewerWebviewState(state) || !state.uris.length) {
          panel.dispose();
          return;
        }
        new LogViewerPanel(panel, state.uris.map((u) => vscode.Uri.parse(u)), viewerServices, state);
      },
    }),
  );
  push(
    vscode.window.registerWebviewPanelSerializer(ViewerViewTypes.timeline, {
      async deserializeWebviewPanel(panel, state: unknown) {
        if (!isTimelineWebviewState(state)) {
          panel.dispose();
          return;
        }
        new TimelinePanel(panel, vscode.Uri.parse(state.uri), timelineServices, state);
      },
    }),
  );
  push({ dispose: () => [...viewers, ...timelines].forEach((p) => p.dispose()) });

  const testing: ViewerTestingApi | undefined =
    process.env.SCCM_TEST_RUN === '1' ? { viewers: () => [...viewers], timelines: () => [...timelines] } : undefined;
  return { testing };
}

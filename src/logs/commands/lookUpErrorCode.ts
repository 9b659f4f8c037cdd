import * as vscode from 'vscode';
import { rulesForCode, type RuleSummary } from '../../core/logs/editor/knowledgeIndex';
import { parseErrorCode } from '../../core/logs/errorCodeFormat';
import { errorCodeSources, findErrorCodes, hasKnownMessage, lookupErrorCode } from '../../core/logs/errorCodes';
import type { ErrorCodeInfo } from '../../core/logs/types';
import { codeFacts } from '../codeMarkdown';
import { firstSentence } from '../findingText';
import type { LogServices } from './LogServices';

/** What a lookup found (returned to callers and tests; the person sees a quick pick). */
export interface ErrorCodeLookup {
  input: string;
  info: ErrorCodeInfo | null;
  /** Ids of the knowledge-base signatures that name the code. */
  rules: string[];
}

interface ResultItem extends vscode.QuickPickItem {
  run?: () => void;
}

/** The code under the cursor or in the selection of the active editor, to prefill the input. */
export function codeAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const selected = editor.document.getText(editor.selection).trim();
  if (selected) return parseErrorCode(selected) ? selected : findErrorCodes(selected)[0]?.text;
  const position = editor.selection.active;
  const line = editor.document.lineAt(position.line).text;
  return findErrorCodes(line).find((c) => position.character >= c.index && position.character <= c.index + c.length)?.text;
}

/**
 * "SCCM: Look Up Error Code…": any form (0x80070002, 80070002, -2147024894, 2147942402,
 * 1603, ccmsetup:7); shows the message, its source, the facility and the signatures that
 * know the code. With a code argument (quick fix, hover link) it asks nothing.
 */
export async function lookUpErrorCode(services: LogServices, code?: unknown): Promise<ErrorCodeLookup> {
  const input =
    typeof code === 'string' && code.trim()
      ? code.trim()
      : await services.ui.showInputBox({
          title: vscode.l10n.t('Look Up Error Code'),
          prompt: vscode.l10n.t('An error code in any form: 0x80070002, 80070002, -2147024894, 2147942402, 1603, ccmsetup:7'),
          value: codeAtCursor() ?? '',
          validateInput: (value) => (parseErrorCode(value) ? undefined : vscode.l10n.t('Not an error code. Type it as the log shows it, e.g. 0x80070002, -2147024894 or 1603.')),
        });
  const info = lookupErrorCode(input);
  if (!info) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is not a known error code, and its value belongs to no facility SCCM Workbench can describe.', input),
    );
    return { input, info: null, rules: [] };
  }
  const rules = rulesForCode(info.hex);
  showResult(info, rules);
  return { input, info, rules: rules.map((r) => r.id) };
}

function openUrl(url: string | null | undefined): (() => void) | undefined {
  return url && /^https?:\/\//i.test(url) ? () => void vscode.env.openExternal(vscode.Uri.parse(url)) : undefined;
}

function showResult(info: ErrorCodeInfo, rules: readonly RuleSummary[]): void {
  const source = errorCodeSources()[info.source];
  const items: ResultItem[] = [
    {
      label: `$(info) ${info.name ?? info.hex}`,
      description: info.name ? `${info.hex} \u00b7 ${info.category}` : info.category,
      detail: info.message,
      run: () => void vscode.env.clipboard.writeText(`${info.hex}${info.name ? ` ${info.name}` : ''}: ${info.message}`),
    },
    hasKnownMessage(info)
      ? { label: `$(book) ${vscode.l10n.t('Source of the message')}`, detail: source?.what ?? info.source, run: openUrl(info.sourceUrl ?? source?.url) }
      : { label: `$(book) ${vscode.l10n.t('No official message is known; derived from the value of the code')}` },
    { label: `$(symbol-numeric) ${codeFacts(info).join(' \u00b7 ')}` },
    { label: vscode.l10n.t('Knowledge base'), kind: vscode.QuickPickItemKind.Separator },
  ];
  if (rules.length) {
    for (const rule of rules) {
      items.push({ label: `$(lightbulb) ${rule.title}`, description: rule.id, detail: firstSentence(rule.cause, 200), run: openUrl(rule.reference) });
    }
  } else {
    items.push({ label: `$(circle-slash) ${vscode.l10n.t('No signature of the knowledge base names this code')}` });
  }
  const pick = vscode.window.createQuickPick<ResultItem>();
  pick.title = vscode.l10n.t('Error code {0}', info.hex);
  pick.placeholder = vscode.l10n.t('Enter copies the message; on a source or signature, opens its reference');
  pick.items = items;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.onDidAccept(() => {
    pick.selectedItems[0]?.run?.();
    pick.hide();
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

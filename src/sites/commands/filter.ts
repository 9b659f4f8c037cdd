import * as vscode from 'vscode';
import { validateSearchText } from '../../core/site/validation';
import type { SitesServices } from './SitesServices';

const t = vscode.l10n.t;

/**
 * `sccm.explorer.filter`: shows, under each site, the collections of every folder whose name
 * contains the text (the backend's search). A string argument skips the input box (keybindings).
 */
export async function filter(services: SitesServices, arg: unknown): Promise<void> {
  const text =
    typeof arg === 'string'
      ? arg
      : await services.ui.showInputBox({
          title: t('Filter Collections'),
          prompt: t('Show the collections whose name contains this text, across folders (empty: clear the filter)'),
          value: services.tree.filterText ?? '',
          validateInput: (v) => {
            try {
              validateSearchText(v);
              return undefined;
            } catch (err) {
              return err instanceof Error ? err.message : String(err);
            }
          },
        });
  // A string argument skipped the input box's check: refuse it here, not as a failure under every site.
  if (typeof arg === 'string') validateSearchText(text);
  services.tree.setFilter(text);
}

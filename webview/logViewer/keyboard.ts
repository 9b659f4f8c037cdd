export interface KeyboardOptions {
  /** Focus targets of F6 / Shift+F6, in order: filter, grid, detail, findings. */
  regions(): HTMLElement[];
  focusFilter(): void;
  escape(): void;
}

/**
 * Escape in a text field or drop-down is the field's own (clear the filter, close the list).
 * The fields are web components: the input sits in their shadow root, so look along the path.
 */
function inField(e: KeyboardEvent): boolean {
  return e.composedPath().some((t) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.tagName === 'VSCODE-MULTI-SELECT'));
}

/**
 * Page-wide keys, caught before the webview host forwards them to the workbench (which
 * would run "Focus Next Part" for F6 or open its own find widget for Ctrl+F).
 */
export function installKeyboard(options: KeyboardOptions): void {
  window.addEventListener(
    'keydown',
    (e) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        e.stopPropagation();
        options.focusFilter();
        return;
      }
      if (e.key === 'F6' && !mod && !e.altKey) {
        e.preventDefault();
        e.stopPropagation();
        const regions = options.regions().filter((r) => !r.hidden && r.offsetParent !== null);
        const active = document.activeElement;
        let at = regions.findIndex((r) => r === active || r.contains(active) || (active instanceof HTMLElement && active.shadowRoot !== null && r === active));
        if (at < 0) at = e.shiftKey ? 0 : -1;
        const next = regions[(at + (e.shiftKey ? -1 : 1) + regions.length) % regions.length];
        next?.focus();
        return;
      }
      if (e.key === 'Escape' && !inField(e)) options.escape();
    },
    true,
  );
}

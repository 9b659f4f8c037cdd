/** The webview side of the VS Code API (injected by the webview host; typed here). */
export interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

let api: VsCodeApi<unknown> | undefined;

/** acquireVsCodeApi may be called once per page: every module shares this one. */
export function vscodeApi<State>(): VsCodeApi<State> {
  api ??= acquireVsCodeApi<unknown>();
  return api as VsCodeApi<State>;
}

/** Reports content-security-policy violations to the extension (logged; tests assert none). */
export function reportCspViolations(post: (message: { type: 'cspViolation'; directive: string; blocked: string }) => void): void {
  document.addEventListener('securitypolicyviolation', (e) => {
    post({ type: 'cspViolation', directive: e.violatedDirective, blocked: e.blockedURI || 'inline' });
  });
}

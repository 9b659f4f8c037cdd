/** Tiny DOM helpers: elements are built with properties and text, never with HTML strings. */
import { t } from './l10n';

type Attributes = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}): SVGElementTagNameMap[K] {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAttributes(element, attributes);
  return element;
}

export function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) element.removeAttribute(name);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** A codicon (the font is loaded by the page from dist/webview). */
export function icon(name: string, label?: string): HTMLSpanElement {
  const span = h('span', { class: `codicon codicon-${name}`, 'aria-hidden': label ? null : 'true', role: label ? 'img' : null, 'aria-label': label ?? null });
  return span;
}

export function clear(element: Element): void {
  while (element.firstChild) element.firstChild.remove();
}

/** Calls `fn` once `ms` after the last call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** The element's codicon name for a severity, and its accessible word. */
export const SEVERITY_ICON = { error: 'error', warning: 'warning', info: 'info' } as const;
export const SEVERITY_WORD = { error: t('Error'), warning: t('Warning'), info: t('Information') } as const;
/** The grid's short severity text (the accessible name keeps the full word). */
export const SEVERITY_SHORT = { error: t('Error'), warning: t('Warning'), info: t('Info') } as const;

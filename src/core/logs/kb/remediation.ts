import type { Remediation } from '../types';
import type { RemediationTemplate } from './ruleSchema';

/**
 * Fills remediation templates. Only values checked against a strict format are ever put
 * into registry or PowerShell text, so nothing a log says can inject code.
 */

export interface RemediationValues {
  /** SMBIOS GUIDs seen with more than one MAC address, as the log printed them (validated here). */
  duplicateGuids?: readonly string[];
}

const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** Upper-case GUID, or null when the text is not exactly a GUID. */
export function normaliseGuid(text: string): string | null {
  const guid = text.trim().replace(/^\{|\}$/g, '').toUpperCase();
  return GUID.test(guid) ? guid : null;
}

type Render = (values: RemediationValues) => string | null;

function nonEmpty<T>(list: T[]): T[] | null {
  return list.length ? list : null;
}

const RENDERERS: ReadonlyMap<string, Render> = new Map<string, Render>([
  // REG_SZ value: GUIDs separated by semicolons.
  ['duplicateGuids', (v) => nonEmpty(validGuids(v.duplicateGuids ?? []))?.join(';') ?? null],
  // PowerShell array literal of single-quoted GUIDs.
  ['duplicateGuidList', (v) => nonEmpty(validGuids(v.duplicateGuids ?? []))?.map((g) => `'${g}'`).join(', ') ?? null],
]);

export const REMEDIATION_PLACEHOLDERS: ReadonlySet<string> = new Set(RENDERERS.keys());

/**
 * Renders the templates with the given values. A template whose placeholder has no
 * validated value is left out rather than shipped half-filled.
 */
export function renderRemediation(templates: readonly RemediationTemplate[], values: RemediationValues): Remediation[] {
  const out: Remediation[] = [];
  for (const template of templates) {
    let complete = true;
    const text = template.template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = RENDERERS.get(name)?.(values) ?? null;
      if (value === null) complete = false;
      return value ?? '';
    });
    if (complete) out.push({ kind: template.kind, label: template.label, text });
  }
  return out;
}

/** The values that are GUIDs, normalised, each once, in the order given. */
export function validGuids(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const guid = normaliseGuid(v);
    if (guid) out.add(guid);
  }
  return [...out];
}

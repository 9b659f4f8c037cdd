import apps from './rules/apps.json';
import client from './rules/client.json';
import content from './rules/content.json';
import osd from './rules/osd.json';
import pxe from './rules/pxe.json';
import servicing from './rules/servicing.json';
import updates from './rules/updates.json';
import type { CompiledMatcher, CompiledRule } from './compiledRule';
import { compileFileMatcher } from './fileMatch';
import { CORRELATION_PLACEHOLDERS } from './correlation';
import { REMEDIATION_PLACEHOLDERS } from './remediation';
import { ruleFileSchema, ruleSchema, type LineMatcherSpec, type RemediationTemplate, type RuleSpec } from './ruleSchema';

/** The rule files shipped with the product, one per area. */
export const BUNDLED_RULE_FILES: readonly unknown[] = [osd, pxe, apps, content, client, updates, servicing];

/** Thrown when rule data is invalid; names every bad entry by id. */
export class RuleValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid knowledge-base rules:\n  ${problems.join('\n  ')}`);
    this.name = 'RuleValidationError';
  }
}

function compileRegExp(source: string, flags: string | undefined, what: string, problems: string[]): RegExp | undefined {
  try {
    return new RegExp(source, flags ?? '');
  } catch (err) {
    problems.push(`${what}: pattern does not compile: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

function compileMatcher(spec: LineMatcherSpec, what: string, problems: string[]): CompiledMatcher | undefined {
  const pattern = compileRegExp(spec.pattern, spec.flags, what, problems);
  return pattern ? { pattern, keywords: spec.keywords.map((k) => k.toLowerCase()) } : undefined;
}

/** Named groups a pattern defines, by a quick scan of its source. */
function namedGroups(source: string): Set<string> {
  return new Set([...source.matchAll(/\(\?<([a-zA-Z]\w*)>/g)].map((m) => m[1]));
}

function checkRule(rule: RuleSpec, problems: string[]): void {
  const groups = namedGroups(rule.pattern);
  const need = (group: string, why: string): void => {
    if (!groups.has(group)) problems.push(`${rule.id}: pattern needs a (?<${group}>...) group for ${why}`);
  };
  if (rule.once === 'key') need('key', 'once: key');
  if (rule.when?.distinct) {
    need('key', 'when.distinct');
    need(rule.when.distinct.group, 'when.distinct');
  }
  for (const ref of (rule.code ?? '').matchAll(/\$<(\w+)>/g)) need(ref[1], 'the code template');
  for (const ref of rule.title.matchAll(/\$<(\w+)>/g)) need(ref[1], 'the title');
  for (const c of rule.correlate ?? []) {
    for (const ref of `${c.cause ?? ''} ${c.fix ?? ''}`.matchAll(/\{\{(\w+)\}\}/g)) {
      if (!CORRELATION_PLACEHOLDERS.has(ref[1])) problems.push(`${rule.id}: unknown correlation placeholder {{${ref[1]}}}`);
    }
  }
  for (const template of rule.remediation ?? []) {
    for (const ref of template.template.matchAll(/\{\{(\w+)\}\}/g)) {
      if (!REMEDIATION_PLACEHOLDERS.has(ref[1])) problems.push(`${rule.id}: unknown remediation placeholder {{${ref[1]}}}`);
    }
  }
}

function compileRule(area: string, rule: RuleSpec, problems: string[]): CompiledRule | undefined {
  const before = problems.length;
  checkRule(rule, problems);
  const pattern = compileRegExp(rule.pattern, rule.flags, rule.id, problems);
  const when = rule.when;
  const compiled: Partial<CompiledRule> = {};
  if (when?.step) compiled.step = compileRegExp(when.step, 'i', `${rule.id} when.step`, problems);
  if (when?.after) {
    const m = compileMatcher(when.after, `${rule.id} when.after`, problems);
    if (m) compiled.after = { ...m, within: when.after.within };
  }
  if (when?.notFollowedBy) {
    const m = compileMatcher(when.notFollowedBy, `${rule.id} when.notFollowedBy`, problems);
    if (m) compiled.notFollowedBy = { ...m, within: when.notFollowedBy.within };
  }
  if (when?.repeat) {
    const resetBy = when.repeat.resetBy ? compileMatcher(when.repeat.resetBy, `${rule.id} when.repeat.resetBy`, problems) : undefined;
    compiled.repeat = { count: when.repeat.count, within: when.repeat.within, resetBy };
  }
  if (when?.distinct) compiled.distinct = when.distinct;
  if (!pattern || problems.length > before) return undefined;
  return {
    ...compiled,
    id: rule.id,
    area,
    spec: rule,
    matchesFile: compileFileMatcher(rule.files),
    pattern,
    keywords: rule.keywords.map((k) => k.toLowerCase()),
  };
}

/**
 * Puts the file's shared remediation in place of each `{ "use": name }` of a raw rule, so the
 * rule then validates like one written out in full. An unknown name is a problem of that rule.
 */
function resolveSharedRemediations(raw: unknown, shared: Readonly<Record<string, RemediationTemplate>>, id: string, problems: string[]): unknown {
  if (typeof raw !== 'object' || raw === null || !('remediation' in raw) || !Array.isArray(raw.remediation)) return raw;
  const remediation = raw.remediation.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || !('use' in entry)) return entry;
    const name = String(entry.use);
    const template = Object.hasOwn(shared, name) ? shared[name] : undefined;
    if (!template) problems.push(`${id}: remediation uses unknown shared remediation "${name}"`);
    return template ?? entry;
  });
  return { ...raw, remediation };
}

/**
 * Validates and compiles rule files ({ area, rules: [...] }). Every problem is collected and
 * reported with the rule id, so one bad entry names itself in the unit tests.
 */
export function compileRuleFiles(files: readonly unknown[]): CompiledRule[] {
  const problems: string[] = [];
  const rules: CompiledRule[] = [];
  files.forEach((file, fileIndex) => {
    const parsedFile = ruleFileSchema.safeParse(file);
    if (!parsedFile.success) {
      problems.push(`rule file #${fileIndex}: ${parsedFile.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    parsedFile.data.rules.forEach((original, i) => {
      const id = typeof original === 'object' && original !== null && 'id' in original ? String(original.id) : `${parsedFile.data.area}#${i}`;
      const before = problems.length;
      const raw = resolveSharedRemediations(original, parsedFile.data.remediations ?? {}, id, problems);
      if (problems.length > before) return;
      const parsed = ruleSchema.safeParse(raw);
      if (!parsed.success) {
        problems.push(`${id}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(rule)'}: ${issue.message}`).join('; ')}`);
        return;
      }
      const compiled = compileRule(parsedFile.data.area, parsed.data, problems);
      if (compiled) rules.push(compiled);
    });
  });
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) problems.push(`${rule.id}: duplicate id`);
    ids.add(rule.id);
  }
  for (const rule of rules) {
    for (const c of rule.spec.correlate ?? []) if (!ids.has(c.with)) problems.push(`${rule.id}: correlate.with names unknown rule ${c.with}`);
    for (const o of rule.spec.overlaps ?? []) if (!ids.has(o)) problems.push(`${rule.id}: overlaps names unknown rule ${o}`);
    for (const o of rule.spec.supersedes ?? []) if (!ids.has(o)) problems.push(`${rule.id}: supersedes names unknown rule ${o}`);
  }
  if (problems.length) throw new RuleValidationError(problems);
  return rules;
}

let bundled: CompiledRule[] | undefined;

/** The product's knowledge base, compiled once. */
export function bundledRules(): readonly CompiledRule[] {
  bundled ??= compileRuleFiles(BUNDLED_RULE_FILES);
  return bundled;
}

export function ruleById(id: string): CompiledRule | undefined {
  return bundledRules().find((r) => r.id === id);
}

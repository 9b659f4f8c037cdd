import { normaliseErrorCode } from '../errorCodeFormat';
import type { CompiledRule } from '../kb/compiledRule';
import { bundledRules } from '../kb/ruleLoader';
import type { Severity } from '../types';

/** What the knowledge base says about a failure, for hovers and the code lookup. */
export interface RuleSummary {
  id: string;
  area: string;
  severity: Severity;
  /** The title with its `$<group>` placeholders (filled from a log line) shown as `…`. */
  title: string;
  cause: string;
  fix: string;
  reference: string;
  /** Base names or globs of the logs the rule reads. */
  files: readonly string[];
}

function summarise(rule: CompiledRule): RuleSummary {
  const { spec } = rule;
  return {
    id: rule.id,
    area: rule.area,
    severity: spec.severity,
    title: spec.title.replace(/\$<\w+>/g, '…'),
    cause: spec.cause,
    fix: spec.fix,
    reference: spec.reference,
    files: spec.files,
  };
}

interface IndexedRule {
  rule: CompiledRule;
  summary: RuleSummary;
}

let byCode: Map<string, IndexedRule[]> | undefined;

function index(rules: readonly CompiledRule[]): Map<string, IndexedRule[]> {
  const map = new Map<string, IndexedRule[]>();
  for (const rule of rules) {
    const codes = new Set<string>();
    for (const listed of rule.spec.codes ?? []) {
      const code = normaliseErrorCode(listed);
      if (code) codes.add(code);
    }
    // A code template without placeholders (`ccmsetup:7`) names the code too.
    if (rule.spec.code && !rule.spec.code.includes('$<')) {
      const code = normaliseErrorCode(rule.spec.code);
      if (code) codes.add(code);
    }
    for (const code of codes) {
      const list = map.get(code) ?? [];
      list.push({ rule, summary: summarise(rule) });
      map.set(code, list);
    }
  }
  return map;
}

export interface RulesForCodeOptions {
  /** Only the signatures that read logs of this name (`smsts.log`, `SMSPXE.lo_`). */
  fileName?: string;
  /** Rules to search instead of the product's knowledge base (tests). */
  rules?: readonly CompiledRule[];
}

/**
 * The knowledge-base signatures that name an error code (any form `lookupErrorCode` takes),
 * in knowledge-base order; empty for a code no signature lists.
 */
export function rulesForCode(code: string, options: RulesForCodeOptions = {}): RuleSummary[] {
  const key = normaliseErrorCode(code);
  if (!key) return [];
  const map = options.rules ? index(options.rules) : (byCode ??= index(bundledRules()));
  const fileName = options.fileName;
  return (map.get(key) ?? []).filter((r) => fileName === undefined || r.rule.matchesFile(fileName)).map((r) => r.summary);
}

/** The signature with this id, summarised. */
export function ruleSummary(id: string, rules: readonly CompiledRule[] = bundledRules()): RuleSummary | undefined {
  const rule = rules.find((r) => r.id === id);
  return rule ? summarise(rule) : undefined;
}

/**
 * Whether a log named `otherName` can confirm or explain findings of a log named `fileName`
 * (a rule of one correlates with a rule of the other: smsts.log with setuperr.log). The
 * editor reads such logs of the same folder too, so a finding links to its partner.
 */
export function isCorrelationPartner(fileName: string, otherName: string, rules: readonly CompiledRule[] = bundledRules()): boolean {
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const rule of rules) {
    for (const link of rule.spec.correlate ?? []) {
      const partner = byId.get(link.with);
      if (!partner) continue;
      if (rule.matchesFile(fileName) && partner.matchesFile(otherName)) return true;
      if (partner.matchesFile(fileName) && rule.matchesFile(otherName)) return true;
    }
  }
  return false;
}

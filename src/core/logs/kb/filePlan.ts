import type { CompiledRule } from './compiledRule';
import { CONTEXT_KEYWORDS } from './taskSequenceContext';

/** The signatures that apply to one file name, and the one prefilter regex built from them. */
export interface FilePlan {
  rules: readonly CompiledRule[];
  followerRules: readonly CompiledRule[];
  resetRules: readonly CompiledRule[];
  afterRules: readonly CompiledRule[];
  distinctRules: readonly CompiledRule[];
  /** Track task-sequence step and network state (smsts.log rules need it). */
  usesContext: boolean;
  /** Every keyword of every applicable rule and clause, case-insensitive, global; null when no rule applies. */
  keywordPattern: RegExp | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function buildFilePlan(allRules: readonly CompiledRule[], fileName: string): FilePlan {
  const rules = allRules.filter((r) => r.matchesFile(fileName));
  const usesContext = rules.some((r) => r.step || r.spec.when?.network || r.spec.once === 'step');
  const keywords = new Set<string>();
  for (const rule of rules) {
    for (const k of rule.keywords) keywords.add(k);
    for (const clause of [rule.after, rule.notFollowedBy, rule.repeat?.resetBy]) {
      for (const k of clause?.keywords ?? []) keywords.add(k);
    }
  }
  if (usesContext) for (const k of CONTEXT_KEYWORDS) keywords.add(k);
  // A record holding "failed to run the action" holds "failed to run the": the shorter literal
  // selects the same records, and every alternative less makes the one regex faster.
  const all = [...keywords];
  const needed = all.filter((k) => !all.some((other) => other !== k && k.includes(other)));
  const alternation = needed.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return {
    rules,
    followerRules: rules.filter((r) => r.notFollowedBy),
    resetRules: rules.filter((r) => r.repeat?.resetBy),
    afterRules: rules.filter((r) => r.after),
    distinctRules: rules.filter((r) => r.distinct),
    usesContext,
    keywordPattern: alternation ? new RegExp(alternation, 'gi') : null,
  };
}

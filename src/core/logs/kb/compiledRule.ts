import type { FileMatcher } from './fileMatch';
import type { RuleSpec } from './ruleSchema';

/** A line pattern with the lower-cased keywords that must be present before it runs. */
export interface CompiledMatcher {
  pattern: RegExp;
  keywords: readonly string[];
}

/** A signature ready to run: validated spec plus compiled patterns. */
export interface CompiledRule {
  id: string;
  area: string;
  spec: RuleSpec;
  matchesFile: FileMatcher;
  pattern: RegExp;
  keywords: readonly string[];
  step?: RegExp;
  after?: CompiledMatcher & { within?: number };
  repeat?: { count: number; within: number; resetBy?: CompiledMatcher };
  notFollowedBy?: CompiledMatcher & { within?: number };
  distinct?: { group: string; count: number };
}

/** True when the lower-cased text holds one of the keywords. */
export function hasKeyword(lowerText: string, keywords: readonly string[]): boolean {
  for (const k of keywords) if (lowerText.includes(k)) return true;
  return false;
}

/** Runs a matcher on a message: keywords first, then the pattern. */
export function matchLine(matcher: CompiledMatcher, message: string, lowerMessage: string): RegExpExecArray | null {
  if (!hasKeyword(lowerMessage, matcher.keywords)) return null;
  return matcher.pattern.exec(message);
}

import type { Finding } from '../core/logs/types';

/** The first sentence of a text (the likely cause, in short), cut at `max` characters. */
export function firstSentence(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](?:\s|$)/);
  const sentence = end >= 0 ? flat.slice(0, end + 1) : flat;
  return truncate(sentence, max);
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The Problems-panel message: title (with how often it repeats), then the likely cause in short. */
export function diagnosticMessage(finding: Finding): string {
  const cause = firstSentence(finding.cause);
  const title = finding.repeats ? `${finding.title} (\u00d7${finding.repeats})` : finding.title;
  return cause ? `${title} \u2014 ${cause}` : title;
}

/** The hint written after a line that has a finding. */
export function inlineHint(finding: Finding, max = 110): string {
  return truncate(diagnosticMessage(finding), max);
}

const SEVERITY_RANK: Readonly<Record<Finding['severity'], number>> = { error: 0, warning: 1, info: 2 };

/** Most severe first, then in log order. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.line - b.line;
}

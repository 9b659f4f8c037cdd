import type { Finding, LogLocation } from '../types';
import type { CompiledRule } from './compiledRule';
import type { DiagnosedLog } from './diagnoser';
import { baseName } from './fileMatch';
import { firstLine } from './findingBuilder';

interface Located {
  log: DiagnosedLog;
  finding: Finding;
}

function locationOf(item: Located): LogLocation {
  const { source } = item.log;
  const index = item.finding.recordIndex;
  const message = index >= 0 && index < source.recordCount ? firstLine(source.entry(index).message) : item.finding.title;
  return { path: source.path, line: item.finding.line, endLine: item.finding.endLine, message };
}

function addRelated(finding: Finding, location: LogLocation): void {
  const related = (finding.related ??= []);
  if (!related.some((r) => r.path === location.path && r.line === location.line)) related.push(location);
}

export const CORRELATION_PLACEHOLDERS: ReadonlySet<string> = new Set(['relatedFile', 'relatedLine', 'relatedMessage']);

/**
 * Fills {{relatedFile}}, {{relatedLine}} and {{relatedMessage}} from the partner finding. The
 * values are log text: given through a function, `$'` or `$&` in them (`\\DP01\SMSPKGD$'`) stay literal.
 */
function fill(template: string, partner: LogLocation): string {
  const values: Readonly<Record<string, string>> = {
    relatedFile: baseName(partner.path),
    relatedLine: String(partner.line),
    relatedMessage: partner.message,
  };
  return template.replace(/\{\{(relatedFile|relatedLine|relatedMessage)\}\}/g, (_, name: string) => values[name]);
}

/**
 * Links findings of different logs of one scan as the rules' `correlate` entries say
 * (both ways), and rewrites the finding's cause/fix with what the other log confirms.
 * Safe to call again on the same findings: links are not duplicated.
 */
export function correlateDiagnosedLogs(logs: readonly DiagnosedLog[], rules: readonly CompiledRule[]): void {
  const byRule = new Map<string, Located[]>();
  for (const log of logs) {
    for (const finding of log.findings) {
      if (!finding.rule) continue;
      const list = byRule.get(finding.rule) ?? [];
      list.push({ log, finding });
      byRule.set(finding.rule, list);
    }
  }
  for (const rule of rules) {
    for (const spec of rule.spec.correlate ?? []) {
      for (const item of byRule.get(rule.id) ?? []) {
        const partners = (byRule.get(spec.with) ?? []).filter((p) => p.log.source.path !== item.log.source.path);
        if (!partners.length) continue;
        const here = locationOf(item);
        const partnerLocations = partners.map(locationOf);
        for (const location of partnerLocations) addRelated(item.finding, location);
        for (const partner of partners) addRelated(partner.finding, here);
        if (spec.cause) item.finding.cause = fill(spec.cause, partnerLocations[0]);
        if (spec.fix) item.finding.fix = fill(spec.fix, partnerLocations[0]);
      }
    }
  }
}

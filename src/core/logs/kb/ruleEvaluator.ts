import { findErrorCodes } from '../errorCodes';
import type { Finding, LogEntry } from '../types';
import { hasKeyword, matchLine, type CompiledRule } from './compiledRule';
import type { FilePlan } from './filePlan';
import { locationOf, ruleFinding } from './findingBuilder';
import { renderRemediation } from './remediation';
import { stateKey, type SourceState } from './sourceState';

/** Runs the signatures of one file over its records, in log order, keeping state between calls. */
export class RuleEvaluator {
  constructor(
    private readonly plan: FilePlan,
    private readonly state: SourceState,
    private readonly path: string,
  ) {}

  /**
   * Examines one record and appends its findings to `out`. Returns true when a signature
   * explains the record (so it gets no generic finding).
   */
  examine(entry: LogEntry, out: Finding[]): boolean {
    const message = entry.message;
    const lower = message.toLowerCase();
    if (this.plan.usesContext) this.state.context.observe(message);
    this.observeClauses(entry, message, lower);
    const matched: Array<{ rule: CompiledRule; match: RegExpExecArray }> = [];
    for (const rule of this.plan.rules) {
      if (!hasKeyword(lower, rule.keywords)) continue;
      const match = rule.pattern.exec(message);
      if (!match || !this.conditionsHold(rule, entry.index)) continue;
      matched.push({ rule, match });
    }
    if (!matched.length) return false;
    // A specific signature (MSI 1603) replaces the general one (unmatched exit code) on the same record.
    const superseded = new Set(matched.flatMap((m) => m.rule.spec.supersedes ?? []));
    for (const { rule, match } of matched) if (!superseded.has(rule.id)) this.apply(rule, entry, match, out);
    return true;
  }

  /** Error records in a step a signature already explained, with no other code, are its aftermath. */
  isConsequence(entry: LogEntry): boolean {
    const explained = this.state.explainedStep;
    if (!this.plan.usesContext || !explained || explained.instance !== this.state.context.stepInstance) return false;
    return findErrorCodes(entry.message).every((f) => f.code === '0x00000000' || explained.codes.has(f.code));
  }

  /** Emits "never followed within N records" findings whose window is now fully read. */
  expire(readTo: number, out: Finding[]): void {
    for (const [key, pending] of this.state.pending) {
      if (pending.deadline < readTo) {
        out.push(pending.finding);
        this.state.pending.delete(key);
      }
    }
  }

  /** Findings that hold only because the log ends here (pending follow-ups). */
  atEnd(): Finding[] {
    return [...this.state.pending.values()].map((p) => ({ ...p.finding }));
  }

  /** Gives this batch's duplicate-key findings a remediation built from every duplicate seen so far. */
  finishBatch(batch: readonly Finding[]): void {
    for (const rule of this.plan.distinctRules) {
      if (!rule.spec.remediation) continue;
      const keys = [...(this.state.distinct.get(rule.id)?.values() ?? [])].filter((d) => d.fired).map((d) => d.keyText);
      const remediation = renderRemediation(rule.spec.remediation, { duplicateGuids: keys });
      for (const finding of batch) if (finding.rule === rule.id && remediation.length) finding.remediation = remediation;
    }
  }

  private observeClauses(entry: LogEntry, message: string, lower: string): void {
    for (const rule of this.plan.followerRules) {
      const follower = rule.notFollowedBy && matchLine(rule.notFollowedBy, message, lower);
      if (!follower) continue;
      const key = normaliseKey(follower.groups?.key);
      for (const [k, pending] of this.state.pending) {
        if (pending.rule === rule && (key === '' || k === stateKey(rule.id, key))) this.state.pending.delete(k);
      }
    }
    for (const rule of this.plan.resetRules) {
      const reset = rule.repeat?.resetBy && matchLine(rule.repeat.resetBy, message, lower);
      if (!reset) continue;
      const key = normaliseKey(reset.groups?.key);
      for (const k of this.state.repeats.keys()) {
        if (key === '' ? k.startsWith(`${rule.id}\u0000`) : k === stateKey(rule.id, key)) this.state.repeats.delete(k);
      }
    }
    for (const rule of this.plan.afterRules) {
      if (rule.after && matchLine(rule.after, message, lower)) this.state.lastAfter.set(rule.id, entry.index);
    }
  }

  private conditionsHold(rule: CompiledRule, index: number): boolean {
    const { context } = this.state;
    if (rule.step && !(context.stepName !== null && rule.step.test(context.stepName))) return false;
    const network = rule.spec.when?.network;
    if (network && context.network !== network) return false;
    if (rule.after) {
      const seen = this.state.lastAfter.get(rule.id);
      if (seen === undefined || seen >= index) return false;
      if (rule.after.within !== undefined && index - seen > rule.after.within) return false;
    }
    return true;
  }

  private apply(rule: CompiledRule, entry: LogEntry, match: RegExpExecArray, out: Finding[]): void {
    const key = normaliseKey(match.groups?.key);
    if (rule.repeat) return this.applyRepeat(rule, entry, match, key, out);
    if (rule.notFollowedBy) {
      const within = rule.notFollowedBy.within;
      // A newer trigger for the same key replaces the older one: only the latest attempt can still be answered.
      this.state.pending.set(stateKey(rule.id, key), {
        rule,
        index: entry.index,
        deadline: within === undefined ? Number.POSITIVE_INFINITY : entry.index + within,
        finding: this.build(rule, entry, match),
      });
      return;
    }
    if (rule.distinct) return this.applyDistinct(rule, entry, match, key, out);
    if (!this.firstTime(rule, key) || this.withinBurst(rule, key, entry.index)) return;
    this.emit(this.build(rule, entry, match), out);
  }

  private applyRepeat(rule: CompiledRule, entry: LogEntry, match: RegExpExecArray, key: string, out: Finding[]): void {
    const repeat = rule.repeat;
    if (!repeat) return;
    const id = stateKey(rule.id, key);
    const state = this.state.repeats.get(id) ?? { hits: [], fired: false };
    this.state.repeats.set(id, state);
    state.hits = state.hits.filter((h) => entry.index - h.index <= repeat.within);
    if (state.hits.length < repeat.count - 1) state.fired = false;
    state.hits.push({ index: entry.index, location: locationOf(this.path, entry) });
    if (state.fired || state.hits.length < repeat.count) return;
    state.fired = true;
    const finding = this.build(rule, entry, match);
    finding.related = state.hits.slice(0, -1).slice(-5).map((h) => h.location);
    this.emit(finding, out);
  }

  private applyDistinct(rule: CompiledRule, entry: LogEntry, match: RegExpExecArray, key: string, out: Finding[]): void {
    const distinct = rule.distinct;
    const value = normaliseKey(match.groups?.[distinct?.group ?? '']);
    if (!distinct || key === '' || value === '') return;
    const perRule = this.state.distinct.get(rule.id) ?? new Map();
    this.state.distinct.set(rule.id, perRule);
    const state = perRule.get(key) ?? { keyText: (match.groups?.key ?? '').trim(), values: new Map(), fired: false };
    perRule.set(key, state);
    if (!state.values.has(value)) state.values.set(value, locationOf(this.path, entry));
    if (state.fired || state.values.size < distinct.count) return;
    state.fired = true;
    const finding = this.build(rule, entry, match);
    finding.related = [...state.values.entries()].filter(([v]) => v !== value).map(([, location]) => location);
    this.emit(finding, out);
  }

  private firstTime(rule: CompiledRule, key: string): boolean {
    const once = rule.spec.once;
    if (!once) return true;
    const scope = once === 'step' ? String(this.state.context.stepInstance) : once === 'key' ? key : '';
    const id = `${rule.id}\u0000${once}\u0000${scope}`;
    if (this.state.reported.has(id)) return false;
    this.state.reported.add(id);
    return true;
  }

  /** True when the same signature matched within `onceWithin` records before (the same failure, told again). */
  private withinBurst(rule: CompiledRule, key: string, index: number): boolean {
    const window = rule.spec.onceWithin;
    if (window === undefined) return false;
    const id = stateKey(rule.id, key);
    const last = this.state.lastMatch.get(id);
    this.state.lastMatch.set(id, index);
    return last !== undefined && index - last <= window;
  }

  private build(rule: CompiledRule, entry: LogEntry, match: RegExpExecArray): Finding {
    const finding = ruleFinding(rule, entry, match);
    if (rule.spec.remediation && !rule.distinct) {
      const remediation = renderRemediation(rule.spec.remediation, {});
      if (remediation.length) finding.remediation = remediation;
    }
    return finding;
  }

  private emit(finding: Finding, out: Finding[]): void {
    out.push(finding);
    if (finding.severity === 'error' && this.plan.usesContext) {
      // E_FAIL and E_ABORT are what the engine wraps a failed step in ("An action failed. Operation aborted").
      const codes = new Set<string>(['0x80004005', '0x80004004']);
      if (finding.code) codes.add(finding.code);
      this.state.explainedStep = { instance: this.state.context.stepInstance, codes };
    }
  }
}

function normaliseKey(value: string | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

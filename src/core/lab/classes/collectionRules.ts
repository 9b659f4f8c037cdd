import { LabHttpError } from './types';
import { findParam, providerError } from './helpers';
import type { CollectionRecord, RuleRecord } from '../state/model';
import type { LabStore } from '../state/store';

const TYPE_PREFIX = '#AdminService.';
const RULE_TYPES = ['SMS_CollectionRuleDirect', 'SMS_CollectionRuleQuery', 'SMS_CollectionRuleIncludeCollection', 'SMS_CollectionRuleExcludeCollection'] as const;

/** A rule as the keyed GET serialises it inside CollectionRules (with its derived `@odata.type`). */
export function ruleToJson(rule: RuleRecord): Record<string, unknown> {
  switch (rule.kind) {
    case 'direct':
      return { '@odata.type': `${TYPE_PREFIX}SMS_CollectionRuleDirect`, ResourceClassName: rule.resourceClassName, ResourceID: rule.resourceId, RuleName: rule.ruleName };
    case 'query':
      return { '@odata.type': `${TYPE_PREFIX}SMS_CollectionRuleQuery`, LimitToCollectionID: null, QueryExpression: rule.queryExpression, QueryID: rule.queryId, RuleName: rule.ruleName };
    case 'include':
      return { '@odata.type': `${TYPE_PREFIX}SMS_CollectionRuleIncludeCollection`, IncludeCollectionID: rule.collectionId, RuleName: rule.ruleName };
    case 'exclude':
      return { '@odata.type': `${TYPE_PREFIX}SMS_CollectionRuleExcludeCollection`, ExcludeCollectionID: rule.collectionId, RuleName: rule.ruleName };
  }
}

/** Reads one rule from a method body; shape errors are 400 (model binding), semantic ones 500 (provider). */
export function parseRule(store: LabStore, target: CollectionRecord, value: unknown, forDelete: boolean): RuleRecord {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new LabHttpError(400, "The parameter 'collectionRule' must be an SMS_CollectionRule object.");
  const body = value as Record<string, unknown>;
  const odataType = findParam(body, '@odata.type');
  if (typeof odataType !== 'string') throw new LabHttpError(400, "The rule needs an '@odata.type' such as '#AdminService.SMS_CollectionRuleDirect' (SMS_CollectionRule is abstract).");
  const typeName = RULE_TYPES.find((t) => odataType.toLowerCase() === `${TYPE_PREFIX}${t}`.toLowerCase());
  if (!typeName) throw new LabHttpError(400, `The type '${odataType}' is not a known collection rule type.`);
  const ruleNameValue = findParam(body, 'RuleName');
  if (ruleNameValue !== undefined && ruleNameValue !== null && typeof ruleNameValue !== 'string') throw new LabHttpError(400, "Cannot convert the value of 'RuleName' to Edm.String.");
  const ruleName = typeof ruleNameValue === 'string' ? ruleNameValue : '';

  switch (typeName) {
    case 'SMS_CollectionRuleDirect': {
      const className = findParam(body, 'ResourceClassName');
      const resourceId = findParam(body, 'ResourceID');
      if (typeof className !== 'string' || !className) throw new LabHttpError(400, "A direct rule needs 'ResourceClassName' (e.g. 'SMS_R_System').");
      if (typeof resourceId !== 'number' || !Number.isInteger(resourceId) || resourceId < 0) throw new LabHttpError(400, "Cannot convert the value of 'ResourceID' to Edm.Int64: a JSON number is required.");
      const expected = target.collectionType === 1 ? 'SMS_R_User' : 'SMS_R_System';
      if (className.toUpperCase() !== expected.toUpperCase()) throw providerError(`AddMembershipRule failed: ResourceClassName '${className}' does not match the collection type (${expected} expected). (0x80041008)`);
      const device = store.devices.byId(resourceId);
      if (!forDelete && !device) throw providerError(`AddMembershipRule failed: resource ${resourceId} does not exist. (0x80041002, WBEM_E_NOT_FOUND)`);
      return { kind: 'direct', ruleName: ruleName || device?.name || String(resourceId), resourceClassName: expected, resourceId };
    }
    case 'SMS_CollectionRuleQuery': {
      const expression = findParam(body, 'QueryExpression');
      const queryId = findParam(body, 'QueryID');
      if (forDelete && typeof queryId === 'number') return { kind: 'query', ruleName, queryId, queryExpression: typeof expression === 'string' ? expression : '' };
      if (typeof expression !== 'string' || !expression.trim()) throw new LabHttpError(400, "A query rule needs 'QueryExpression'.");
      return { kind: 'query', ruleName: ruleName || 'Query', queryId: 0, queryExpression: expression };
    }
    case 'SMS_CollectionRuleIncludeCollection':
    case 'SMS_CollectionRuleExcludeCollection': {
      const include = typeName === 'SMS_CollectionRuleIncludeCollection';
      const property = include ? 'IncludeCollectionID' : 'ExcludeCollectionID';
      const id = findParam(body, property);
      if (typeof id !== 'string' || !id) throw new LabHttpError(400, `The rule needs '${property}'.`);
      const other = store.collections.get(id.toUpperCase());
      if (!forDelete) {
        if (!other) throw providerError(`AddMembershipRule failed: collection ${id} does not exist. (0x80041002, WBEM_E_NOT_FOUND)`);
        if (other.collectionId === target.collectionId) throw providerError('AddMembershipRule failed: a collection cannot include or exclude itself.');
        if (other.collectionType !== target.collectionType) throw providerError('AddMembershipRule failed: the collection types of the two collections do not match.');
        if (dependsOn(store, other.collectionId, target.collectionId)) throw providerError(`AddMembershipRule failed: adding ${other.collectionId} would create a circular dependency.`);
      }
      return { kind: include ? 'include' : 'exclude', ruleName: ruleName || other?.name || id, collectionId: (other?.collectionId ?? id).toUpperCase() };
    }
  }
}

/** Whether `from` already depends (limit/include/exclude, transitively) on `on`. */
function dependsOn(store: LabStore, from: string, on: string): boolean {
  const seen = new Set<string>();
  const walk = (id: string): boolean => {
    if (id === on) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    const c = store.collections.get(id);
    if (!c) return false;
    const refs = [c.limitToCollectionId, ...c.rules.map((r) => (r.kind === 'include' || r.kind === 'exclude' ? r.collectionId : null))];
    return refs.some((r) => r !== null && walk(r));
  };
  return walk(from);
}

/** Index of the stored rule a DeleteMembershipRule body designates, or -1. */
export function findRule(rules: readonly RuleRecord[], wanted: RuleRecord): number {
  return rules.findIndex((r) => {
    if (r.kind !== wanted.kind) return false;
    switch (r.kind) {
      case 'direct':
        return wanted.kind === 'direct' && r.resourceId === wanted.resourceId;
      case 'query':
        return wanted.kind === 'query' && (wanted.queryId ? r.queryId === wanted.queryId : r.queryExpression === wanted.queryExpression);
      default:
        return (wanted.kind === 'include' || wanted.kind === 'exclude') && r.collectionId === wanted.collectionId;
    }
  });
}

/** True when the same rule is already present (a duplicate the provider refuses). */
export function isDuplicate(rules: readonly RuleRecord[], rule: RuleRecord): boolean {
  return rule.kind !== 'query' && findRule(rules, rule) >= 0;
}

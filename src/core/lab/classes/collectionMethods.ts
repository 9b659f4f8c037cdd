import type { CollectionRecord, RuleRecord } from '../state/model';
import { cloneCollection, type LabContext } from './context';
import { findRule, isDuplicate, parseRule } from './collectionRules';
import { findParam, providerError } from './helpers';
import { LabHttpError, type CallContext, type InstanceMethod } from './types';

/**
 * SMS_Collection instance methods. Choices where the reference is open (see README):
 * a duplicate direct/include/exclude rule answers 500 "already exists"; deleting a rule that
 * is not there is a no-op (ReturnValue 0); a direct rule is matched by ResourceID alone.
 */
export function collectionMethods(ctx: LabContext): Record<string, InstanceMethod<CollectionRecord>> {
  const { store } = ctx;
  const commit = (row: CollectionRecord, rules: RuleRecord[]): void => {
    const next = cloneCollection(row);
    next.rules = rules;
    next.lastChangeTime = ctx.now();
    store.apply({ t: 'collection.put', collection: next });
    ctx.evaluator.rulesChanged(row.collectionId);
  };
  const nextQueryId = (): number => {
    let max = 0;
    for (const c of store.collections.values()) for (const r of c.rules) if (r.kind === 'query') max = Math.max(max, r.queryId);
    return max + 1;
  };
  const addRules = (row: CollectionRecord, values: unknown[]): number[] => {
    if (row.isBuiltIn) throw providerError(`AddMembershipRule failed: the rules of built-in collection ${row.collectionId} cannot be changed.`);
    const rules = [...row.rules];
    const queryIds: number[] = [];
    let queryId = nextQueryId();
    for (const value of values) {
      const rule = parseRule(store, row, value, false);
      if (isDuplicate(rules, rule)) {
        const what = rule.kind === 'direct' ? `resource ${rule.resourceId}` : `collection ${rule.kind === 'query' ? '' : rule.collectionId}`;
        throw providerError(`AddMembershipRule failed: a rule for ${what} already exists in collection ${row.collectionId}.`);
      }
      if (rule.kind === 'query') rule.queryId = queryId++;
      queryIds.push(rule.kind === 'query' ? rule.queryId : 0);
      rules.push(rule);
    }
    commit(row, rules);
    return queryIds;
  };
  const deleteRules = (row: CollectionRecord, values: unknown[]): void => {
    if (row.isBuiltIn) throw providerError(`DeleteMembershipRule failed: the rules of built-in collection ${row.collectionId} cannot be changed.`);
    const rules = [...row.rules];
    let removed = 0;
    for (const value of values) {
      const index = findRule(rules, parseRule(store, row, value, true));
      if (index >= 0) {
        rules.splice(index, 1);
        removed++;
      }
    }
    if (removed) commit(row, rules);
  };
  const arrayParam = (call: CallContext, name: string): unknown[] => {
    const value = findParam(call.body, name);
    if (!Array.isArray(value)) throw new LabHttpError(400, `The parameter '${name}' must be an array of SMS_CollectionRule objects.`);
    return value;
  };
  const singleParam = (call: CallContext): unknown => {
    const value = findParam(call.body, 'collectionRule');
    if (value === undefined) throw new LabHttpError(400, "The parameter 'collectionRule' is required.");
    return value;
  };
  // As the provider's $metadata declares them (reference §1.7): camelCase, one rule or an array.
  const one = { collectionRule: 'AdminService.SMS_CollectionRule' };
  const many = { collectionRules: 'Collection(AdminService.SMS_CollectionRule)' };
  return {
    AddMembershipRule: { parameters: one, call: (row, call) => ({ ReturnValue: 0, QueryID: addRules(row, [singleParam(call)])[0] }) },
    AddMembershipRules: { parameters: many, call: (row, call) => ({ ReturnValue: 0, QueryIDs: addRules(row, arrayParam(call, 'collectionRules')) }) },
    DeleteMembershipRule: {
      parameters: one,
      call: (row, call) => {
        deleteRules(row, [singleParam(call)]);
        return { ReturnValue: 0 };
      },
    },
    DeleteMembershipRules: {
      parameters: many,
      call: (row, call) => {
        deleteRules(row, arrayParam(call, 'collectionRules'));
        return { ReturnValue: 0 };
      },
    },
    RequestRefresh: {
      call: (row) => {
        ctx.evaluator.requestRefresh(row.collectionId);
        return { ReturnValue: 0 };
      },
    },
  };
}

import type { DeviceTable } from '../state/deviceTable';

/**
 * The part of WQL that collection query rules use against SMS_R_System:
 * `select ... from SMS_R_System [where <condition>]` with = != <> < > <= >= like, not like,
 * in (...), is [not] null, and/or/not and parentheses. Array properties match when any element
 * matches (as the provider's SQL join does). Queries joining other classes are accepted but
 * match nothing (the lab has no inventory classes); see README.
 */
export type WqlCondition =
  | { k: 'and' | 'or'; a: WqlCondition; b: WqlCondition }
  | { k: 'not'; a: WqlCondition }
  | { k: 'cmp'; prop: string; op: '=' | '!=' | '<' | '>' | '<=' | '>='; value: WqlValue }
  | { k: 'like'; prop: string; pattern: string; negate: boolean }
  | { k: 'in'; prop: string; values: WqlValue[]; negate: boolean }
  | { k: 'isNull'; prop: string; negate: boolean };

type WqlValue = string | number | boolean | null;

export interface WqlQuery {
  className: string;
  /** null = no where clause (every row). */
  where: WqlCondition | null;
  /** Set when the lab cannot evaluate the query (joins, other classes): matches nothing. */
  unsupported?: string;
}

export class WqlSyntaxError extends Error {}

interface Token {
  kind: 'word' | 'string' | 'number' | 'op' | 'punct';
  text: string;
  value?: string | number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      let out = '';
      i++;
      while (i < text.length && text[i] !== c) {
        // WQL strings use backslash escapes: 'LAB\\Group' is LAB\Group.
        if (text[i] === '\\' && i + 1 < text.length) i++;
        out += text[i++];
      }
      if (i >= text.length) throw new WqlSyntaxError('unterminated string literal');
      i++;
      tokens.push({ kind: 'string', text: out, value: out });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', text: m[0], value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w.]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    } else if (c === '<' || c === '>' || c === '!' || c === '=') {
      const two = text.slice(i, i + 2);
      const op = ['<=', '>=', '<>', '!='].includes(two) ? two : c;
      if (op === '!') throw new WqlSyntaxError('unexpected "!"');
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    } else if ('(),*'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else {
      throw new WqlSyntaxError(`unexpected character "${c}"`);
    }
  }
  return tokens;
}

export function parseWql(text: string): WqlQuery {
  const tokens = tokenize(text);
  let pos = 0;
  const peekWord = (w: string): boolean => tokens[pos]?.kind === 'word' && tokens[pos].text.toLowerCase() === w;
  if (!peekWord('select')) throw new WqlSyntaxError('a query starts with "select"');
  while (pos < tokens.length && !peekWord('from')) pos++;
  if (!peekWord('from')) throw new WqlSyntaxError('missing "from"');
  pos++;
  const classToken = tokens[pos++];
  if (!classToken || classToken.kind !== 'word') throw new WqlSyntaxError('missing class after "from"');
  const className = classToken.text;
  const aliases = new Set([className.toUpperCase()]);
  if (peekWord('as')) pos++;
  if (tokens[pos]?.kind === 'word' && !['where', 'inner', 'left', 'right', 'join'].includes(tokens[pos].text.toLowerCase())) {
    aliases.add(tokens[pos++].text.toUpperCase());
  }
  let unsupported: string | undefined;
  if (className.toUpperCase() !== 'SMS_R_SYSTEM') unsupported = `queries on ${className} are not evaluated by the lab`;
  while (pos < tokens.length && !peekWord('where')) {
    if (peekWord('join')) unsupported = 'joins are not evaluated by the lab';
    pos++;
  }
  if (pos >= tokens.length) return { className, where: null, unsupported };
  pos++;

  const propName = (word: string): string => {
    const dot = word.lastIndexOf('.');
    if (dot < 0) return word;
    const owner = word.slice(0, dot).toUpperCase();
    if (!aliases.has(owner)) unsupported = `property ${word} of another class`;
    return word.slice(dot + 1);
  };
  const expectWord = (w: string): void => {
    if (!peekWord(w)) throw new WqlSyntaxError(`expected "${w}"`);
    pos++;
  };
  const literal = (): WqlValue => {
    const t = tokens[pos++];
    if (!t) throw new WqlSyntaxError('missing value');
    if (t.kind === 'string' || t.kind === 'number') return t.value!;
    if (t.kind === 'word') {
      const w = t.text.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
    }
    throw new WqlSyntaxError(`unexpected "${t.text}"`);
  };
  const primary = (): WqlCondition => {
    const t = tokens[pos];
    if (!t) throw new WqlSyntaxError('unexpected end of query');
    if (t.kind === 'punct' && t.text === '(') {
      pos++;
      const inner = or();
      if (tokens[pos]?.text !== ')') throw new WqlSyntaxError('missing ")"');
      pos++;
      return inner;
    }
    if (t.kind === 'word' && t.text.toLowerCase() === 'not') {
      pos++;
      return { k: 'not', a: primary() };
    }
    if (t.kind !== 'word') throw new WqlSyntaxError(`unexpected "${t.text}"`);
    pos++;
    const prop = propName(t.text);
    let negate = false;
    if (peekWord('not')) {
      negate = true;
      pos++;
    }
    if (peekWord('like')) {
      pos++;
      const pattern = literal();
      if (typeof pattern !== 'string') throw new WqlSyntaxError('like needs a string');
      return { k: 'like', prop, pattern, negate };
    }
    if (peekWord('in')) {
      pos++;
      if (tokens[pos++]?.text !== '(') throw new WqlSyntaxError('expected "(" after in');
      const values: WqlValue[] = [literal()];
      while (tokens[pos]?.text === ',') {
        pos++;
        values.push(literal());
      }
      if (tokens[pos++]?.text !== ')') throw new WqlSyntaxError('missing ")"');
      return { k: 'in', prop, values, negate };
    }
    if (negate) throw new WqlSyntaxError('expected like or in after not');
    if (peekWord('is')) {
      pos++;
      let isNot = false;
      if (peekWord('not')) {
        isNot = true;
        pos++;
      }
      expectWord('null');
      return { k: 'isNull', prop, negate: isNot };
    }
    const op = tokens[pos++];
    if (!op || op.kind !== 'op') throw new WqlSyntaxError(`expected an operator after ${t.text}`);
    const value = literal();
    const norm = op.text === '<>' ? '!=' : (op.text as '=' | '!=' | '<' | '>' | '<=' | '>=');
    return { k: 'cmp', prop, op: norm, value };
  };
  const and = (): WqlCondition => {
    let left = primary();
    while (peekWord('and')) {
      pos++;
      left = { k: 'and', a: left, b: primary() };
    }
    return left;
  };
  const or = (): WqlCondition => {
    let left = and();
    while (peekWord('or')) {
      pos++;
      left = { k: 'or', a: left, b: and() };
    }
    return left;
  };
  const where = or();
  if (pos < tokens.length) throw new WqlSyntaxError(`unexpected "${tokens[pos].text}"`);
  return { className, where, unsupported };
}

/** Reads a SMS_R_System property (case-insensitive WMI name) of a device row. */
export type DevicePropertyReader = (propUpper: string) => ((row: number) => unknown) | undefined;

/** Row indexes of the devices the query selects, among `within` (all rows when null). */
export function evaluateWql(query: WqlQuery, table: DeviceTable, read: DevicePropertyReader, within: Uint8Array | null): number[] {
  if (query.unsupported) return [];
  const matches = query.where ? compile(query.where, read) : () => true;
  const candidates = query.where ? plan(query.where, table) : null;
  const out: number[] = [];
  if (candidates) {
    for (const i of candidates) if ((!within || within[i]) && matches(i)) out.push(i);
  } else {
    for (let i = 0; i < table.size; i++) if ((!within || within[i]) && matches(i)) out.push(i);
  }
  return out;
}

function compile(cond: WqlCondition, read: DevicePropertyReader): (row: number) => boolean {
  switch (cond.k) {
    case 'and': {
      const a = compile(cond.a, read);
      const b = compile(cond.b, read);
      return (r) => a(r) && b(r);
    }
    case 'or': {
      const a = compile(cond.a, read);
      const b = compile(cond.b, read);
      return (r) => a(r) || b(r);
    }
    case 'not': {
      const a = compile(cond.a, read);
      return (r) => !a(r);
    }
    default: {
      const get = read(cond.prop.toUpperCase());
      if (!get) return () => false;
      const test = valueTest(cond);
      const wantsNull = cond.k === 'isNull';
      return (r) => {
        const v = get(r);
        if (wantsNull) {
          const isNull = v === null || v === undefined || (Array.isArray(v) && v.length === 0);
          return cond.negate ? !isNull : isNull;
        }
        if (Array.isArray(v)) return v.some(test);
        return test(v);
      };
    }
  }
}

function valueTest(cond: Exclude<WqlCondition, { k: 'and' | 'or' | 'not' }>): (v: unknown) => boolean {
  if (cond.k === 'isNull') return () => false;
  if (cond.k === 'like') {
    const re = likeToRegExp(cond.pattern);
    return (v) => (v === null || v === undefined ? false : re.test(String(v)) !== cond.negate);
  }
  if (cond.k === 'in') {
    const tests = cond.values.map((value) => compareTest('=', value));
    return (v) => (v === null || v === undefined ? false : tests.some((t) => t(v)) !== cond.negate);
  }
  return compareTest(cond.op, cond.value);
}

function compareTest(op: '=' | '!=' | '<' | '>' | '<=' | '>=', value: WqlValue): (v: unknown) => boolean {
  if (value === null) return () => false;
  if (typeof value === 'string' && (op === '=' || op === '!=')) {
    // Equality is the hot path of collection evaluation: avoid upper-casing when lengths differ.
    const upper = value.toUpperCase();
    const equal = (v: unknown): boolean => {
      if (typeof v !== 'string') return v !== null && v !== undefined && String(v).toUpperCase() === upper;
      return v.length === value.length && (v === value || v.toUpperCase() === upper);
    };
    return op === '=' ? equal : (v) => v !== null && v !== undefined && !equal(v);
  }
  const valueUpper = typeof value === 'string' ? value.toUpperCase() : '';
  return (v) => {
    if (v === null || v === undefined) return false;
    let c: number;
    if (typeof v === 'number' || typeof value === 'number') {
      const a = Number(v);
      const b = Number(value);
      c = a < b ? -1 : a > b ? 1 : 0;
    } else {
      const a = String(v).toUpperCase();
      c = a < valueUpper ? -1 : a > valueUpper ? 1 : 0;
    }
    switch (op) {
      case '=':
        return c === 0;
      case '!=':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      case '>=':
        return c >= 0;
    }
  };
}

/** WQL like: % any run, _ one character, [abc] / [^abc] sets; case-insensitive. */
export function likeToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|\\\]/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

/** Candidate rows from an index; `ascending` when in row order (index lookups are). */
interface Candidates {
  rows: number[];
  ascending: boolean;
}

/** Candidate rows from the device indexes, or null when the condition needs a full scan. */
function plan(cond: WqlCondition, table: DeviceTable): number[] | null {
  return planCandidates(cond, table)?.rows ?? null;
}

function planCandidates(cond: WqlCondition, table: DeviceTable): Candidates | null {
  const fromIndex = (rows: number[] | null): Candidates | null => (rows ? { rows, ascending: true } : null);
  switch (cond.k) {
    case 'and': {
      const a = planCandidates(cond.a, table);
      const b = planCandidates(cond.b, table);
      if (a && b) return a.ascending && b.ascending ? { rows: intersectAscending(a.rows, b.rows), ascending: true } : a.rows.length <= b.rows.length ? a : b;
      return a ?? b;
    }
    case 'or': {
      const a = planCandidates(cond.a, table);
      const b = planCandidates(cond.b, table);
      if (!a || !b) return null;
      return { rows: [...new Set([...a.rows, ...b.rows])], ascending: false };
    }
    case 'cmp': {
      if (cond.op === '=' && typeof cond.value === 'number' && cond.prop.toUpperCase() === 'RESOURCEID') {
        const i = table.indexOf(cond.value);
        return { rows: i === undefined ? [] : [i], ascending: true };
      }
      if (cond.op !== '=' || typeof cond.value !== 'string') return null;
      return fromIndex(lookup(cond.prop.toUpperCase(), cond.value, table));
    }
    case 'like': {
      if (cond.negate || cond.prop.toUpperCase() !== 'NAME') return null;
      const m = /^([^%_[]+)%$/.exec(cond.pattern);
      return m ? { rows: table.byNamePrefix(m[1]), ascending: false } : null;
    }
    case 'in': {
      if (cond.negate) return null;
      const parts = cond.values.map((v) => (typeof v === 'string' ? lookup(cond.prop.toUpperCase(), v, table) : null));
      if (parts.some((p) => p === null)) return null;
      return { rows: [...new Set(parts.flatMap((p) => p!))], ascending: false };
    }
    default:
      return null;
  }
}

function intersectAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

function lookup(propUpper: string, value: string, table: DeviceTable): number[] | null {
  switch (propUpper) {
    case 'NAME':
    case 'NETBIOSNAME':
      return table.byName(value);
    case 'SYSTEMGROUPNAME':
      return table.byGroup(value);
    case 'SYSTEMOUNAME':
      return table.byOu(value);
    case 'MACADDRESSES':
      return table.byMac(value);
    case 'SMBIOSGUID':
      return table.byGuid(value);
    default:
      return null;
  }
}

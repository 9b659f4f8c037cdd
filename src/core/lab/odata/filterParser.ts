/**
 * OData v4 `$filter` parser for the subset the AdminService is used with: eq ne gt ge lt le,
 * and or not, parentheses, string ('' escapes) / number / boolean / null / datetime literals,
 * startswith endswith contains tolower toupper length, and any()/all() lambdas on arrays.
 */
export type FilterExpr =
  | { k: 'literal'; type: 'string' | 'number' | 'boolean' | 'null' | 'datetime'; value: string | number | boolean | null }
  | { k: 'property'; name: string }
  | { k: 'lambdaVar'; name: string; path: string | null }
  | { k: 'compare'; op: CompareOp; left: FilterExpr; right: FilterExpr }
  | { k: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { k: 'not'; operand: FilterExpr }
  | { k: 'call'; name: string; args: FilterExpr[] }
  | { k: 'lambda'; fn: 'any' | 'all'; property: string; variable: string | null; body: FilterExpr | null };

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** A malformed filter: the lab answers 400 with the message. */
export class FilterSyntaxError extends Error {}

interface Token {
  kind: 'ident' | 'string' | 'number' | 'datetime' | 'punct';
  text: string;
  pos: number;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new FilterSyntaxError(`Unterminated string literal at position ${i} in '${text}'.`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      tokens.push({ kind: 'string', text: value, pos: i });
      i = j + 1;
      continue;
    }
    const rest = text.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt) {
      tokens.push({ kind: 'datetime', text: dt[0], pos: i });
      i += dt[0].length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[LlMmDdFf]?/.exec(rest);
    if (num && (c !== '-' || /^-\d/.test(rest))) {
      tokens.push({ kind: 'number', text: num[0].replace(/[LlMmDdFf]$/, ''), pos: i });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    if ('(),/:'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, pos: i });
      i++;
      continue;
    }
    throw new FilterSyntaxError(`Syntax error: character '${c}' is not valid at position ${i} in '${text}'.`);
  }
  return tokens;
}

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

export function parseFilter(text: string): FilterExpr {
  const tokens = tokenize(text);
  let pos = 0;
  const lambdaVars: string[] = [];
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (t: Token | undefined, w: string): boolean => t?.kind === 'ident' && t.text.toLowerCase() === w;
  const fail = (what: string): never => {
    const t = peek();
    throw new FilterSyntaxError(t ? `Syntax error at position ${t.pos} in '${text}': ${what}.` : `Syntax error at the end of '${text}': ${what}.`);
  };
  const expectPunct = (p: string): void => {
    const t = peek();
    if (t?.kind !== 'punct' || t.text !== p) fail(`'${p}' expected`);
    pos++;
  };

  const orExpr = (): FilterExpr => {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { k: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): FilterExpr => {
    let left = notExpr();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { k: 'and', left, right: notExpr() };
    }
    return left;
  };
  const notExpr = (): FilterExpr => {
    if (isWord(peek(), 'not')) {
      pos++;
      return { k: 'not', operand: notExpr() };
    }
    return compareExpr();
  };
  const compareExpr = (): FilterExpr => {
    const left = primary();
    const t = peek();
    if (t?.kind === 'ident' && COMPARE_OPS.has(t.text.toLowerCase())) {
      pos++;
      return { k: 'compare', op: t.text.toLowerCase() as CompareOp, left, right: primary() };
    }
    return left;
  };
  const primary = (): FilterExpr => {
    const t = peek();
    if (!t) return fail('an expression is expected');
    if (t.kind === 'punct' && t.text === '(') {
      pos++;
      const inner = orExpr();
      expectPunct(')');
      return inner;
    }
    pos++;
    if (t.kind === 'string') return { k: 'literal', type: 'string', value: t.text };
    if (t.kind === 'number') return { k: 'literal', type: 'number', value: Number(t.text) };
    if (t.kind === 'datetime') return { k: 'literal', type: 'datetime', value: t.text };
    if (t.kind !== 'ident') return fail(`unexpected '${t.text}'`);
    const lower = t.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return { k: 'literal', type: 'boolean', value: lower === 'true' };
    if (lower === 'null') return { k: 'literal', type: 'null', value: null };
    if (peek()?.text === '(' && peek()?.kind === 'punct') {
      pos++;
      const args: FilterExpr[] = [];
      if (peek()?.text !== ')') {
        args.push(orExpr());
        while (peek()?.text === ',') {
          pos++;
          args.push(orExpr());
        }
      }
      expectPunct(')');
      return { k: 'call', name: lower, args };
    }
    if (lambdaVars.includes(t.text)) {
      if (peek()?.text === '/') {
        pos++;
        const member = peek();
        if (member?.kind !== 'ident') return fail('a property name is expected after /');
        pos++;
        return { k: 'lambdaVar', name: t.text, path: member.text };
      }
      return { k: 'lambdaVar', name: t.text, path: null };
    }
    if (peek()?.text === '/' && (isWord(tokens[pos + 1], 'any') || isWord(tokens[pos + 1], 'all'))) {
      const fn = tokens[pos + 1].text.toLowerCase() as 'any' | 'all';
      pos += 2;
      expectPunct('(');
      if (peek()?.text === ')') {
        if (fn === 'all') fail('all() needs a lambda');
        pos++;
        return { k: 'lambda', fn, property: t.text, variable: null, body: null };
      }
      const variable = peek();
      if (variable?.kind !== 'ident') return fail('a lambda variable is expected');
      pos++;
      expectPunct(':');
      lambdaVars.push(variable.text);
      const body = orExpr();
      lambdaVars.pop();
      expectPunct(')');
      return { k: 'lambda', fn, property: t.text, variable: variable.text, body };
    }
    if (peek()?.text === '/') return fail('navigation paths are not supported');
    return { k: 'property', name: t.text };
  };

  if (tokens.length === 0) throw new FilterSyntaxError('The $filter expression is empty.');
  const expr = orExpr();
  if (pos < tokens.length) fail(`unexpected '${tokens[pos].text}'`);
  return expr;
}

import { LabHttpError, type Column, type LabClass, type PropType } from '../classes/types';
import { compareValues } from './compare';
import type { CompareOp, FilterExpr } from './filterParser';

type ValueType = 'string' | 'number' | 'boolean' | 'datetime' | 'null' | 'array' | 'object' | 'unknown';
type Env = Record<string, unknown>;
interface Compiled<R> {
  type: ValueType;
  /** Element type when `type` is array. */
  elementType?: ValueType;
  eval(row: R, env: Env): unknown;
}

const EDM: Record<ValueType, string> = {
  string: 'Edm.String',
  number: 'Edm.Int64',
  boolean: 'Edm.Boolean',
  datetime: 'Edm.DateTimeOffset',
  null: 'null',
  array: 'Collection',
  object: 'Edm.ComplexType',
  unknown: 'Edm.Untyped',
};
const OP_KIND: Record<CompareOp, string> = { eq: 'Equal', ne: 'NotEqual', gt: 'GreaterThan', ge: 'GreaterThanOrEqual', lt: 'LessThan', le: 'LessThanOrEqual' };

function columnType(type: PropType): { type: ValueType; elementType?: ValueType } {
  switch (type) {
    case 'string':
      return { type: 'string' };
    case 'int':
      return { type: 'number' };
    case 'bool':
      return { type: 'boolean' };
    case 'datetime':
      return { type: 'datetime' };
    case 'string[]':
      return { type: 'array', elementType: 'string' };
    case 'int[]':
      return { type: 'array', elementType: 'number' };
    case 'datetime[]':
      return { type: 'array', elementType: 'datetime' };
    case 'object[]':
      return { type: 'array', elementType: 'object' };
    case 'object':
      return { type: 'object' };
  }
}

export function resolveColumn<R>(cls: LabClass<R>, name: string): Column<R> {
  const upper = name.toUpperCase();
  const column = cls.columns.find((c) => c.name.toUpperCase() === upper);
  if (!column) throw new LabHttpError(400, `Could not find a property named '${name}' on type 'AdminService.${cls.name}'.`);
  return column;
}

const toMillis = (v: unknown): number | null => (typeof v === 'string' ? Date.parse(v) : null);

/** Compiles a parsed `$filter` against a class into a row predicate; type errors become 400. */
export function compileFilter<R>(expr: FilterExpr, cls: LabClass<R>): (row: R) => boolean {
  const compiled = compile(expr, cls, new Map());
  if (compiled.type !== 'boolean' && compiled.type !== 'unknown') throw new LabHttpError(400, 'The $filter expression must evaluate to a single boolean value.');
  return (row) => compiled.eval(row, {}) === true;
}

function compile<R>(expr: FilterExpr, cls: LabClass<R>, vars: Map<string, ValueType>): Compiled<R> {
  switch (expr.k) {
    case 'literal': {
      const value = expr.type === 'datetime' ? new Date(String(expr.value)).toISOString() : expr.value;
      if (expr.type === 'datetime' && Number.isNaN(Date.parse(String(expr.value)))) throw new LabHttpError(400, `The date literal '${expr.value}' is not valid.`);
      return { type: expr.type, eval: () => value };
    }
    case 'property': {
      const column = resolveColumn(cls, expr.name);
      return { ...columnType(column.type), eval: (row) => column.get(row) };
    }
    case 'lambdaVar': {
      const type = vars.get(expr.name) ?? 'unknown';
      const path = expr.path;
      if (path) return { type: 'unknown', eval: (_row, env) => (env[expr.name] as Record<string, unknown> | null | undefined)?.[path] };
      return { type, eval: (_row, env) => env[expr.name] };
    }
    case 'and':
    case 'or': {
      const left = boolOperand(compile(expr.left, cls, vars));
      const right = boolOperand(compile(expr.right, cls, vars));
      return expr.k === 'and'
        ? { type: 'boolean', eval: (row, env) => left.eval(row, env) === true && right.eval(row, env) === true }
        : { type: 'boolean', eval: (row, env) => left.eval(row, env) === true || right.eval(row, env) === true };
    }
    case 'not': {
      const operand = boolOperand(compile(expr.operand, cls, vars));
      return { type: 'boolean', eval: (row, env) => operand.eval(row, env) !== true };
    }
    case 'compare':
      return compileCompare(expr.op, compile(expr.left, cls, vars), compile(expr.right, cls, vars));
    case 'call':
      return compileCall(expr.name, expr.args.map((a) => compile(a, cls, vars)));
    case 'lambda': {
      const column = resolveColumn(cls, expr.property);
      const { type, elementType } = columnType(column.type);
      if (type !== 'array') throw new LabHttpError(400, `The '${expr.fn}' lambda needs a collection property; '${column.name}' is not one.`);
      if (!expr.body || !expr.variable) return { type: 'boolean', eval: (row) => Array.isArray(column.get(row)) && (column.get(row) as unknown[]).length > 0 };
      const inner = new Map(vars).set(expr.variable, elementType ?? 'unknown');
      const body = boolOperand(compile(expr.body, cls, inner));
      const variable = expr.variable;
      const test = (row: R, env: Env, element: unknown): boolean => body.eval(row, { ...env, [variable]: element }) === true;
      return expr.fn === 'any'
        ? { type: 'boolean', eval: (row, env) => ((column.get(row) as unknown[] | null) ?? []).some((e) => test(row, env, e)) }
        : { type: 'boolean', eval: (row, env) => ((column.get(row) as unknown[] | null) ?? []).every((e) => test(row, env, e)) };
    }
  }
}

function boolOperand<R>(c: Compiled<R>): Compiled<R> {
  if (c.type !== 'boolean' && c.type !== 'unknown') throw new LabHttpError(400, `A boolean operand was expected, found '${EDM[c.type]}'.`);
  return c;
}

function compileCompare<R>(op: CompareOp, left: Compiled<R>, right: Compiled<R>): Compiled<R> {
  const isNull = left.type === 'null' || right.type === 'null';
  if (left.type === 'array' || right.type === 'array' || (!isNull && left.type !== right.type && left.type !== 'unknown' && right.type !== 'unknown')) {
    throw new LabHttpError(400, `A binary operator with incompatible types was detected. Found operand types '${EDM[left.type]}' and '${EDM[right.type]}' for operator kind '${OP_KIND[op]}'.`);
  }
  const datetime = left.type === 'datetime' || right.type === 'datetime';
  return {
    type: 'boolean',
    eval: (row, env) => {
      let a = left.eval(row, env);
      let b = right.eval(row, env);
      if (a === null || a === undefined || b === null || b === undefined) {
        const bothNull = (a === null || a === undefined) && (b === null || b === undefined);
        return op === 'eq' ? bothNull : op === 'ne' ? !bothNull : false;
      }
      if (datetime) {
        a = toMillis(a);
        b = toMillis(b);
      }
      const c = compareValues(a, b);
      switch (op) {
        case 'eq':
          return c === 0 || (typeof a === 'string' && typeof b === 'string' && a.toUpperCase() === b.toUpperCase());
        case 'ne':
          return !(c === 0 || (typeof a === 'string' && typeof b === 'string' && a.toUpperCase() === b.toUpperCase()));
        case 'gt':
          return c > 0;
        case 'ge':
          return c >= 0;
        case 'lt':
          return c < 0;
        case 'le':
          return c <= 0;
      }
    },
  };
}

function compileCall<R>(name: string, args: Compiled<R>[]): Compiled<R> {
  const str = (c: Compiled<R>, row: R, env: Env): string | null => {
    const v = c.eval(row, env);
    return v === null || v === undefined ? null : String(v);
  };
  const expectArgs = (n: number): void => {
    if (args.length !== n) throw new LabHttpError(400, `The function '${name}' takes ${n} argument(s), ${args.length} given.`);
    for (const a of args) if (a.type !== 'string' && a.type !== 'unknown' && a.type !== 'null') throw new LabHttpError(400, `No function signature for the function with name '${name}' matches the specified arguments. The function signatures considered are: ${name}(Edm.String${n === 2 ? '; Edm.String' : ''}).`);
  };
  switch (name) {
    case 'startswith':
    case 'endswith':
    case 'contains': {
      expectArgs(2);
      const [a, b] = args;
      const test = name === 'startswith' ? (x: string, y: string) => x.startsWith(y) : name === 'endswith' ? (x: string, y: string) => x.endsWith(y) : (x: string, y: string) => x.includes(y);
      return {
        type: 'boolean',
        eval: (row, env) => {
          const x = str(a, row, env);
          const y = str(b, row, env);
          return x !== null && y !== null && test(x.toUpperCase(), y.toUpperCase());
        },
      };
    }
    case 'tolower':
    case 'toupper': {
      expectArgs(1);
      const [a] = args;
      return { type: 'string', eval: (row, env) => (name === 'tolower' ? str(a, row, env)?.toLowerCase() : str(a, row, env)?.toUpperCase()) ?? null };
    }
    case 'length': {
      expectArgs(1);
      const [a] = args;
      return { type: 'number', eval: (row, env) => str(a, row, env)?.length ?? null };
    }
    case 'trim': {
      expectArgs(1);
      const [a] = args;
      return { type: 'string', eval: (row, env) => str(a, row, env)?.trim() ?? null };
    }
    default:
      throw new LabHttpError(400, `An unknown function with name '${name}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`);
  }
}

import { LabHttpError, type Column, type IndexedRows, type LabClass } from '../classes/types';
import { compareValues } from './compare';
import { compileFilter, resolveColumn } from './compileFilter';
import { FilterSyntaxError, parseFilter, type FilterExpr } from './filterParser';

export interface QueryOptions {
  filter: FilterExpr | null;
  select: string[] | null;
  orderBy: Array<{ property: string; descending: boolean }>;
  top: number | null;
  skip: number;
}

/** Reads `$filter`, `$select`, `$orderby`, `$top`, `$skip`; other options are ignored (see README). */
export function parseQueryOptions(params: URLSearchParams): QueryOptions {
  const get = (name: string): string | null => {
    for (const [k, v] of params) if (k.toLowerCase() === name) return v;
    return null;
  };
  const nonNegative = (name: string): number | null => {
    const raw = get(name);
    if (raw === null) return null;
    if (!/^\d+$/.test(raw.trim())) throw new LabHttpError(400, `Invalid value '${raw}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`);
    return Number(raw);
  };
  const rawFilter = get('$filter');
  let filter: FilterExpr | null = null;
  if (rawFilter !== null) {
    try {
      filter = parseFilter(rawFilter);
    } catch (err) {
      if (err instanceof FilterSyntaxError) throw new LabHttpError(400, `The query specified in the URI is not valid. ${err.message}`);
      throw err;
    }
  }
  const rawSelect = get('$select');
  const select = rawSelect === null || rawSelect.trim() === '*' ? null : rawSelect.split(',').map((s) => s.trim()).filter(Boolean);
  const rawOrder = get('$orderby');
  const orderBy = (rawOrder ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([A-Za-z_]\w*)(?:\s+(asc|desc))?$/i.exec(part);
      if (!m) throw new LabHttpError(400, `The query specified in the URI is not valid. Syntax error in $orderby '${rawOrder}'.`);
      return { property: m[1], descending: (m[2] ?? '').toLowerCase() === 'desc' };
    });
  return { filter, select, orderBy, top: nonNegative('$top'), skip: nonNegative('$skip') ?? 0 };
}

/** The columns `$select` names (case-insensitive), or null for all. */
export function selectColumns<R>(cls: LabClass<R>, select: string[] | null): Column<R>[] | null {
  return select ? select.map((name) => resolveColumn(cls, name)) : null;
}

/** Runs a query: index candidates → filter → order → skip/top. */
export function runQuery<R>(cls: LabClass<R>, options: QueryOptions): { rows: R[]; columns: Column<R>[] | null } {
  const columns = selectColumns(cls, options.select);
  const order = options.orderBy.map((o) => ({ column: resolveColumn(cls, o.property), descending: o.descending }));
  for (const o of order) {
    if (o.column.type.endsWith('[]') || o.column.type === 'object') throw new LabHttpError(400, `The $orderby expression must evaluate to a single value of primitive type; '${o.column.name}' is a collection.`);
  }
  const predicate = options.filter ? compileFilter(options.filter, cls) : null;
  const planned = options.filter ? planFilter(options.filter, cls) : null;
  const source: Iterable<R> = planned ? planned.rows : cls.rows();
  const end = options.top === null ? Infinity : options.skip + options.top;

  if (order.length === 0 || (planned?.orderedBy && order.length === 1 && order[0].column.name === planned.orderedBy)) {
    // Already in the requested order: stream and stop once the page is full.
    const reverse = order.length === 1 && order[0].descending;
    const rows: R[] = [];
    if (reverse) {
      const all = [...source].filter((r) => !predicate || predicate(r)).reverse();
      return { rows: all.slice(options.skip, end), columns };
    }
    let matched = 0;
    for (const row of source) {
      if (predicate && !predicate(row)) continue;
      if (matched >= end) break;
      if (matched >= options.skip) rows.push(row);
      matched++;
    }
    return { rows, columns };
  }
  const rows: R[] = [];
  for (const row of source) if (!predicate || predicate(row)) rows.push(row);
  const keyed = rows.map((row) => ({ row, keys: order.map((o) => o.column.get(row)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i]);
      if (c !== 0) return order[i].descending ? -c : c;
    }
    return 0;
  });
  return { rows: keyed.slice(options.skip, end).map((k) => k.row), columns };
}

/** Candidate rows from the class's indexes (`Prop eq literal`, `Arr/any(x: x eq literal)`, and/or). */
function planFilter<R>(expr: FilterExpr, cls: LabClass<R>): IndexedRows<R> | null {
  if (!cls.lookup) return null;
  switch (expr.k) {
    case 'and': {
      const a = planFilter(expr.left, cls);
      const b = planFilter(expr.right, cls);
      if (a && b) return a.rows.length <= b.rows.length ? a : b;
      return a ?? b;
    }
    case 'or': {
      const a = planFilter(expr.left, cls);
      const b = planFilter(expr.right, cls);
      return a && b ? { rows: [...new Set([...a.rows, ...b.rows])] } : null;
    }
    case 'compare': {
      if (expr.op !== 'eq') return null;
      const [prop, lit] = expr.left.k === 'property' ? [expr.left, expr.right] : [expr.right, expr.left];
      if (prop.k !== 'property' || lit.k !== 'literal' || lit.value === null || lit.type === 'datetime') return null;
      return lookupProperty(cls, prop.name, lit.value);
    }
    case 'lambda': {
      const body = expr.body;
      if (expr.fn !== 'any' || !body || body.k !== 'compare' || body.op !== 'eq') return null;
      const lit = body.left.k === 'literal' ? body.left : body.right;
      const v = body.left.k === 'lambdaVar' ? body.left : body.right;
      if (lit.k !== 'literal' || v.k !== 'lambdaVar' || v.path || lit.value === null || lit.type === 'datetime') return null;
      return lookupProperty(cls, expr.property, lit.value);
    }
    default:
      return null;
  }
}

function lookupProperty<R>(cls: LabClass<R>, name: string, value: string | number | boolean): IndexedRows<R> | null {
  const column = cls.columns.find((c) => c.name.toUpperCase() === name.toUpperCase());
  return column ? (cls.lookup?.(column.name, value) ?? null) : null;
}

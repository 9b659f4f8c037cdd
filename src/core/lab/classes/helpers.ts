import { LabHttpError, type Column, type KeyValues, type LabClass } from './types';

/** A class over a Map keyed by its single key property. */
export function mapClass<R>(spec: {
  name: string;
  key: string;
  columns: readonly Column<R>[];
  map: () => ReadonlyMap<string | number, R>;
  securityVerbs?: number;
  normaliseKey?: (value: string | number) => string | number;
}): LabClass<R> {
  return {
    name: spec.name,
    keys: [spec.key],
    columns: spec.columns,
    securityVerbs: spec.securityVerbs,
    rows: () => spec.map().values(),
    findByKey: (key: KeyValues) => {
      const value = key[spec.key];
      if (value === undefined) return undefined;
      return spec.map().get(spec.normaliseKey ? spec.normaliseKey(value) : value);
    },
  };
}

export function col<R>(name: string, type: Column<R>['type'], get: (row: R) => unknown, lazy?: boolean): Column<R> {
  return lazy ? { name, type, get, lazy } : { name, type, get };
}

/** The column with an explicit `$metadata` type (see Column.edm). */
export function withEdm<R>(column: Column<R>, edm: string): Column<R> {
  return { ...column, edm };
}

/** Method parameters: JSON types are checked the way OData model binding does (400 on mismatch). */
export function stringParam(body: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = findParam(body, name);
  if (value === undefined || value === null) {
    if (required) throw new LabHttpError(400, `The parameter '${name}' is required.`);
    return undefined;
  }
  if (typeof value !== 'string') throw new LabHttpError(400, `Cannot convert the value of parameter '${name}' to Edm.String.`);
  return value;
}

export function intParam(body: Record<string, unknown>, name: string, required: boolean): number | undefined {
  const value = findParam(body, name);
  if (value === undefined || value === null) {
    if (required) throw new LabHttpError(400, `The parameter '${name}' is required.`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new LabHttpError(400, `Cannot convert the value of parameter '${name}' to Edm.Int64.`);
  return value;
}

export function boolParam(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = findParam(body, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new LabHttpError(400, `Cannot convert the value of parameter '${name}' to Edm.Boolean.`);
  return value;
}

/** Parameter names bind case-insensitively (OData Web API behaviour). */
export function findParam(body: Record<string, unknown>, name: string): unknown {
  if (name in body) return body[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(body)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** A provider-side failure: 500 with the provider's message in the error body. */
export function providerError(message: string): LabHttpError {
  return new LabHttpError(500, message);
}

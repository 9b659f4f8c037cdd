/**
 * Small structural checks for webview messages, shared by both sides of every webview
 * (no Node or VS Code imports). A message that fails them is dropped, never half-used.
 */

export type Guard<T> = (value: unknown) => value is T;
/** A field check: a guard or any predicate. */
export type Check = (value: unknown) => boolean;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString: Guard<string> = (v): v is string => typeof v === 'string';
export const isBoolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
export const isFiniteNumber: Guard<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
export const isIndex: Guard<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export function isNullable<T>(guard: Guard<T>): Guard<T | null> {
  return (v): v is T | null => v === null || guard(v);
}

export function isArrayOf<T = unknown>(check: Check, maxLength = 100_000): Guard<T[]> {
  return (v): v is T[] => Array.isArray(v) && v.length <= maxLength && v.every((item) => check(item));
}

export function isOneOf<T extends string>(values: readonly T[]): Guard<T> {
  return (v): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
}

/** Checks the listed fields of an object; other fields are ignored. */
export function hasFields(value: unknown, fields: Record<string, Check>): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  for (const [name, guard] of Object.entries(fields)) if (!guard(value[name])) return false;
  return true;
}

/**
 * Validator of a discriminated union: one field check per `type`. Returns the message
 * typed, or undefined for anything else (unknown type, missing or wrong field).
 */
export function unionParser<T extends { type: string }>(shapes: { [K in T['type']]: Record<string, Check> }): (value: unknown) => T | undefined {
  return (value) => {
    if (!isRecord(value) || typeof value.type !== 'string' || !Object.prototype.hasOwnProperty.call(shapes, value.type)) return undefined;
    const fields = shapes[value.type as T['type']];
    return hasFields(value, fields) ? (value as T) : undefined;
  };
}

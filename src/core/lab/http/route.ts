/** A parsed AdminService URL path. */
export type Route =
  | { kind: 'metadata'; api: Api }
  | { kind: 'entitySet'; api: Api; className: string; key: KeyLiteral | null; count: boolean; method: string | null }
  | { kind: 'staticMethod'; api: Api; className: string; method: string }
  | { kind: 'notFound'; message: string };

export type Api = 'wmi' | 'v1.0';

/** `(16777220)`, `('PS100012')`, `(CollectionID='X',ResourceID=1)`, or a `/key` path segment. */
export type KeyLiteral = { kind: 'value'; value: string | number } | { kind: 'named'; values: Record<string, string | number> } | { kind: 'segment'; text: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses `/AdminService/<api>/<rest>`. Segments are percent-decoded here, after a raw
 * backslash has already been rejected by the server (see README).
 */
export function parseRoute(pathname: string): Route {
  const m = /^\/AdminService\/(wmi|v1\.0)(?:\/(.*))?$/i.exec(pathname);
  if (!m) return { kind: 'notFound', message: `No HTTP resource was found that matches the request URI '${pathname}'.` };
  const api: Api = m[1].toLowerCase() === 'wmi' ? 'wmi' : 'v1.0';
  const rest = m[2] ?? '';
  if (!rest) return { kind: 'notFound', message: 'No entity set was given.' };
  let segments: string[];
  try {
    segments = rest.split('/').filter((s, i, all) => s !== '' || i < all.length - 1).map(decodeURIComponent);
  } catch {
    return { kind: 'notFound', message: `The URI '${pathname}' is not valid.` };
  }
  const [first, ...others] = segments;
  if (first === '$metadata' && others.length === 0) return { kind: 'metadata', api };

  const withKey = /^([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$/.exec(first);
  const staticCall = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(first);
  let className: string;
  let key: KeyLiteral | null = null;
  if (withKey) {
    className = withKey[1];
    const parsed = parseKey(withKey[2]);
    if (!parsed) return { kind: 'notFound', message: `The key '${withKey[2]}' in the URI is not valid.` };
    key = parsed;
  } else if (staticCall && others.length === 0) {
    return { kind: 'staticMethod', api, className: staticCall[1], method: staticCall[2] };
  } else if (NAME.test(first)) {
    className = first;
  } else {
    return { kind: 'notFound', message: `No HTTP resource was found that matches the request URI '${pathname}'.` };
  }

  let method: string | null = null;
  let count = false;
  for (const segment of others) {
    const action = /^AdminService\.([A-Za-z_][A-Za-z0-9_]*)$/i.exec(segment);
    if (segment === '$count' && !key && !method) count = true;
    else if (action && !method && !count) method = action[1];
    else if (!key && !method && !count && segment) key = { kind: 'segment', text: segment };
    else return { kind: 'notFound', message: `No HTTP resource was found that matches the request URI '${pathname}'.` };
  }
  return { kind: 'entitySet', api, className, key, count, method };
}

function parseKey(text: string): KeyLiteral | null {
  const value = parseKeyValue(text.trim());
  if (value !== null) return { kind: 'value', value };
  const values: Record<string, string | number> = {};
  for (const part of splitTopLevel(text)) {
    const eq = part.indexOf('=');
    if (eq < 1) return null;
    const name = part.slice(0, eq).trim();
    const v = parseKeyValue(part.slice(eq + 1).trim());
    if (!NAME.test(name) || v === null) return null;
    values[name] = v;
  }
  return Object.keys(values).length ? { kind: 'named', values } : null;
}

function parseKeyValue(text: string): string | number | null {
  if (/^-?\d+$/.test(text)) return Number(text);
  const s = /^'((?:[^']|'')*)'$/.exec(text);
  return s ? s[1].replace(/''/g, "'") : null;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of text) {
    if (c === "'") quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

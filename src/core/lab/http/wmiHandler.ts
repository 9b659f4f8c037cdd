import type { ClassRegistry } from '../classes/registry';
import { projectEntity, shapeEntity } from '../classes/shape';
import { LabHttpError, type KeyValues, type LabClass } from '../classes/types';
import { parseQueryOptions, runQuery, selectColumns } from '../odata/execute';
import type { SiteRecord } from '../state/model';
import { wmiMetadata } from './metadata';
import type { KeyLiteral } from './route';
import { errorResponse, type ApiRequest, type ApiResponse } from './types';

/** The wmi route: list / key GET / create / update / delete / static and instance methods. */
export async function handleWmi(req: ApiRequest, registry: ClassRegistry, site: SiteRecord): Promise<ApiResponse> {
  try {
    return await dispatch(req, registry, site);
  } catch (err) {
    if (err instanceof LabHttpError) return errorResponse(err.status, err.message);
    throw err;
  }
}

async function dispatch(req: ApiRequest, registry: ClassRegistry, site: SiteRecord): Promise<ApiResponse> {
  const { route } = req;
  const wmiBase = `${req.baseUrl}/wmi`;
  if (route.kind === 'notFound') return errorResponse(404, route.message);
  if (route.kind === 'metadata') return req.method === 'GET' ? { status: 200, body: wmiMetadata(registry.all()), contentType: 'xml' } : notAllowed(req.method);
  const cls = registry.resolve(route.className);
  if (!cls) return errorResponse(404, `Resource not found for the segment '${route.className}'.`);

  if (route.kind === 'staticMethod') {
    const name = Object.keys(cls.staticMethods ?? {}).find((m) => m.toLowerCase() === route.method.toLowerCase());
    if (!name) return errorResponse(404, `Resource not found for the segment '${cls.name}.${route.method}'.`);
    const method = cls.staticMethods![name];
    if (req.method !== 'GET' && req.method !== 'POST') return notAllowed(req.method);
    if (!method.readOnly) assertCanWrite(req, `call ${cls.name}.${name}`);
    assertNotFailing(req, name);
    const result = await bindingErrorsAsNotFound(() => method.call({ user: req.user, body: bodyObject(req.body, req.method === 'GET') }));
    return parameters(wmiBase, result);
  }

  const key = route.key ? toKeyValues(cls, route.key) : null;
  if (route.key && !key) return notFound(cls, route.key);
  const row = key ? cls.findByKey(key) : undefined;
  if (key && row === undefined) return notFound(cls, route.key!);

  if (route.method) {
    if (!key || row === undefined) return errorResponse(404, `Resource not found for the segment 'AdminService.${route.method}'.`);
    const name = Object.keys(cls.instanceMethods ?? {}).find((m) => m.toLowerCase() === route.method!.toLowerCase());
    if (!name) return errorResponse(404, `Resource not found for the segment 'AdminService.${route.method}'.`);
    if (req.method !== 'POST') return notAllowed(req.method);
    assertCanWrite(req, `call ${cls.name}.${name}`);
    assertNotFailing(req, name);
    const result = await bindingErrorsAsNotFound(() => cls.instanceMethods![name].call(row, { user: req.user, body: bodyObject(req.body, false) }));
    return parameters(wmiBase, result);
  }

  if (route.count) {
    if (req.method !== 'GET') return notAllowed(req.method);
    const options = parseQueryOptions(req.query);
    return { status: 200, body: String(runQuery(cls, { ...options, top: null, skip: 0, orderBy: [] }).rows.length), contentType: 'text' };
  }

  switch (req.method) {
    case 'GET': {
      const options = parseQueryOptions(req.query);
      const select = options.select ? `(${options.select.join(',')})` : '';
      const context = `${wmiBase}/$metadata#${cls.name}${select}`;
      if (key) {
        const columns = selectColumns(cls, options.select);
        return { status: 200, body: { '@odata.context': context, value: [columns ? projectEntity(columns, row, true) : shapeEntity(cls, row, site, true)] } };
      }
      const { rows, columns } = runQuery(cls, options);
      return { status: 200, body: { '@odata.context': context, value: rows.map((r) => (columns ? projectEntity(columns, r, false) : shapeEntity(cls, r, site, false))) } };
    }
    case 'POST': {
      if (key || !cls.create) return notAllowed(req.method);
      assertCanWrite(req, `create ${cls.name}`);
      const created = cls.create({ user: req.user, body: bodyObject(req.body, false) });
      return { status: 201, body: { '@odata.context': `${wmiBase}/$metadata#${cls.name}/$entity`, ...shapeEntity(cls, created, site, true) } };
    }
    case 'PUT':
    case 'PATCH': {
      if (!key || !cls.update) return notAllowed(req.method);
      assertCanWrite(req, `update ${cls.name}`);
      const updated = cls.update(row, { user: req.user, body: bodyObject(req.body, false) });
      return { status: 200, body: { '@odata.context': `${wmiBase}/$metadata#${cls.name}/$entity`, ...shapeEntity(cls, updated, site, true) } };
    }
    case 'DELETE': {
      if (!key || !cls.remove) return notAllowed(req.method);
      assertCanWrite(req, `delete ${cls.name}`);
      cls.remove(row, { user: req.user, body: {} });
      return { status: 204 };
    }
    default:
      return notAllowed(req.method);
  }
}

function parameters(wmiBase: string, result: Record<string, unknown>): ApiResponse {
  const { ReturnValue, ...out } = result;
  return { status: 201, body: { '@odata.context': `${wmiBase}/$metadata#__PARAMETERS`, ...out, ReturnValue: ReturnValue ?? 0 } };
}

/**
 * A method call whose parameters do not bind (wrong JSON type, missing `@odata.type`, body not an
 * object) matches no action on a real site: 404, with the message saying which parameter
 * (reference §1.4, Microsoft's configmgr-hub troubleshooting note). Entity bodies keep 400.
 */
async function bindingErrorsAsNotFound<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof LabHttpError && err.status === 400) throw new LabHttpError(404, err.message);
    throw err;
  }
}

function notAllowed(method: string): ApiResponse {
  return errorResponse(405, `The requested resource does not support http method '${method}'.`);
}

function notFound(cls: LabClass<unknown>, key: KeyLiteral): ApiResponse {
  const text = key.kind === 'value' ? String(key.value) : key.kind === 'segment' ? key.text : JSON.stringify(key.values);
  return errorResponse(404, `No instance of ${cls.name} was found with key ${text}.`);
}

function assertCanWrite(req: ApiRequest, action: string): void {
  if (req.role !== 'full') throw new LabHttpError(403, `Access denied. ${req.user} (Read-only Analyst) does not have permission to ${action}.`);
}

function assertNotFailing(req: ApiRequest, method: string): void {
  if (req.failMethod && req.failMethod.toLowerCase() === method.toLowerCase()) {
    throw new LabHttpError(500, `${method} failed: Generic failure (0x80041001). The SMS Provider reported an error; see SMSProv.log.`);
  }
}

function bodyObject(body: unknown, allowMissing: boolean): Record<string, unknown> {
  if (body === undefined || body === null) {
    return {};
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    if (allowMissing) return {};
    throw new LabHttpError(400, 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** Maps a URL key to the class's canonical key names; int keys must be numbers. */
function toKeyValues(cls: LabClass<unknown>, key: KeyLiteral): KeyValues | null {
  const typeOf = (name: string) => cls.columns.find((c) => c.name === name)?.type;
  const coerce = (name: string, value: string | number): string | number | null => {
    if (typeOf(name) === 'int') {
      if (typeof value === 'number') return value;
      return /^\d+$/.test(value) ? Number(value) : null;
    }
    return typeof value === 'string' ? value : null;
  };
  if (key.kind === 'named') {
    const out: KeyValues = {};
    for (const name of cls.keys) {
      const given = Object.entries(key.values).find(([k]) => k.toLowerCase() === name.toLowerCase());
      const v = given ? coerce(name, given[1]) : null;
      if (v === null) return null;
      out[name] = v;
    }
    return out;
  }
  if (cls.keys.length !== 1) return null;
  const v = coerce(cls.keys[0], key.kind === 'value' ? key.value : key.text);
  return v === null ? null : { [cls.keys[0]]: v };
}

import type { PropType } from '../state/deviceProperties';

export type { PropType };

/** One WMI property of a class: canonical name, OData type, and how to read it from a row. */
export interface Column<R> {
  name: string;
  type: PropType;
  /** Listed in `__LAZYPROPERTIES`; null in lists, filled on a GET by key. */
  lazy?: boolean;
  /** `$metadata` type when `type` alone does not say it (SInt32 → Edm.Int32, UInt8[] → Edm.Binary, embedded classes). */
  edm?: string;
  get(row: R): unknown;
}

/** In-parameters of a method as `$metadata` declares them: name → EDM type. */
export type MethodParameters = Readonly<Record<string, string>>;

/** Rows an index returned for a filter, and the order they are already in. */
export interface IndexedRows<R> {
  rows: readonly R[];
  /** Canonical property the rows are sorted by (ascending), if any. */
  orderedBy?: string;
}

export type KeyValues = Record<string, string | number>;

/** Who is calling, and the JSON body of the request. */
export interface CallContext {
  user: string;
  body: Record<string, unknown>;
}

export interface StaticMethod {
  /** Read-only methods stay allowed for the Read-only Analyst role. */
  readOnly?: boolean;
  parameters?: MethodParameters;
  call(ctx: CallContext): Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface InstanceMethod<R> {
  parameters?: MethodParameters;
  call(row: R, ctx: CallContext): Record<string, unknown> | Promise<Record<string, unknown>>;
}

/**
 * A WMI class as the lab serves it on the wmi route. Method syntax (not arrow properties)
 * keeps LabClass<Specific> assignable to LabClass<unknown> in the registry.
 */
export interface LabClass<R> {
  readonly name: string;
  /** Canonical key property names, in __RELPATH order. */
  readonly keys: readonly string[];
  readonly columns: readonly Column<R>[];
  /** Value of the lazy `__QUALIFIER_SECURITYVERBS` on a keyed read; absent = no such property. */
  readonly securityVerbs?: number;
  rows(): Iterable<R>;
  findByKey(key: KeyValues): R | undefined;
  /** Rows whose `property` equals `value` (canonical property name), or null when not indexed. */
  lookup?(property: string, value: string | number | boolean): IndexedRows<R> | null;
  readonly staticMethods?: Readonly<Record<string, StaticMethod>>;
  readonly instanceMethods?: Readonly<Record<string, InstanceMethod<R>>>;
  create?(ctx: CallContext): R;
  update?(row: R, ctx: CallContext): R;
  remove?(row: R, ctx: CallContext): void;
}

/** Raised by class code and routes; becomes `{"error":{"code":"<status>","message":...}}`. */
export class LabHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'LabHttpError';
  }
}

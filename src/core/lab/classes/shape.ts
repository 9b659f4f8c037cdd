import type { SiteRecord } from '../state/model';
import type { Column, LabClass } from './types';

const wmiNamespace = (site: SiteRecord): string => `root\\sms\\site_${site.siteCode}`;

/** `SMS_Collection.CollectionID="PS100012"` (strings quoted with WMI escapes, numbers bare). */
export function relPath<R>(cls: LabClass<R>, row: R): string {
  const parts = cls.keys.map((key) => {
    const value = cls.columns.find((c) => c.name === key)?.get(row);
    return `${key}=${typeof value === 'number' ? value : `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`}`;
  });
  return `${cls.name}.${parts.join(',')}`;
}

export function etag<R>(cls: LabClass<R>, row: R): string {
  return cls.keys.map((key) => String(cls.columns.find((c) => c.name === key)?.get(row))).join(';');
}

/**
 * A full entity as the wmi route returns it: `@odata.etag`, `__LAZYPROPERTIES`, the
 * properties in WMI casing (lazy ones null unless `expandLazy`), then the WMI system properties.
 */
export function shapeEntity<R>(cls: LabClass<R>, row: R, site: SiteRecord, expandLazy: boolean): Record<string, unknown> {
  const entity: Record<string, unknown> = { '@odata.etag': etag(cls, row) };
  const lazy = cls.columns.filter((c) => c.lazy).map((c) => c.name);
  const hasVerbs = cls.securityVerbs !== undefined;
  entity.__LAZYPROPERTIES = hasVerbs ? ['__QUALIFIER_SECURITYVERBS', ...lazy] : lazy;
  if (hasVerbs) entity.__QUALIFIER_SECURITYVERBS = expandLazy ? cls.securityVerbs : null;
  for (const column of cls.columns) entity[column.name] = column.lazy && !expandLazy ? null : column.get(row);
  const rel = relPath(cls, row);
  entity.__GENUS = 2;
  entity.__CLASS = cls.name;
  entity.__SUPERCLASS = 'SMS_BaseClass';
  entity.__DYNASTY = 'SMS_BaseClass';
  entity.__RELPATH = rel;
  // The qualifier pseudo-property is not counted: the reference's SMS_Collection (42) and
  // SMS_PackageStatus (9) samples count the class's own properties only.
  entity.__PROPERTY_COUNT = cls.columns.length;
  entity.__DERIVATION = ['SMS_BaseClass'];
  entity.__SERVER = site.serverNetbios;
  entity.__NAMESPACE = wmiNamespace(site);
  entity.__PATH = `\\\\${site.serverNetbios}\\${wmiNamespace(site)}:${rel}`;
  return entity;
}

/** Only the `$select`ed properties, in the order asked (OData projection: no system properties). */
export function projectEntity<R>(columns: readonly Column<R>[], row: R, expandLazy: boolean): Record<string, unknown> {
  const entity: Record<string, unknown> = {};
  for (const column of columns) entity[column.name] = column.lazy && !expandLazy ? null : column.get(row);
  return entity;
}

import { col, mapClass } from './helpers';
import type { LabContext } from './context';
import { IMPORT_MACHINE_ENTRY_PARAMETERS, importMachineEntry } from './importMachine';
import type { LabClass } from './types';
import type { SiteRecord } from '../state/model';

export function siteClass(ctx: LabContext): LabClass<SiteRecord> {
  const site = ctx.store.site;
  const cls = mapClass<SiteRecord>({
    name: 'SMS_Site',
    key: 'SiteCode',
    map: () => new Map([[site.siteCode, site]]),
    normaliseKey: (v) => String(v).toUpperCase(),
    columns: [
      col('BuildNumber', 'int', (s) => s.buildNumber),
      col('InstallDir', 'string', () => 'C:\\Program Files\\Microsoft Configuration Manager'),
      col('Mode', 'int', () => 0),
      col('ReportingSiteCode', 'string', () => ''),
      col('RequestedStatus', 'int', () => 110),
      col('ServerName', 'string', (s) => s.serverFqdn),
      col('SiteCode', 'string', (s) => s.siteCode),
      col('SiteName', 'string', (s) => s.siteName),
      col('Status', 'int', () => 1),
      col('TimeZoneInfo', 'string', () => '00000000 0000 000A 0000 0005 0002 0000 0000 0000 0000 0003 0000 0005 0001 0000 0000 0000 0000 FFFFFFC4 "GMT Standard Time" "GMT Daylight Time"'),
      col('Type', 'int', () => 2),
      col('Version', 'string', (s) => s.version),
    ],
  });
  return { ...cls, staticMethods: { ImportMachineEntry: { parameters: IMPORT_MACHINE_ENTRY_PARAMETERS, call: (call) => importMachineEntry(ctx, call) } } };
}

export function identificationClass(ctx: LabContext): LabClass<SiteRecord> {
  const site = ctx.store.site;
  const cls = mapClass<SiteRecord>({
    name: 'SMS_Identification',
    key: 'ThisSiteCode',
    map: () => new Map([[site.siteCode, site]]),
    normaliseKey: (v) => String(v).toUpperCase(),
    columns: [col('ThisSiteCode', 'string', (s) => s.siteCode), col('ThisSiteName', 'string', (s) => s.siteName)],
  });
  return { ...cls, staticMethods: { GetSiteID: { readOnly: true, call: () => ({ SiteID: site.siteGuid, ReturnValue: 0 }) } } };
}

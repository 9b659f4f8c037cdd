import { z } from 'zod';
import type { SiteInfo } from '../model';
import { SiteError } from '../errors';
import { parseBag, wmiFlag, wmiIntOrNull, wmiText } from './propertyBag';

const siteSchema = z.object({
  sitecode: z.string().min(1),
  sitename: wmiText,
  version: wmiText,
  buildnumber: wmiIntOrNull,
});

export function mapSiteInfo(raw: unknown, providerHost: string): SiteInfo {
  const s = parseBag(siteSchema, raw, 'a site');
  // BuildNumber is a property of SMS_Site; when absent, the third part of the version is the build.
  const build = s.buildnumber ?? (Number(s.version.split('.')[2]) || null);
  return { siteCode: s.sitecode, siteName: s.sitename, version: s.version, buildNumber: build, providerHost };
}

const methodResultSchema = z.object({ returnvalue: wmiIntOrNull, value: z.unknown() });

/**
 * Method out-parameters: a non-zero return code is the provider saying it failed even though
 * the call itself went through. The reference leaves the body of instance methods open
 * (§1.7, §6.2): a `#__PARAMETERS` object with `ReturnValue`, or `{"value": <Edm.Int32>}` as the
 * $metadata declares AddMembershipRule. Both are read; no code at all is success (the 2xx counts).
 */
export function checkReturnValue(raw: unknown, action: string): void {
  const r = parseBag(methodResultSchema, raw ?? {}, `the result of ${action}`);
  const code = r.returnvalue ?? (typeof r.value === 'number' && Number.isInteger(r.value) ? r.value : null);
  if (code !== null && code !== 0) {
    throw new SiteError('server', `The SMS Provider could not ${action}: it returned ${code}.`, {
      providerMessage: `ReturnValue ${code}`,
    });
  }
}

const importResultSchema = z.object({ resourceid: wmiIntOrNull, machineexists: wmiFlag });

/** ImportMachineEntry out-parameters; resourceId null when this build did not return it. */
export function mapImportMachineResult(raw: unknown): { resourceId: number | null; machineExists: boolean } {
  const r = parseBag(importResultSchema, raw, 'the ImportMachineEntry result');
  return { resourceId: r.resourceid && r.resourceid > 0 ? r.resourceid : null, machineExists: r.machineexists };
}

const operationSchema = z.object({ operationid: wmiIntOrNull });

export function mapClientOperationId(raw: unknown): number {
  const r = parseBag(operationSchema, raw, 'the InitiateClientOperation result');
  if (r.operationid === null) {
    throw new SiteError('invalidResponse', 'The site accepted the client notification but returned no OperationID.');
  }
  return r.operationid;
}

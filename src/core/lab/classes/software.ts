import { wmiDate } from '../format';
import type { ApplicationRecord, PackageRecord } from '../state/model';
import type { LabContext } from './context';
import { col, mapClass } from './helpers';
import type { LabClass } from './types';

export function applicationClass(ctx: LabContext): LabClass<ApplicationRecord> {
  const { store } = ctx;
  const deployments = (a: ApplicationRecord): number => [...store.assignments.values()].filter((x) => x.ciId === a.ciId).length;
  return mapClass<ApplicationRecord>({
    name: 'SMS_Application',
    key: 'CI_ID',
    map: () => store.applications,
    securityVerbs: -1,
    columns: [
      col('CI_ID', 'int', (a) => a.ciId),
      col('CI_UniqueID', 'string', (a) => a.ciUniqueId),
      col('CIVersion', 'int', (a) => a.revision),
      col('CreatedBy', 'string', (a) => a.createdBy),
      col('DateCreated', 'datetime', (a) => wmiDate(a.dateCreated)),
      col('DateLastModified', 'datetime', (a) => wmiDate(a.dateCreated + a.revision * 86_400_000)),
      col('IsDeployable', 'bool', () => true),
      col('IsDeployed', 'bool', (a) => deployments(a) > 0),
      col('IsEnabled', 'bool', () => true),
      col('IsExpired', 'bool', () => false),
      col('IsHidden', 'bool', () => false),
      col('IsLatest', 'bool', () => true),
      col('IsSuperseded', 'bool', () => false),
      col('LastModifiedBy', 'string', (a) => a.createdBy),
      col('LocalizedDescription', 'string', () => ''),
      col('LocalizedDisplayName', 'string', (a) => a.name),
      col('Manufacturer', 'string', (a) => a.manufacturer),
      col('ModelName', 'string', (a) => a.modelName),
      col('NumberOfDeployments', 'int', deployments),
      col('NumberOfDeploymentTypes', 'int', () => 1),
      col('ObjectPath', 'string', () => '/'),
      col('SDMPackageXML', 'string', sdmPackageXml, true),
      col('SoftwareVersion', 'string', (a) => a.version),
    ],
  });
}

/** A trimmed SDM package: enough for a client to read the deployment type and its command line. */
function sdmPackageXml(a: ApplicationRecord): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return (
    `<?xml version="1.0" encoding="utf-16"?><AppMgmtDigest xmlns="http://schemas.microsoft.com/SystemCenterConfigurationManager/2009/AppMgmtDigest">` +
    `<Application AuthoringScopeId="${esc(a.modelName.split('/')[0])}" LogicalName="${esc(a.modelName.split('/')[1])}" Version="${a.revision}"><Title>${esc(a.name)}</Title></Application>` +
    `<DeploymentType AuthoringScopeId="${esc(a.deploymentTypeId.split('/')[0])}" LogicalName="${esc(a.deploymentTypeId.split('/')[1])}" Version="${a.revision}"><Title>${esc(a.deploymentTypeName)}</Title>` +
    `<Installer Technology="${a.productCode ? 'MSI' : 'Script'}"><InstallAction><Args><Arg Name="InstallCommandLine">${esc(a.installCommand)}</Arg></Args></InstallAction></Installer></DeploymentType></AppMgmtDigest>`
  );
}

function packageColumns(ctx: LabContext) {
  return [
    col<PackageRecord>('Description', 'string', (p) => p.description),
    col<PackageRecord>('LastRefreshTime', 'datetime', (p) => wmiDate(p.sourceDate)),
    col<PackageRecord>('Manufacturer', 'string', () => ''),
    col<PackageRecord>('Name', 'string', (p) => p.name),
    col<PackageRecord>('ObjectPath', 'string', () => '/'),
    col<PackageRecord>('PackageID', 'string', (p) => p.packageId),
    col<PackageRecord>('PackageType', 'int', (p) => p.packageType),
    col<PackageRecord>('SourceDate', 'datetime', (p) => wmiDate(p.sourceDate)),
    col<PackageRecord>('SourceSite', 'string', () => ctx.store.site.siteCode),
    col<PackageRecord>('SourceVersion', 'int', () => 1),
    col<PackageRecord>('StoredPkgVersion', 'int', () => 1),
    col<PackageRecord>('Version', 'string', () => '1.0'),
  ];
}

const byType = (ctx: LabContext, type: number) => () => new Map([...ctx.store.packages].filter(([, p]) => (type === 4 ? p.packageType === 4 : p.packageType !== 4)));

export function taskSequencePackageClass(ctx: LabContext): LabClass<PackageRecord> {
  return mapClass<PackageRecord>({
    name: 'SMS_TaskSequencePackage',
    key: 'PackageID',
    map: byType(ctx, 4),
    normaliseKey: (v) => String(v).toUpperCase(),
    securityVerbs: -1,
    columns: [
      col<PackageRecord>('BootImageID', 'string', (p) => p.bootImageId),
      ...packageColumns(ctx),
      col<PackageRecord>('Sequence', 'string', (p) => `<sequence version="3.10"><step type="SMS_TaskSequence_ApplyOperatingSystemAction" name="Apply ${p.name}"/></sequence>`, true),
      col<PackageRecord>('TsEnabled', 'bool', () => true),
    ].sort((a, b) => a.name.localeCompare(b.name)),
  });
}

export function packageClass(ctx: LabContext): LabClass<PackageRecord> {
  return mapClass<PackageRecord>({
    name: 'SMS_Package',
    key: 'PackageID',
    map: byType(ctx, 0),
    normaliseKey: (v) => String(v).toUpperCase(),
    securityVerbs: -1,
    columns: packageColumns(ctx),
  });
}

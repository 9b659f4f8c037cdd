import { collectionOf, deploymentCounts, deploymentRefs, type DeploymentRef } from '../clients/deploymentState';
import { wmiDate, wmiDateOrNull } from '../format';
import type { AdvertisementRecord, AppAssignmentRecord } from '../state/model';
import type { LabContext } from './context';
import { col, mapClass } from './helpers';
import type { LabClass } from './types';

/** SMS_DeploymentSummary: one row per application assignment or advertisement. */
export function deploymentSummaryClass(ctx: LabContext): LabClass<DeploymentRef> {
  const { store } = ctx;
  const app = (r: DeploymentRef) => (r.kind === 'application' ? store.applications.get(r.assignment.ciId) : undefined);
  const pkg = (r: DeploymentRef) => (r.kind === 'advertisement' ? store.packages.get(r.advertisement.packageId) : undefined);
  const counts = (r: DeploymentRef) => deploymentCounts(store, r);
  const intent = (r: DeploymentRef): number => ((r.kind === 'application' ? r.assignment.offerTypeId : r.advertisement.offerType) === 0 ? 1 : 2);
  const collectionName = (r: DeploymentRef): string => store.collections.get(collectionOf(r))?.name ?? '';
  return {
    name: 'SMS_DeploymentSummary',
    keys: ['DeploymentID'],
    columns: [
      col('ApplicationName', 'string', (r) => app(r)?.name ?? null),
      col('AssignmentID', 'int', (r) => (r.kind === 'application' ? r.assignment.assignmentId : 0)),
      col('CI_ID', 'int', (r) => (r.kind === 'application' ? r.assignment.ciId : 0)),
      col('CollectionID', 'string', (r) => collectionOf(r)),
      col('CollectionName', 'string', collectionName),
      col('CreationTime', 'datetime', (r) => wmiDate(r.kind === 'application' ? r.assignment.creationTime : r.advertisement.presentTime)),
      col('DeploymentID', 'string', (r) => r.id),
      col('DeploymentIntent', 'int', intent),
      col('DeploymentTime', 'datetime', (r) => wmiDate(r.kind === 'application' ? r.assignment.startTime : r.advertisement.presentTime)),
      col('DesiredConfigType', 'int', () => 1),
      col('EnforcementDeadline', 'datetime', (r) => (r.kind === 'application' ? wmiDateOrNull(r.assignment.enforcementDeadline) : intent(r) === 1 ? wmiDate(r.advertisement.presentTime) : null)),
      col('FeatureType', 'int', (r) => (r.kind === 'application' ? 1 : pkg(r)?.packageType === 4 ? 7 : 2)),
      col('ModelName', 'string', (r) => app(r)?.modelName ?? null),
      col('NumberErrors', 'int', (r) => counts(r).errors),
      col('NumberInProgress', 'int', (r) => counts(r).inProgress),
      col('NumberOther', 'int', (r) => counts(r).other),
      col('NumberSuccess', 'int', (r) => counts(r).success),
      col('NumberTargeted', 'int', (r) => counts(r).targeted),
      col('NumberUnknown', 'int', (r) => counts(r).unknown),
      col('PackageID', 'string', (r) => (r.kind === 'advertisement' ? r.advertisement.packageId : null)),
      col('ProgramName', 'string', (r) => (r.kind === 'advertisement' ? r.advertisement.programName : null)),
      col('SoftwareName', 'string', (r) => app(r)?.name ?? pkg(r)?.name ?? ''),
      col('SummarizationTime', 'datetime', (r) => wmiDate(counts(r).summarizationTime)),
    ],
    rows: () => deploymentRefs(store),
    findByKey: (key) => deploymentRefs(store).find((r) => r.id.toUpperCase() === String(key.DeploymentID).toUpperCase()),
    lookup: (property, value) => (property === 'CollectionID' && typeof value === 'string' ? { rows: deploymentRefs(store).filter((r) => collectionOf(r) === value.toUpperCase()) } : null),
  };
}

export function applicationAssignmentClass(ctx: LabContext): LabClass<AppAssignmentRecord> {
  const { store } = ctx;
  const app = (a: AppAssignmentRecord) => store.applications.get(a.ciId);
  return mapClass<AppAssignmentRecord>({
    name: 'SMS_ApplicationAssignment',
    key: 'AssignmentID',
    map: () => store.assignments,
    securityVerbs: -1,
    columns: [
      col('ApplicationName', 'string', (a) => app(a)?.name ?? ''),
      col('AssignedCI_UniqueID', 'string', (a) => app(a)?.ciUniqueId ?? ''),
      col('AssignedCIs', 'int[]', (a) => [a.ciId]),
      col('AssignmentAction', 'int', () => 2),
      col('AssignmentID', 'int', (a) => a.assignmentId),
      col('AssignmentName', 'string', (a) => a.assignmentName),
      col('AssignmentType', 'int', () => 2),
      col('AssignmentUniqueID', 'string', (a) => a.assignmentUniqueId),
      col('CollectionName', 'string', (a) => store.collections.get(a.collectionId)?.name ?? ''),
      col('CreationTime', 'datetime', (a) => wmiDate(a.creationTime)),
      col('DesiredConfigType', 'int', () => 1),
      col('DisableMomAlerts', 'bool', () => false),
      col('Enabled', 'bool', () => true),
      col('EnforcementDeadline', 'datetime', (a) => wmiDateOrNull(a.enforcementDeadline)),
      col('LastModificationTime', 'datetime', (a) => wmiDate(a.creationTime)),
      col('NotifyUser', 'bool', (a) => a.offerTypeId === 0),
      col('OfferFlags', 'int', (a) => (a.offerTypeId === 0 ? 1 : 0)),
      col('OfferTypeID', 'int', (a) => a.offerTypeId),
      col('OverrideServiceWindows', 'bool', () => false),
      col('Priority', 'int', () => 1),
      col('RebootOutsideOfServiceWindows', 'bool', () => false),
      col('SourceSite', 'string', () => store.site.siteCode),
      col('StartTime', 'datetime', (a) => wmiDate(a.startTime)),
      col('SuppressReboot', 'int', () => 0),
      col('TargetCollectionID', 'string', (a) => a.collectionId),
      col('UseGMTTimes', 'bool', () => true),
      col('UserUIExperience', 'bool', () => true),
      col('WoLEnabled', 'bool', () => false),
    ],
  });
}

export function advertisementClass(ctx: LabContext): LabClass<AdvertisementRecord> {
  const { store } = ctx;
  return mapClass<AdvertisementRecord>({
    name: 'SMS_Advertisement',
    key: 'AdvertisementID',
    map: () => store.advertisements,
    normaliseKey: (v) => String(v).toUpperCase(),
    securityVerbs: -1,
    columns: [
      col('ActionInProgress', 'int', () => 2),
      col('AdvertFlags', 'int', (a) => (a.offerType === 0 ? 0x02020020 : 0x02000000)),
      col('AdvertisementID', 'string', (a) => a.advertisementId),
      col('AdvertisementName', 'string', (a) => a.advertisementName),
      col('AssignedSchedule', 'object[]', (a) => (a.offerType === 0 ? [{ '@odata.type': '#AdminService.SMS_ST_NonRecurring', DayDuration: 0, HourDuration: 0, IsGMT: false, MinuteDuration: 0, StartTime: wmiDate(a.presentTime) }] : []), true),
      col('AssignedScheduleEnabled', 'bool', (a) => a.offerType === 0),
      col('CollectionID', 'string', (a) => a.collectionId),
      col('Comment', 'string', () => ''),
      col('DeviceFlags', 'int', () => 0x01000000),
      col('ExpirationTime', 'datetime', () => '1990-01-01T00:00:00Z'),
      col('ExpirationTimeEnabled', 'bool', () => false),
      col('IncludeSubCollection', 'bool', () => true),
      col('OfferType', 'int', (a) => a.offerType),
      col('PackageID', 'string', (a) => a.packageId),
      col('PresentTime', 'datetime', (a) => wmiDate(a.presentTime)),
      col('PresentTimeEnabled', 'bool', () => true),
      col('Priority', 'int', () => 2),
      col('ProgramName', 'string', (a) => a.programName),
      col('RemoteClientFlags', 'int', () => 0x00002010),
      col('SourceSite', 'string', () => store.site.siteCode),
      col('TimeFlags', 'int', () => 0x00002001),
    ],
  });
}

import { hash32 } from '../seed/prng';
import type { AdvertisementRecord, AppAssignmentRecord, ApplicationRecord, DeploymentCounts, DeviceRecord } from '../state/model';
import type { LabStore } from '../state/store';

/** One deployment as SMS_DeploymentSummary lists it. */
export type DeploymentRef = { kind: 'application'; id: string; assignment: AppAssignmentRecord } | { kind: 'advertisement'; id: string; advertisement: AdvertisementRecord };

export function deploymentRefs(store: LabStore): DeploymentRef[] {
  return [
    ...[...store.assignments.values()].map((assignment): DeploymentRef => ({ kind: 'application', id: assignment.assignmentUniqueId, assignment })),
    ...[...store.advertisements.values()].map((advertisement): DeploymentRef => ({ kind: 'advertisement', id: advertisement.advertisementId, advertisement })),
  ];
}

export const collectionOf = (ref: DeploymentRef): string => (ref.kind === 'application' ? ref.assignment.collectionId : ref.advertisement.collectionId);

/**
 * Whether an app is installed on a device: what a lab client installed, or (for the seeded
 * history) a stable 82% of devices for apps that do not fail.
 */
export function isInstalled(store: LabStore, device: DeviceRecord, app: ApplicationRecord): boolean {
  if (store.installedApps.get(device.resourceId)?.has(app.ciId)) return true;
  return device.client === 1 && !app.failure && hash32('installed', device.resourceId, app.ciId) % 100 < 82;
}

const isOnline = (d: DeviceRecord): boolean => d.client === 1 && d.active === 1;

/** Counts a deployment would summarise to now; cached once computed, updated by lab clients. */
export function deploymentCounts(store: LabStore, ref: DeploymentRef): DeploymentCounts {
  const cached = store.deploymentCounts.get(ref.id);
  if (cached) return cached;
  const rows = store.members.get(collectionOf(ref)) ?? new Int32Array(0);
  const counts: DeploymentCounts = { targeted: rows.length, success: 0, errors: 0, inProgress: 0, unknown: 0, other: 0, summarizationTime: store.generatedAt };
  const app = ref.kind === 'application' ? store.applications.get(ref.assignment.ciId) : undefined;
  for (const row of rows) {
    const device = store.devices.rows[row];
    const h = hash32('status', ref.id, device.resourceId) % 100;
    if (!isOnline(device)) counts.unknown++;
    else if (app) {
      if (isInstalled(store, device, app)) counts.success++;
      else if (app.failure) counts.errors++;
      else if (h < 40) counts.inProgress++;
      else counts.unknown++;
    } else if (h < 72) counts.success++;
    else if (h < 78) counts.errors++;
    else if (h < 85) counts.inProgress++;
    else counts.unknown++;
  }
  store.deploymentCounts.set(ref.id, counts);
  return counts;
}

import { computeMembers, makeDeviceReader } from '../evaluation/membership';
import type { WqlQuery } from '../evaluation/wql';
import { siteObjectId } from '../format';
import { DeviceTable } from './deviceTable';
import type {
  AdvertisementRecord,
  AppAssignmentRecord,
  ApplicationRecord,
  ClientOperationRecord,
  ClientOperationStatusRecord,
  CollectionRecord,
  DeploymentCounts,
  DeviceRecord,
  FolderRecord,
  PackageRecord,
  SiteContent,
  SiteRecord,
} from './model';

/** Every change to the lab's state; persisted one JSON line each (see journal.ts). */
export type Mutation =
  | { t: 'device.put'; device: DeviceRecord }
  | { t: 'collection.put'; collection: CollectionRecord }
  | { t: 'collection.delete'; collectionId: string }
  | { t: 'collection.evaluate'; collectionId: string; at: number }
  | { t: 'clientOperation.put'; operation: ClientOperationRecord; status: ClientOperationStatusRecord }
  | { t: 'clientOperation.status'; status: ClientOperationStatusRecord }
  | { t: 'deployment.counts'; deploymentId: string; counts: DeploymentCounts }
  | { t: 'app.installed'; resourceId: number; ciId: number };

/** In-memory state of the lab site, with the derived indexes the routes need. */
export class LabStore {
  readonly site: SiteRecord;
  readonly generatedAt: number;
  readonly devices: DeviceTable;
  readonly collections = new Map<string, CollectionRecord>();
  /** Device row indexes per collection, sorted by device name. */
  readonly members = new Map<string, Int32Array>();
  readonly folders = new Map<number, FolderRecord>();
  readonly applications = new Map<number, ApplicationRecord>();
  readonly packages = new Map<string, PackageRecord>();
  readonly assignments = new Map<number, AppAssignmentRecord>();
  readonly advertisements = new Map<string, AdvertisementRecord>();
  readonly deploymentCounts = new Map<string, DeploymentCounts>();
  readonly clientOperations = new Map<number, ClientOperationRecord>();
  readonly clientOperationStatus = new Map<number, ClientOperationStatusRecord>();
  readonly installedApps = new Map<number, Set<number>>();
  readonly wqlCache = new Map<string, WqlQuery>();
  /** Receives each applied mutation (the journal); null while loading. */
  onMutation: ((m: Mutation) => void) | null = null;

  private byPath: Map<string, CollectionRecord[]> | null = null;
  private dependents: Map<string, string[]> | null = null;
  private readonly bitmaps = new Map<string, Uint8Array>();
  private stamp = { marks: new Int32Array(0), generation: 0 };
  private reader: ReturnType<typeof makeDeviceReader> | null = null;

  constructor(content: SiteContent) {
    this.site = content.site;
    this.generatedAt = content.generatedAt;
    this.devices = new DeviceTable(content.devices);
    for (const f of content.folders) this.folders.set(f.containerNodeId, f);
    for (const c of content.collections) {
      this.collections.set(c.collectionId, c);
      this.members.set(c.collectionId, new Int32Array(0));
    }
    for (const a of content.applications) this.applications.set(a.ciId, a);
    for (const p of content.packages) this.packages.set(p.packageId, p);
    for (const a of content.assignments) this.assignments.set(a.assignmentId, a);
    for (const a of content.advertisements) this.advertisements.set(a.advertisementId, a);
    for (const [resourceId, ciIds] of content.installedApps) this.installedApps.set(resourceId, new Set(ciIds));
  }

  apply(m: Mutation): void {
    switch (m.t) {
      case 'device.put':
        this.devices.put(m.device);
        this.bitmaps.clear();
        break;
      case 'collection.put':
        if (!this.members.has(m.collection.collectionId)) this.members.set(m.collection.collectionId, new Int32Array(0));
        this.collections.set(m.collection.collectionId, m.collection);
        this.byPath = null;
        this.dependents = null;
        break;
      case 'collection.delete':
        this.collections.delete(m.collectionId);
        this.members.delete(m.collectionId);
        this.bitmaps.delete(m.collectionId);
        this.byPath = null;
        this.dependents = null;
        break;
      case 'collection.evaluate':
        this.evaluate(m.collectionId, m.at);
        break;
      case 'clientOperation.put':
        this.clientOperations.set(m.operation.id, m.operation);
        this.clientOperationStatus.set(m.status.id, m.status);
        break;
      case 'clientOperation.status':
        this.clientOperationStatus.set(m.status.id, m.status);
        break;
      case 'deployment.counts':
        this.deploymentCounts.set(m.deploymentId, m.counts);
        break;
      case 'app.installed': {
        const set = this.installedApps.get(m.resourceId) ?? new Set<number>();
        set.add(m.ciId);
        this.installedApps.set(m.resourceId, set);
        break;
      }
    }
    this.onMutation?.(m);
  }

  /** Re-evaluates one collection now; returns whether its membership changed. Not journaled. */
  private evaluate(collectionId: string, at: number): boolean {
    const collection = this.collections.get(collectionId);
    if (!collection) return false;
    const before = this.members.get(collectionId) ?? new Int32Array(0);
    const after = computeMembers(this, collection);
    const changed = !sameRows(before, after);
    this.members.set(collectionId, after);
    collection.lastRefreshTime = at;
    collection.currentStatus = 1;
    collection.fullEvaluationRunTime = Math.ceil(after.length / 5000);
    if (changed) {
      this.bitmaps.delete(collectionId);
      collection.lastMemberChangeTime = at;
      collection.fullEvaluationMemberChanges = Math.abs(after.length - before.length);
    }
    return changed;
  }

  /** Evaluates every collection in creation order (limiting/include collections come first). */
  evaluateAll(at: number): void {
    for (const id of this.collections.keys()) this.evaluate(id, at);
  }

  /** Evaluates and records; returns whether membership changed. */
  evaluateAndRecord(collectionId: string, at: number): boolean {
    const changed = this.evaluate(collectionId, at);
    this.onMutation?.({ t: 'collection.evaluate', collectionId, at });
    return changed;
  }

  memberCount(collectionId: string): number {
    return this.members.get(collectionId)?.length ?? 0;
  }

  /** Collections whose console folder path is `path`, sorted by name. */
  collectionsAtPath(path: string): CollectionRecord[] {
    if (!this.byPath) {
      const byPath = new Map<string, CollectionRecord[]>();
      for (const c of this.collections.values()) {
        const p = this.folderPath(c.folderId).toUpperCase();
        const list = byPath.get(p);
        if (list) list.push(c);
        else byPath.set(p, [c]);
      }
      for (const list of byPath.values()) list.sort((a, b) => compareNames(a.name, b.name) || compareNames(a.collectionId, b.collectionId));
      this.byPath = byPath;
    }
    return this.byPath.get(path.toUpperCase()) ?? [];
  }

  folderPath(folderId: number): string {
    return folderId === 0 ? '/' : (this.folders.get(folderId)?.path ?? '/');
  }

  /** Collections that use `collectionId` as limiting, include or exclude collection. */
  dependentsOf(collectionId: string): string[] {
    if (!this.dependents) {
      const deps = new Map<string, string[]>();
      const add = (from: string, to: string): void => {
        const list = deps.get(from);
        if (list) list.push(to);
        else deps.set(from, [to]);
      };
      for (const c of this.collections.values()) {
        if (c.limitToCollectionId) add(c.limitToCollectionId, c.collectionId);
        for (const r of c.rules) if (r.kind === 'include' || r.kind === 'exclude') add(r.collectionId, c.collectionId);
      }
      this.dependents = deps;
    }
    return this.dependents.get(collectionId) ?? [];
  }

  /** Membership of a limiting collection as a row bitmap (cached until it changes). */
  limitBitmap(collectionId: string): Uint8Array {
    const cached = this.bitmaps.get(collectionId);
    if (cached && cached.length === this.devices.size) return cached;
    const bitmap = new Uint8Array(this.devices.size);
    for (const row of this.members.get(collectionId) ?? []) bitmap[row] = 1;
    this.bitmaps.set(collectionId, bitmap);
    return bitmap;
  }

  /** A per-evaluation marker array (generation stamps avoid clearing 100k entries each time). */
  scratchStamp(): { marks: Int32Array; generation: number } {
    if (this.stamp.marks.length !== this.devices.size) this.stamp = { marks: new Int32Array(this.devices.size), generation: 0 };
    this.stamp.generation++;
    return this.stamp;
  }

  deviceReader(): ReturnType<typeof makeDeviceReader> {
    this.reader ??= makeDeviceReader(this);
    return this.reader;
  }

  nextCollectionId(): string {
    let max = 0xff;
    const prefix = this.site.siteCode;
    for (const id of this.collections.keys()) {
      if (id.startsWith(prefix)) max = Math.max(max, parseInt(id.slice(prefix.length), 16) || 0);
    }
    return siteObjectId(prefix, max + 1);
  }

  nextResourceId(): number {
    return Math.max(16777219, this.devices.maxResourceId()) + 1;
  }

  nextOperationId(): number {
    let max = 16777216;
    for (const id of this.clientOperations.keys()) max = Math.max(max, id);
    return max + 1;
  }
}

/** Case-insensitive order, then ordinal: how the lab sorts strings everywhere (SQL collation-like). */
export function compareNames(a: string, b: string): number {
  const ua = a.toUpperCase();
  const ub = b.toUpperCase();
  if (ua < ub) return -1;
  if (ua > ub) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameRows(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

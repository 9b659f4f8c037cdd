import * as path from 'node:path';
import { yieldToEventLoop } from '../../util/eventLoop';
import { hash32 } from '../seed/prng';
import type { ClientOperationRecord, ClientOperationStatusRecord, DeviceRecord } from '../state/model';
import type { LabStore } from '../state/store';
import { appDiscoveryLines, appEnforceLines, execmgrLines, notificationLines, policyAgentLines, policyEvaluatorLines, policyIdOf, type AppOutcome } from './clientLogs';
import type { CmTraceEntry, CmTraceWriter } from './cmtraceWriter';
import { collectionOf, deploymentCounts, deploymentRefs, isInstalled, type DeploymentRef } from './deploymentState';

export interface LabClientsOptions {
  clientsDir: string;
  clientDelayMs: number;
  /** Clients per operation that write logs (the rest are counted only), to keep disk use sane. */
  clientLogLimit: number;
  /** A client that failed unexpectedly (e.g. its log could not be written); it counts as failed. */
  onError(err: unknown): void;
}

const MACHINE_POLICY = 8;
const APP_EVALUATION = 13;
const BATCH = 25;

/**
 * The lab's clients. Online devices (Client=1, Active=1) receive a client notification after
 * the client delay and act on it: machine policy (8) requests policy and evaluates the
 * deployments of the collections the device is a member of *at that moment*; application
 * evaluation (13) re-evaluates application deployments. They write CMTrace logs under
 * `<clientsDir>/<DEVICE>/Logs/` and update SMS_ClientOperationStatus and deployment counts.
 */
export class LabClients {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly store: LabStore,
    private readonly writer: CmTraceWriter,
    private readonly options: LabClientsOptions,
    private readonly now: () => number,
  ) {}

  dispatch(operation: ClientOperationRecord): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const work = this.process(operation)
        .catch((err: unknown) => this.options.onError(err))
        .finally(() => this.running.delete(work));
      this.running.add(work);
    }, this.options.clientDelayMs);
    this.timers.add(timer);
  }

  async idle(): Promise<void> {
    while (this.timers.size || this.running.size) {
      await Promise.all([...this.running]);
      if (this.timers.size) await new Promise((r) => setTimeout(r, 20));
    }
    await this.writer.flush();
  }

  /** Cancels the notifications not yet delivered and waits for the ones in progress to stop. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.running]);
  }

  private async process(operation: ClientOperationRecord): Promise<void> {
    const { store } = this;
    const status: ClientOperationStatusRecord = { ...(store.clientOperationStatus.get(operation.id) ?? emptyStatus(operation)) };
    const deploymentsByDevice = this.deploymentsFor(operation.targetResourceIds);
    const touched = new Set<DeploymentRef>();
    let logged = 0;
    for (let i = 0; i < operation.targetResourceIds.length; i++) {
      if (this.stopped) return;
      const device = store.devices.byId(operation.targetResourceIds[i]);
      status.unknownClients--;
      if (!device || device.client !== 1 || device.active !== 1) status.offlineClients++;
      else {
        const refs = deploymentsByDevice.get(device.resourceId) ?? [];
        let ok = false;
        try {
          ok = await this.runClient(device, operation, refs, logged++ < this.options.clientLogLimit);
        } catch (err) {
          this.options.onError(err);
        }
        refs.forEach((r) => touched.add(r));
        if (ok) status.completedClients++;
        else status.failedClients++;
      }
      if ((i + 1) % BATCH === 0) {
        store.apply({ t: 'clientOperation.status', status: { ...status, lastSummaryTime: this.now() } });
        await yieldToEventLoop();
      }
    }
    status.state = status.failedClients > 0 ? 2 : 3;
    status.lastSummaryTime = this.now();
    store.apply({ t: 'clientOperation.status', status });
    for (const ref of touched) {
      store.deploymentCounts.delete(ref.id);
      store.apply({ t: 'deployment.counts', deploymentId: ref.id, counts: { ...deploymentCounts(store, ref), summarizationTime: this.now() } });
    }
  }

  /** Deployments per targeted device, from the collections it is a member of right now. */
  private deploymentsFor(resourceIds: readonly number[]): Map<number, DeploymentRef[]> {
    const { store } = this;
    const targets = new Set(resourceIds);
    const out = new Map<number, DeploymentRef[]>();
    const byCollection = new Map<string, DeploymentRef[]>();
    for (const ref of deploymentRefs(store)) {
      const id = collectionOf(ref);
      byCollection.set(id, [...(byCollection.get(id) ?? []), ref]);
    }
    for (const [collectionId, refs] of byCollection) {
      for (const row of store.members.get(collectionId) ?? []) {
        const resourceId = store.devices.rows[row].resourceId;
        if (targets.has(resourceId)) out.set(resourceId, [...(out.get(resourceId) ?? []), ...refs]);
      }
    }
    return out;
  }

  /** Returns false when an enforcement on this client failed. */
  private async runClient(device: DeviceRecord, operation: ClientOperationRecord, refs: readonly DeploymentRef[], writeLogs: boolean): Promise<boolean> {
    const { store } = this;
    const thread = 1000 + (hash32('thread', device.resourceId) % 8000);
    const logs = new Map<string, CmTraceEntry[]>();
    const log = (file: string, lines: CmTraceEntry[]): void => void logs.set(file, [...(logs.get(file) ?? []), ...lines]);
    log('CcmNotificationAgent.log', notificationLines(operation, thread));
    let ok = true;
    if (operation.type === MACHINE_POLICY || operation.type === APP_EVALUATION) {
      if (operation.type === MACHINE_POLICY) {
        const policies = refs.map((r) => policyIdOf(r.kind === 'application' ? r.assignment : r.advertisement));
        log('PolicyAgent.log', policyAgentLines(device, policies, store.site, thread));
        log('PolicyEvaluator.log', policyEvaluatorLines(policies, store.site, thread + 4));
      }
      for (const ref of refs) {
        if (ref.kind === 'application') ok = this.evaluateApp(device, ref, thread, log) && ok;
        else if (operation.type === MACHINE_POLICY) ok = this.runProgram(device, ref, thread, log) && ok;
      }
    }
    if (writeLogs) {
      const dir = path.join(this.options.clientsDir, device.name, 'Logs');
      const start = new Date(this.now());
      await Promise.all([...logs].map(([file, lines]) => this.writer.append(path.join(dir, file), lines, start)));
    }
    return ok;
  }

  private evaluateApp(device: DeviceRecord, ref: Extract<DeploymentRef, { kind: 'application' }>, thread: number, log: (file: string, lines: CmTraceEntry[]) => void): boolean {
    const app = this.store.applications.get(ref.assignment.ciId);
    if (!app) return true;
    const installed = isInstalled(this.store, device, app);
    log('AppDiscovery.log', appDiscoveryLines(app, installed, thread + 8));
    if (installed || ref.assignment.offerTypeId !== 0) return true;
    const pid = 2000 + (hash32('pid', device.resourceId, app.ciId) % 30000);
    const outcome: AppOutcome = !app.failure ? { kind: 'installed', exitCode: 0 } : app.failure.kind === 'exitCode' ? { kind: 'exitCodeFailure', exitCode: app.failure.exitCode } : { kind: 'notDetected' };
    log('AppEnforce.log', appEnforceLines(app, outcome, pid, thread + 12));
    if (outcome.kind !== 'installed') return false;
    this.store.apply({ t: 'app.installed', resourceId: device.resourceId, ciId: app.ciId });
    return true;
  }

  private runProgram(device: DeviceRecord, ref: Extract<DeploymentRef, { kind: 'advertisement' }>, thread: number, log: (file: string, lines: CmTraceEntry[]) => void): boolean {
    const pkg = this.store.packages.get(ref.advertisement.packageId);
    if (!pkg) return true;
    const required = ref.advertisement.offerType === 0;
    const exitCode = required && hash32('program', device.resourceId, pkg.packageId) % 100 < 6 ? 1 : 0;
    log('execmgr.log', execmgrLines(ref.advertisement, pkg, required, exitCode, thread + 16));
    return exitCode === 0;
  }
}

function emptyStatus(op: ClientOperationRecord): ClientOperationStatusRecord {
  const n = op.targetResourceIds.length;
  return { id: op.id, type: op.type, state: 0, totalClients: n, completedClients: 0, failedClients: 0, offlineClients: 0, unknownClients: n, lastSummaryTime: op.requestedTime };
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadOrCreateAccounts } from './auth/accounts';
import { ConnectionAuthenticator } from './auth/httpAuth';
import { loadOrCreateCertificate } from './certificate';
import type { LabContext } from './classes/context';
import { ClassRegistry } from './classes/registry';
import { CmTraceWriter } from './clients/cmtraceWriter';
import { LabClients } from './clients/labClients';
import { EvaluationScheduler } from './evaluation/scheduler';
import { FaultInjector } from './faults';
import { handleV1 } from './http/v1Handler';
import { handleWmi } from './http/wmiHandler';
import { readRunningLab, removeLabInfo, writeLabInfo } from './labInfo';
import type { LabAccount, LabSite, LabSiteOptions } from './labTypes';
import { LabServer } from './server';
import { loadState } from './state/persistence';

export type { LabAccount, LabFaults, LabSeedOptions, LabSite, LabSiteOptions, RunningLabInfo } from './labTypes';
export { readRunningLab } from './labInfo';

/**
 * Starts the lab site: a faithful AdminService (SMS Provider REST API) on
 * https://127.0.0.1:<port>/AdminService with Windows (NTLM) authentication, state persisted in
 * `dataDir`, and lab clients that write CMTrace logs when they receive client notifications.
 */
export async function startLabSite(options: LabSiteOptions): Promise<LabSite> {
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  const running = await readRunningLab(dataDir);
  if (running && running.pid !== process.pid) throw new Error(`A lab site is already running on ${dataDir} (pid ${running.pid}, ${running.baseUrl}).`);

  const { store, journal } = await loadState(dataDir, options.seed, options.reseed ?? false);
  store.onMutation = (m) => journal.append(m);
  const site = store.site;
  const certificate = await loadOrCreateCertificate(dataDir, site.serverFqdn);
  const { accounts, file: accountsPath } = await loadOrCreateAccounts(dataDir, site.domain);
  const clientsDir = path.join(dataDir, 'clients');
  const now = (): number => Date.now();
  const scheduler = new EvaluationScheduler(store, options.refreshDelayMs ?? 1500, now);
  const writer = new CmTraceWriter(options.clientLogMaxBytes ?? 200 * 1024);
  const reportError = (err: unknown): void => void process.stderr.write(`lab site: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  const clients = new LabClients(
    store,
    writer,
    { clientsDir, clientDelayMs: options.clientDelayMs ?? 1000, clientLogLimit: options.clientLogLimit ?? 2000, onError: reportError },
    now,
  );
  const ctx: LabContext = {
    store,
    now,
    evaluator: {
      requestRefresh: (id) => scheduler.requestRefresh(id),
      rulesChanged: (id) => scheduler.rulesChanged(id),
      collectionCreated: (id) => scheduler.collectionCreated(id),
      resourcesChanged: () => scheduler.resourcesChanged(),
    },
    clients: { dispatch: (op) => clients.dispatch(op) },
  };
  const registry = new ClassRegistry(ctx);
  const faults = new FaultInjector(options.faults);
  const identity = { netbiosDomain: site.domain, netbiosComputer: site.serverNetbios, dnsDomain: site.dnsDomain, dnsComputer: site.serverFqdn.toLowerCase() };
  const server = new LabServer({
    certificatePem: certificate.certificatePem,
    keyPem: certificate.keyPem,
    authenticator: new ConnectionAuthenticator(() => accounts, identity, site),
    faults,
    handle: async (req) => (req.route.kind !== 'notFound' && req.route.api === 'v1.0' ? handleV1(req, store) : handleWmi(req, registry, site)),
    onError: reportError,
  });
  const port = await server.listen(options.port ?? 0);
  const host = options.host ?? '127.0.0.1';
  const baseUrl = `https://${host}:${port}/AdminService`;
  const labInfoPath = await writeLabInfo(dataDir, {
    baseUrl,
    siteCode: site.siteCode,
    pid: process.pid,
    certificateThumbprint: certificate.thumbprint,
    certificateSha256: certificate.sha256,
    certificatePath: certificate.certificatePath,
    accountsPath,
    clientsDir,
  });

  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      try {
        if (runtimeTimer) clearTimeout(runtimeTimer);
        scheduler.stop();
        await clients.stop();
        await server.close();
        await writer.flush();
        journal.flush();
        store.onMutation = null;
        await removeLabInfo(dataDir, process.pid, baseUrl);
      } finally {
        // Whoever waits for the lab to end (the CLI) is released even if saving failed.
        resolveClosed();
      }
    })();
    return stopping;
  };
  const runtimeTimer = options.maxRuntimeSeconds ? setTimeout(() => void stop(), options.maxRuntimeSeconds * 1000) : null;
  runtimeTimer?.unref();

  const labAccounts: LabAccount[] = accounts.map((a) => ({ user: a.user, password: a.password, role: a.role }));
  return {
    baseUrl,
    host,
    port,
    siteCode: site.siteCode,
    certificatePem: certificate.certificatePem,
    certificateSha256: certificate.sha256,
    certificateThumbprint: certificate.thumbprint,
    accounts: labAccounts,
    clientsDir,
    dataDir,
    accountsPath,
    certificatePath: certificate.certificatePath,
    labInfoPath,
    closed,
    setFaults: (f) => faults.set(f),
    idle: async () => {
      await scheduler.idle();
      await clients.idle();
      await scheduler.idle();
      journal.flush();
    },
    stop,
  };
}

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLabSite, type LabSite } from '../../../../src/core/lab/labSite';
import { SMALL_PRESET, generateSite } from '../../../../src/core/lab/seed/generate';
import { createSiteBackend, type SiteConnectionConfig } from '../../../../src/core/site/siteConfig';
import type { SiteContractFixture } from '../siteContract';
import { factsFromSeed } from './labFacts';

export type LabTrust = 'pin-sha1' | 'pin-sha256' | 'ca-file';

export interface LabFixture extends SiteContractFixture {
  lab: LabSite;
  dataDir: string;
  /** A backend for the lab's full administrator with extra settings (retries, timeouts). */
  connect(overrides?: Partial<SiteConnectionConfig>, password?: string): ReturnType<typeof createSiteBackend>;
}

/** Starts the small lab site in a temporary folder and connects the AdminService backend to it. */
export async function startLabFixture(trust: LabTrust): Promise<LabFixture> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-lab-contract-'));
  let lab: LabSite | undefined;
  try {
    lab = await startLabSite({ dataDir, seed: { ...SMALL_PRESET }, refreshDelayMs: 300, clientDelayMs: 200, maxRuntimeSeconds: 900 });
    const started = lab;
    // The accounts as a user finds them: the lab's accounts.json.
    const accounts = (JSON.parse(fs.readFileSync(path.join(dataDir, 'accounts.json'), 'utf8')) as { accounts: { user: string; password: string; role: string }[] }).accounts;
    const admin = accounts.find((a) => a.role === 'full');
    const reader = accounts.find((a) => a.role === 'readOnly');
    if (!admin || !reader) throw new Error('the lab has no full and read-only accounts');
    const caFile = path.join(dataDir, 'contract-ca.pem');
    fs.writeFileSync(caFile, started.certificatePem);
    const trustSettings: Partial<SiteConnectionConfig> =
      trust === 'ca-file'
        ? { caFile }
        : { certificateThumbprint: trust === 'pin-sha1' ? started.certificateThumbprint : started.certificateSha256 };
    const backends: ReturnType<typeof createSiteBackend>[] = [];
    const connect = (overrides: Partial<SiteConnectionConfig> = {}, password = admin.password, user = admin.user): ReturnType<typeof createSiteBackend> => {
      const backend = createSiteBackend({ backend: 'adminService', adminServiceUrl: started.baseUrl, ...trustSettings, ...overrides }, () => ({ userName: user, password }));
      backends.push(backend);
      return backend;
    };
    return {
      lab: started,
      dataDir,
      backend: connect(),
      readOnlyBackend: connect({}, reader.password, reader.user),
      facts: factsFromSeed(generateSite(SMALL_PRESET)),
      slowDown: (latencyMs) => started.setFaults({ latencyMs }),
      connect: (overrides, password) => connect(overrides, password),
      dispose: async () => {
        for (const backend of backends) backend.dispose();
        await started.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await lab?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

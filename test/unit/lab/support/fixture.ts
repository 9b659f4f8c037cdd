import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startLabSite, type LabSite, type LabSiteOptions } from '../../../../src/core/lab/labSite';
import { LabHttpClient } from './labClient';

export interface LabFixture {
  lab: LabSite;
  admin: LabHttpClient;
  reader: LabHttpClient;
  dataDir: string;
  /** GET a path and return the parsed JSON `value` array (asserting 200). */
  values(pathAndQuery: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'sccm-lab-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A small-preset lab in a fresh temp folder, fast delays, admin and reader clients. */
export async function startFixture(options: Partial<LabSiteOptions> = {}): Promise<LabFixture> {
  const dataDir = options.dataDir ?? tempDir();
  const lab = await startLabSite({ refreshDelayMs: 150, clientDelayMs: 50, ...options, dataDir });
  const account = (role: string) => lab.accounts.find((a) => a.role === role)!;
  const admin = new LabHttpClient(lab, { user: account('full').user, password: account('full').password });
  const reader = new LabHttpClient(lab, { user: account('readOnly').user, password: account('readOnly').password });
  return {
    lab,
    admin,
    reader,
    dataDir,
    async values(pathAndQuery) {
      const res = await admin.request('GET', pathAndQuery);
      if (res.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${res.status}: ${res.text}`);
      return (res.json as { value: Array<Record<string, unknown>> }).value;
    },
    async close() {
      admin.close();
      reader.close();
      await lab.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

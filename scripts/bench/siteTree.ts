// Tree speed against the lab seeded like a big site (10,000 collections, 100,000 devices), through
// the real AdminService backend (TLS + NTLM), from a cold connection each time:
//   - the first level of the tree under a site (folders + root collections): < 500 ms
//   - the first page of a collection with >= 50,000 members: < 500 ms
//   - never more than one page per request ($top <= page size + 1, one list request per page)
// Prints the figures; exits 1 when a target is missed.
//   node --import tsx scripts/bench/siteTree.ts [--collections N] [--devices N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startLabSite } from '../../src/core/lab/labSite';
import { LARGE_PRESET } from '../../src/core/lab/seed/generate';
import { createSiteBackend } from '../../src/core/site/siteConfig';
import type { SiteBackend } from '../../src/core/site/contract';
import type { LabSite } from '../../src/core/lab/labSite';

const PAGE = 500;
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

function backendFor(lab: LabSite, requests: string[]): SiteBackend {
  const admin = lab.accounts.find((a) => a.role === 'full');
  if (!admin) throw new Error('the lab has no full administrator');
  return createSiteBackend(
    { backend: 'adminService', adminServiceUrl: lab.baseUrl, certificateThumbprint: lab.certificateThumbprint, log: (line) => requests.push(line) },
    () => ({ userName: admin.user, password: admin.password }),
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

/** $top of every GET the backend sent; a listing must never ask for more than one page. */
function pageSizes(requests: string[]): number[] {
  return requests.flatMap((line) => {
    const m = /[?&]\$top=(\d+)/.exec(decodeURIComponent(line));
    return m ? [Number(m[1])] : [];
  });
}

async function main(): Promise<void> {
  const collections = arg('collections', LARGE_PRESET.collections);
  const devices = arg('devices', LARGE_PRESET.devices);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sccm-bench-tree-'));
  const started = performance.now();
  const lab = await startLabSite({ dataDir, seed: { ...LARGE_PRESET, collections, devices } });
  console.log(`lab site with ${collections} collections and ${devices} devices ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  let failed = false;
  const check = (ok: boolean, line: string): void => {
    console.log(`${ok ? 'ok  ' : 'MISS'} ${line}`);
    if (!ok) failed = true;
  };
  try {
    const runs = 5;
    const levelTimes: number[] = [];
    const memberTimes: number[] = [];
    let bigId = '';
    let bigCount = 0;
    let levelRequests: string[] = [];
    let memberRequests: string[] = [];
    for (let i = 0; i < runs; i++) {
      // First level of a site: what the tree shows when the site node is expanded.
      const requests: string[] = [];
      const backend = backendFor(lab, requests);
      const level = await timed(async () => {
        const info = await backend.getSiteInfo();
        const [folders, root] = await Promise.all([backend.listCollectionFolders(), backend.listCollections({ folderPath: '/', top: PAGE })]);
        return { info, folders: folders.filter((f) => f.parentId === 0), root };
      });
      levelTimes.push(level.ms);
      levelRequests = requests;
      if (!bigId) {
        // Find the biggest collection by paging the search (what a person typing in the filter does).
        for (let skip = 0; ; skip += PAGE) {
          const page = await backend.listCollections({ top: PAGE, skip });
          for (const c of page.items) if (c.memberCount > bigCount && !c.isBuiltIn) ({ id: bigId, memberCount: bigCount } = c);
          if (!page.hasMore) break;
        }
        console.log(`first level: ${level.value.folders.length} root folders + ${level.value.root.items.length} root collections (more: ${level.value.root.hasMore})`);
        console.log(`biggest collection: ${bigId} with ${bigCount} members`);
      }
      backend.dispose();
      // First page of the biggest collection, from a cold connection.
      const memberLog: string[] = [];
      const cold = backendFor(lab, memberLog);
      const members = await timed(() => cold.listCollectionMembers(bigId, { top: PAGE }));
      memberTimes.push(members.ms);
      memberRequests = memberLog;
      cold.dispose();
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const worst = (xs: number[]): number => Math.max(...xs);
    console.log(`first level of the tree (cold TLS + NTLM): median ${median(levelTimes).toFixed(0)} ms, worst ${worst(levelTimes).toFixed(0)} ms over ${runs} runs, ${levelRequests.length} requests`);
    console.log(`first page of ${bigCount} members (cold): median ${median(memberTimes).toFixed(0)} ms, worst ${worst(memberTimes).toFixed(0)} ms over ${runs} runs, ${memberRequests.length} requests`);
    check(median(levelTimes) < 500, 'first level of the tree under 500 ms');
    check(bigCount >= 50000, `a collection with at least 50,000 members exists (${bigCount})`);
    check(median(memberTimes) < 500, '50,000-member collection: first page under 500 ms');
    const tops = [...pageSizes(levelRequests), ...pageSizes(memberRequests)];
    check(tops.length > 0 && tops.every((t) => t <= PAGE + 1), `every listing asked for one page at most ($top values: ${[...new Set(tops)].join(', ')})`);
  } finally {
    await lab.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

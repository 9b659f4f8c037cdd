// Lab site speed figures on a big generated site (printed, never asserted).
//   npx tsx scripts/bench/labSite.ts [--collections N] [--devices N] [--keep DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startLabSite } from '../../src/core/lab/labSite';
import { LabHttpClient, odataQuery } from '../../test/unit/lab/support/labClient';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const keep = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined;

async function timed<T>(label: string, runs: number, fn: () => Promise<T>): Promise<T> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    result = await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${label.padEnd(62)} first ${times[0].toFixed(1).padStart(7)} ms   median ${sorted[Math.floor(sorted.length / 2)].toFixed(1).padStart(7)} ms   (${runs} runs)`);
  return result;
}

/** The list queries the tree and the member view make, plus device look-ups. */
async function runQueries(client: LabHttpClient, devices: number): Promise<void> {
  await client.request('GET', '/wmi/SMS_Site');

  const root = await timed("SMS_Collection ObjectPath eq '/' $top=500 $orderby=Name", 5, () =>
    client.request('GET', `/wmi/SMS_Collection${odataQuery({ $filter: "ObjectPath eq '/'", $top: 500, $orderby: 'Name' })}`),
  );
  console.log(`  -> ${(root.json as { value: unknown[] }).value.length} collections at the root`);
  const big = await timed('SMS_Collection MemberCount ge 50000 (full scan of collections)', 3, () =>
    client.request('GET', `/wmi/SMS_Collection${odataQuery({ $filter: 'MemberCount ge 50000 and IsBuiltIn eq false', $select: 'CollectionID,Name,MemberCount', $orderby: 'MemberCount desc', $top: 1 })}`),
  );
  const target = (big.json as { value: Array<{ CollectionID: string; Name: string; MemberCount: number }> }).value[0];
  if (target) {
    console.log(`  -> ${target.CollectionID} "${target.Name}" with ${target.MemberCount} members`);
    for (const skip of [0, 25_000]) {
      await timed(`SMS_FullCollectionMembership ${target.MemberCount} members, $top=500 $skip=${skip}`, 5, () =>
        client.request('GET', `/wmi/SMS_FullCollectionMembership${odataQuery({ $filter: `CollectionID eq '${target.CollectionID}'`, $top: 500, $skip: skip, $orderby: 'Name' })}`),
      );
    }
  }
  const picked = await client.request('GET', `/wmi/SMS_R_System${odataQuery({ $top: 1, $skip: Math.floor(devices / 2), $select: 'Name,MACAddresses' })}`);
  const sample = (picked.json as { value: Array<{ Name: string; MACAddresses: string[] }> }).value[0];
  await timed('SMS_R_System by Name (index)', 5, () => client.request('GET', `/wmi/SMS_R_System${odataQuery({ $filter: `Name eq '${sample.Name}'` })}`));
  await timed('SMS_R_System by MAC any() (index)', 5, () => client.request('GET', `/wmi/SMS_R_System${odataQuery({ $filter: `MACAddresses/any(m: m eq '${sample.MACAddresses[0]}')` })}`));
  await timed("SMS_R_System contains(Name,'LON-0') $top=500 (full scan)", 3, () => client.request('GET', `/wmi/SMS_R_System${odataQuery({ $filter: "contains(Name,'LON-0')", $top: 500, $orderby: 'Name' })}`));
}

async function main(): Promise<void> {
  const seed = { seed: 1, collections: arg('collections', 10_000), devices: arg('devices', 100_000) };
  const dataDir = keep ?? mkdtempSync(path.join(tmpdir(), 'sccm-lab-bench-'));
  console.log(`lab site bench: ${seed.collections} collections, ${seed.devices} devices, data in ${dataDir}`);
  try {
    const t = Date.now();
    let lab = await startLabSite({ dataDir, seed, reseed: true });
    console.log(`${'start (generate + evaluate + certificate + listen)'.padEnd(62)} ${Date.now() - t} ms`);
    await lab.stop();
    // Restart in a fresh process: two big sites in one heap would measure the garbage collector.
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--restart', dataDir], { encoding: 'utf8' });
    process.stdout.write(child.stdout);
    lab = await startLabSite({ dataDir });
    console.log(`heap used after start: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
    const admin = lab.accounts.find((a) => a.role === 'full')!;
    const client = new LabHttpClient(lab, { user: admin.user, password: admin.password });
    try {
      await runQueries(client, seed.devices);
    } finally {
      client.close();
      await lab.stop();
    }
  } finally {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `--restart DIR`: time a start on an existing data folder, then stop. */
async function restartOnly(dataDir: string): Promise<void> {
  const t = Date.now();
  const lab = await startLabSite({ dataDir });
  console.log(`${'restart on the same data folder (new process)'.padEnd(62)} ${Date.now() - t} ms`);
  await lab.stop();
}

const restart = process.argv.indexOf('--restart');
(restart > 0 ? restartOnly(process.argv[restart + 1]) : main()).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

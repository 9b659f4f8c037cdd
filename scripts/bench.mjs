// `npm run bench`: runs every benchmark in scripts/bench/ (each prints its own figures)
// and keeps their output in bench-results/. Speed and memory targets are checked here,
// never by timed tests.
//   node scripts/bench.mjs [name-filter]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const filter = process.argv[2];
const dir = join(root, 'scripts/bench');
const benches = readdirSync(dir).filter((f) => /\.(ts|mjs)$/.test(f) && !f.startsWith('_')).filter((f) => !filter || f.includes(filter)).sort();
mkdirSync(join(root, 'bench-results'), { recursive: true });
let failed = 0;
for (const b of benches) {
  console.log(`\n=== ${b}`);
  const args = b.endsWith('.ts') ? ['--import', 'tsx', '--expose-gc', join(dir, b)] : ['--expose-gc', join(dir, b)];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout);
  writeFileSync(join(root, 'bench-results', `${b.replace(/\.(ts|mjs)$/, '')}.txt`), r.stdout);
  if (r.status !== 0) {
    failed++;
    console.log(`!!! ${b} exited with ${r.status}`);
  }
}
console.log(`\n${benches.length - failed} of ${benches.length} benchmarks met their targets`);
process.exit(failed ? 1 : 0);

// Refreshes the README's screenshots: runs the UI tier (which saves every screenshot under
// test-results/screenshots) and copies the ones the README shows into docs/images.
//   node scripts/screenshots.mjs [--no-run]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const README_SCREENSHOTS = [
  '10-sites-tree', '11-sites-device-tooltip', '12-sites-collection-menu',
  '20-log-problems', '21-log-hover', '22-log-quickfix', '23-log-inline', '24-log-explain',
  '30-viewer', '31-viewer-filter', '32-viewer-merge', '33-timeline',
];

if (!process.argv.includes('--no-run')) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/test.mjs'), '--only', 'ui'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
mkdirSync(join(root, 'docs/images'), { recursive: true });
for (const name of README_SCREENSHOTS) {
  const from = join(root, 'test-results/screenshots', `${name}.png`);
  if (!existsSync(from)) {
    console.error(`missing ${from}`);
    process.exit(1);
  }
  copyFileSync(from, join(root, 'docs/images', `${name}.png`));
}
console.log(`copied ${README_SCREENSHOTS.length} screenshots to docs/images`);

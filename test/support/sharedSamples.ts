import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Real SCCM logs from public repositories live beside the project (`../shared/samples`), not in
 * it. Tests over them register only where that folder exists; the project's own fixtures cover
 * the same formats everywhere. SCCM_SAMPLES_DIR points elsewhere.
 */
export const SHARED_SAMPLES = process.env.SCCM_SAMPLES_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'samples');
export const hasSharedSamples = fs.existsSync(SHARED_SAMPLES);

/** `describe` for suites over the shared samples: not registered at all where they are absent. */
export function describeWithSharedSamples(title: string, fn: (this: Mocha.Suite) => void): void {
  if (hasSharedSamples) describe(`${title} (${SHARED_SAMPLES})`, fn);
}

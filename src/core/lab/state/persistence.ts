import { appendFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { generateSite, SMALL_PRESET, type SeedParameters } from '../seed/generate';
import { LabStore, type Mutation } from './store';

const SITE_FILE = 'site.json';
const JOURNAL_FILE = 'journal.jsonl';

/**
 * State on disk: the seed parameters (`site.json`) plus a journal of changes
 * (`journal.jsonl`, one mutation per line). Loading regenerates the seeded site, evaluates it,
 * then replays the journal; a big site is never rewritten as one file.
 */
export async function loadState(dataDir: string, requested: SeedParameters | undefined, reseed: boolean): Promise<{ store: LabStore; params: SeedParameters; journal: Journal }> {
  const siteFile = path.join(dataDir, SITE_FILE);
  const journalFile = path.join(dataDir, JOURNAL_FILE);
  let params: SeedParameters | null = null;
  if (!reseed) {
    try {
      const parsed = JSON.parse(await fs.readFile(siteFile, 'utf8')) as { seed?: SeedParameters };
      if (parsed.seed && [parsed.seed.seed, parsed.seed.collections, parsed.seed.devices].every((n) => Number.isInteger(n))) params = parsed.seed;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Cannot read ${siteFile}: ${(err as Error).message}`);
    }
  }
  if (!params) {
    params = requested ?? SMALL_PRESET;
    await fs.rm(journalFile, { force: true });
    await fs.rm(path.join(dataDir, 'clients'), { recursive: true, force: true });
    await fs.writeFile(siteFile, `${JSON.stringify({ format: 1, seed: params }, null, 2)}\n`, 'utf8');
  }
  const content = generateSite(params);
  const store = new LabStore(content);
  store.evaluateAll(content.generatedAt);
  let text = '';
  try {
    text = await fs.readFile(journalFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let mutation: Mutation;
    try {
      mutation = JSON.parse(line) as Mutation;
    } catch {
      continue; // A line torn by a crash mid-write: everything before it still applies.
    }
    store.apply(mutation);
  }
  return { store, params, journal: new Journal(journalFile) };
}

/** Buffered append-only journal: serialised at once, written at the end of the tick. */
export class Journal {
  private buffer: string[] = [];
  private scheduled = false;

  constructor(readonly file: string) {}

  append(m: Mutation): void {
    this.buffer.push(JSON.stringify(m));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (!this.buffer.length) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    appendFileSync(this.file, text, 'utf8');
  }
}

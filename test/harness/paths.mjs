// Where the harness keeps what it installs: outside the repository, once per machine.
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = process.env.SCCM_WORKBENCH_CACHE
  || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'sccm-workbench');
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR || join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const RESULTS_DIR = join(ROOT, 'test-results');

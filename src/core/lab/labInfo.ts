import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RunningLabInfo } from './labTypes';

export const LAB_INFO_FILE = 'lab.json';

export async function writeLabInfo(dataDir: string, info: RunningLabInfo): Promise<string> {
  const file = path.join(dataDir, LAB_INFO_FILE);
  await fs.writeFile(file, `${JSON.stringify(info, null, 2)}\n`, 'utf8');
  return file;
}

export async function removeLabInfo(dataDir: string, pid: number, baseUrl: string): Promise<void> {
  const current = await readLabInfoFile(dataDir);
  // Only remove our own file: another lab may have taken the folder over.
  if (current && (current.pid !== pid || current.baseUrl !== baseUrl)) return;
  await fs.rm(path.join(dataDir, LAB_INFO_FILE), { force: true });
}

/** The running lab of a data folder, or null when there is none or its process is gone. */
export async function readRunningLab(dataDir: string): Promise<RunningLabInfo | null> {
  const info = await readLabInfoFile(dataDir);
  return info && isAlive(info.pid) ? info : null;
}

async function readLabInfoFile(dataDir: string): Promise<RunningLabInfo | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(dataDir, LAB_INFO_FILE), 'utf8')) as Partial<RunningLabInfo>;
    if (typeof parsed.baseUrl !== 'string' || typeof parsed.pid !== 'number') return null;
    return parsed as RunningLabInfo;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

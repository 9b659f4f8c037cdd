import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Finds an executable the way the OS would: an absolute or relative path as given, otherwise each
 * PATH folder (with PATHEXT extensions on Windows). Undefined when not found.
 */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const isFile = (candidate: string): boolean => {
    try {
      return fs.statSync(candidate).isFile();
    } catch {
      return false;
    }
  };
  const extensions = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
  if (name.includes('/') || name.includes('\\')) {
    return extensions.map((ext) => name + ext).find(isFile);
  }
  const folders = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  for (const folder of folders) {
    for (const ext of extensions) {
      const candidate = path.join(folder, name + ext);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(file, args, { windowsHide: true }, (_err, stdout) => resolve(String(stdout ?? '')));
  });
}

/** Child processes of `pid`, deepest first, read from `ps` (no dependency on a tree-kill package). */
async function descendants(pid: number): Promise<number[]> {
  const table = await run('ps', ['-A', '-o', 'pid=,ppid=']);
  const children = new Map<number, number[]>();
  for (const line of table.split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (!Number.isInteger(child) || !Number.isInteger(parent)) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const visit = (id: number): void => {
    for (const child of children.get(id) ?? []) {
      visit(child);
      found.push(child);
    }
  };
  visit(pid);
  return found;
}

/**
 * Kills a process and everything it started. Windows: `taskkill /T /F /PID`. Elsewhere a
 * process-group kill is not possible here, because node-powershell spawns the host in our own
 * process group (detached: false) and a group kill would take this process down with it; the
 * tree is walked instead and each process is killed by its id.
 */
export async function killProcessTree(pid: number, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform === 'win32') {
    await run('taskkill', ['/T', '/F', '/PID', String(pid)]);
    return;
  }
  const tree = await descendants(pid);
  for (const id of [...tree, pid]) {
    try {
      process.kill(id, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

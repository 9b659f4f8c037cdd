import type { BigIntStats } from 'node:fs';

/**
 * Which file a path names: a rolled-over log is another file under the same name. The
 * birth time guards against an inode number reused for the new file.
 */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
  birthtimeNs: bigint;
}

/**
 * The identity of an opened file, or undefined where the file system gives no file ids
 * (ino 0: FAT, some network shares), or where the caller chose not to trust them.
 */
export function fileIdentity(stats: Pick<BigIntStats, 'dev' | 'ino' | 'birthtimeNs'>, trustFileIds = true): FileIdentity | undefined {
  if (!trustFileIds || stats.ino === 0n) return undefined;
  return { dev: stats.dev, ino: stats.ino, birthtimeNs: stats.birthtimeNs };
}

/** Whether two identities name the same file; undefined when either is unknown (then only sizes and bytes tell). */
export function sameFile(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean | undefined {
  if (!a || !b) return undefined;
  return a.dev === b.dev && a.ino === b.ino && a.birthtimeNs === b.birthtimeNs;
}

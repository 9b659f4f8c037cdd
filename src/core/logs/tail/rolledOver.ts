import * as path from 'node:path';

/** `C:\...\CAS.log` → `C:\...\CAS.lo_` (the one previous copy ConfigMgr keeps). */
export function rolledOverPath(file: string): string {
  const ext = path.extname(file);
  return ext.toLowerCase() === '.log' ? file.slice(0, -ext.length) + (ext === '.LOG' ? '.LO_' : '.lo_') : `${file}.lo_`;
}

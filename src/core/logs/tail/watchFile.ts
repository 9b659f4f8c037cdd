import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FileWatch {
  dispose(): void;
}

/**
 * Calls `onChange` when the file at `file` may have changed: fs.watch on its folder (a watch
 * on the file itself would follow the renamed `.lo_` after a rollover, not the new file under
 * the name) and a poll every `pollMs`, since network shares do not always notify.
 */
export function watchFile(file: string, onChange: () => void, pollMs: number): FileWatch {
  const name = comparable(path.basename(file));
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(path.dirname(file), { persistent: false }, (_event, changed) => {
      // Some platforms do not say which file changed: check then.
      if (!changed || comparable(changed.toString()) === name) onChange();
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // Not watchable (folder removed, unsupported file system): the poll still works.
  }
  const timer = setInterval(onChange, pollMs);
  timer.unref?.();
  return {
    dispose: () => {
      watcher?.close();
      clearInterval(timer);
    },
  };
}

/** Windows and macOS names are case-insensitive: CAS.log and cas.LOG are one file. */
function comparable(name: string): string {
  return process.platform === 'linux' ? name : name.toLowerCase();
}

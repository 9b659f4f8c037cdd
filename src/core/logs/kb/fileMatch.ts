/**
 * Which log files a signature applies to. Globs are case-insensitive base names with
 * `*` for any run of characters; a glob ending in `.log` also matches the `.lo_` copy
 * ConfigMgr keeps when it rolls a log over.
 */
export type FileMatcher = (fileName: string) => boolean;

function globToRegExp(glob: string): RegExp {
  if (glob === '*') return /^/;
  let body = '';
  for (const ch of glob) {
    if (ch === '*') body += '.*';
    else if (ch === '?') body += '.';
    else body += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  if (/\\\.log$/i.test(body)) body = `${body.slice(0, -1)}[g_]`;
  return new RegExp(`^${body}$`, 'i');
}

export function baseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return slash >= 0 ? fileName.slice(slash + 1) : fileName;
}

export function compileFileMatcher(globs: readonly string[]): FileMatcher {
  const patterns = globs.map(globToRegExp);
  return (fileName) => {
    const name = baseName(fileName);
    return patterns.some((p) => p.test(name));
  };
}

/** A concrete file name for a glob (`smsts*.log` -> `smsts.log`), used to test examples. */
export function exampleFileName(glob: string): string {
  const name = glob.replace(/\*/g, '').replace(/\?/g, 'x');
  return name === '' || name === '.log' ? 'any.log' : name;
}

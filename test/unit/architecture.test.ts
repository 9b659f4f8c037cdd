import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CORE = path.join(ROOT, 'src', 'core');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? tsFiles(p) : d.name.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specs.push(m[1] ?? m[2] ?? m[3]);
  }
  return specs;
}

describe('architecture', () => {
  it('src/core never imports vscode or the VS Code layer', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(CORE)) {
      for (const spec of importsOf(file)) {
        if (spec === 'vscode') offenders.push(`${path.relative(ROOT, file)} imports vscode`);
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          if (!target.startsWith(CORE + path.sep) && target !== CORE) offenders.push(`${path.relative(ROOT, file)} imports ${spec}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('every source file stays under 500 lines', () => {
    const long = [...tsFiles(path.join(ROOT, 'src')), ...(fs.existsSync(path.join(ROOT, 'webview')) ? tsFiles(path.join(ROOT, 'webview')) : [])]
      .map((f) => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 500);
    assert.deepEqual(long, []);
  });
});

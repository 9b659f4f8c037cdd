// Writes l10n/bundle.l10n.json: every runtime string of the VS Code layer and of the webviews
// (whose `t` in webview/shared/l10n.ts reads the same bundle, handed over by the extension host).
// @vscode/l10n-dev only sees literal `l10n.t(...)` calls; our code also passes `vscode.l10n.t`
// around as `t` (tree nodes, commands), so this walks the TypeScript AST for both forms.
//   node scripts/l10n.mjs [--check]   (--check: exit 1 when the committed bundle is stale)
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');

export function collectStrings(dirs = [join(root, 'src'), join(root, 'webview')]) {
  const keys = new Set();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (p !== join(root, 'src', 'core')) walk(p); // the core has no UI strings (no vscode)
      } else if (p.endsWith('.ts')) visitFile(p);
    }
  };
  const visitFile = (file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && node.arguments.length > 0) {
        const callee = node.expression;
        const isT = (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
        if (isT) {
          const arg = node.arguments[0];
          if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) keys.add(arg.text);
          else if (ts.isObjectLiteralExpression(arg)) {
            const message = arg.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'message');
            if (message && (ts.isStringLiteral(message.initializer) || ts.isNoSubstitutionTemplateLiteral(message.initializer))) keys.add(message.initializer.text);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  };
  for (const dir of dirs) walk(dir);
  return Object.fromEntries([...keys].sort().map((k) => [k, k]));
}

const bundlePath = join(root, 'l10n', 'bundle.l10n.json');
const text = `${JSON.stringify(collectStrings(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(bundlePath, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('l10n/bundle.l10n.json is stale: run "npm run l10n"');
    process.exit(1);
  }
  console.log(`l10n bundle up to date (${Object.keys(JSON.parse(text)).length} strings)`);
} else {
  mkdirSync(join(root, 'l10n'), { recursive: true });
  writeFileSync(bundlePath, text);
  console.log(`wrote ${bundlePath} (${Object.keys(JSON.parse(text)).length} strings)`);
}

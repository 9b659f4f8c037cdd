import type { SyntaxNode, Tree } from 'tree-sitter';

/**
 * PowerShell syntax trees for tests, from tree-sitter-powershell. The binding is ESM-only, so it
 * is loaded with a dynamic import once and reused.
 */

interface PowerShellParser {
  parse(source: string): Tree;
}

let parserPromise: Promise<PowerShellParser> | undefined;

export function powerShellParser(): Promise<PowerShellParser> {
  parserPromise ??= (async () => {
    const Parser = (await import('tree-sitter')).default;
    // The package's `types` entry has no extension, which Node16 resolution cannot follow; the
    // specifier is a variable so TypeScript does not try, and the language is typed here instead.
    const grammarPackage = 'tree-sitter-powershell';
    const grammar = (await import(grammarPackage)) as { default: Parameters<InstanceType<typeof Parser>['setLanguage']>[0] };
    const PowerShell = grammar.default;
    const parser = new Parser();
    parser.setLanguage(PowerShell);
    return parser;
  })();
  return parserPromise;
}

/** ERROR and MISSING nodes, as `type row:col text`. */
export function syntaxProblems(node: SyntaxNode, found: string[] = []): string[] {
  if (node.type === 'ERROR' || node.isMissing) found.push(`${node.isMissing ? 'MISSING ' : ''}${node.type} ${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.text.slice(0, 60)}`);
  for (const child of node.children) syntaxProblems(child, found);
  return found;
}

export interface CommandCall {
  name: string;
  /** `-Name` → the argument's text, or true for a switch. */
  parameters: Map<string, string | true>;
  /** The call as one normalised line: `Get-CimInstance -Namespace $namespace ...`. */
  line: string;
}

/** Every command invocation (cmdlet calls) in the tree, in source order. */
export function commandCalls(node: SyntaxNode, found: CommandCall[] = []): CommandCall[] {
  if (node.type === 'command') {
    const nameNode = node.childForFieldName('command_name');
    const elements = node.childForFieldName('command_elements');
    if (nameNode && nameNode.type === 'command_name') {
      const parts = (elements?.children ?? []).filter((c) => c.type !== 'command_argument_sep');
      const parameters = new Map<string, string | true>();
      const words: string[] = [nameNode.text];
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part.type === 'command_parameter') {
          const next = parts[i + 1];
          if (next && next.type !== 'command_parameter') {
            parameters.set(part.text, next.text);
            words.push(part.text, next.text);
            i++;
          } else {
            parameters.set(part.text, true);
            words.push(part.text);
          }
        } else {
          words.push(part.text);
        }
      }
      found.push({ name: nameNode.text, parameters, line: words.join(' ') });
    }
  }
  for (const child of node.children) commandCalls(child, found);
  return found;
}

/** Every string literal's text (quotes included). */
export function stringLiterals(node: SyntaxNode, found: string[] = []): string[] {
  if (node.type === 'string_literal') found.push(node.text);
  else for (const child of node.children) stringLiterals(child, found);
  return found;
}

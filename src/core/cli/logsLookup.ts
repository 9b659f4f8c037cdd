import { rulesForCode } from '../logs/editor/knowledgeIndex';
import { findErrorCodes, hasKnownMessage, lookupErrorCode, parseErrorCode } from '../logs/errorCodes';
import type { ErrorCodeInfo } from '../logs/types';
import { UsageError, parseArgs, type CliIo } from './args';

export const LOGS_LOOKUP_USAGE = `usage: sccm-workbench logs lookup [--json] CODE...

  Explains error codes in any form logs print them: 0x80070002, 80070002,
  0x(80070002), -2147024894, 2147942402, 1603, ccmsetup:7. An argument that is not
  a code is read as a log line, and every code in it is looked up.

  --json      print {"codes":[...]}: each code with its message, source, and the
              knowledge-base signatures that name it

  Exit status: 0 when every code was found, 1 when one is not a code or unknown,
  2 on bad usage.`;

/** A signature of the knowledge base that names the code. */
interface RelatedSignature {
  id: string;
  title: string;
}

interface LookupAnswer {
  input: string;
  info: ErrorCodeInfo;
  signatures: RelatedSignature[];
}

function signaturesFor(info: ErrorCodeInfo): RelatedSignature[] {
  return rulesForCode(info.hex).map(({ id, title }) => ({ id, title }));
}

/** The codes an argument stands for: itself when it is a code, else every code printed in it. */
function codesOf(argument: string): string[] {
  if (parseErrorCode(argument)) return [argument];
  return findErrorCodes(argument).map((f) => f.code);
}

function describe(answer: LookupAnswer): string {
  const { info } = answer;
  const forms = info.hex.startsWith('ccmsetup:') ? 'ccmsetup.exe return code' : `${info.signed} / ${info.unsigned}`;
  const lines = [`${info.hex} (${forms})`];
  if (info.name) lines.push(`  name:      ${info.name}`);
  lines.push(`  message:   ${info.message}`);
  const details = [info.category];
  if (info.win32 !== undefined && info.category !== 'win32') details.push(`Win32 error ${info.win32}`);
  if (info.httpStatus !== undefined) details.push(`HTTP ${info.httpStatus}`);
  lines.push(`  category:  ${details.join(', ')}`);
  if (hasKnownMessage(info)) lines.push(`  source:    ${info.source}${info.sourceUrl ? ` (${info.sourceUrl})` : ''}`);
  for (const s of answer.signatures) lines.push(`  known failure: ${s.id}: ${s.title}`);
  return lines.join('\n');
}

/** `sccm-workbench logs lookup [--json] CODE...` */
export async function runLogsLookup(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { booleanFlags: ['json'] });
  if (args.positionals.length === 0) throw new UsageError('logs lookup needs at least one code');
  const answers: LookupAnswer[] = [];
  let failed = false;
  for (const argument of args.positionals) {
    const codes = codesOf(argument);
    if (codes.length === 0) {
      io.stderr(`sccm-workbench logs lookup: "${argument}" is not an error code and prints none\n`);
      failed = true;
    }
    for (const code of codes) {
      const info = lookupErrorCode(code);
      if (!info) {
        io.stderr(`sccm-workbench logs lookup: ${code} is not a code of any known family\n`);
        failed = true;
        continue;
      }
      if (!hasKnownMessage(info)) failed = true;
      answers.push({ input: code, info, signatures: signaturesFor(info) });
    }
  }
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify({ codes: answers.map((a) => ({ input: a.input, ...a.info, signatures: a.signatures })) })}\n`);
  } else if (answers.length) {
    io.stdout(`${answers.map(describe).join('\n\n')}\n`);
  }
  return failed ? 1 : 0;
}

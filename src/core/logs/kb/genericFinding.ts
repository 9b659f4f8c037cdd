import { findErrorCodes, hasKnownMessage, lookupErrorCode } from '../errorCodes';
import type { ErrorCodeInfo, Finding, LogEntry } from '../types';
import { firstLine, spanOf } from './findingBuilder';

/**
 * A finding for an error record no signature explains: the first code it prints with the
 * code's official message, and what the code's family says for certain (nothing invented).
 */
export function genericErrorFinding(entry: LogEntry): Finding {
  const found = findErrorCodes(entry.message).find((f) => f.code !== '0x00000000');
  const info = found ? lookupErrorCode(found.code) : null;
  const known = info && hasKnownMessage(info) ? info : null;
  const span = found ? spanOf(entry, found.index, found.index + found.length) : { line: entry.line, endLine: entry.endLine };
  const { cause, fix } = explainByCategory(found?.code ?? null, info, known);
  const finding: Finding = {
    ...span,
    severity: 'error',
    rule: null,
    code: found?.code ?? null,
    codeMessage: known?.message ?? null,
    title: firstLine(entry.message, 100) || 'Error record',
    cause,
    fix,
    reference: known?.sourceUrl ?? null,
    recordIndex: entry.index,
  };
  return finding;
}

const READ_BEFORE =
  'Read the records just before this one from the same component and thread: they usually name what was being attempted (a file, a registry key, a URL, a package).';

function described(code: string, known: ErrorCodeInfo | null): string {
  if (!known) return `${code} (its message is not known)`;
  return `${code}${known.name ? ` ${known.name}` : ''}: ${known.message.replace(/\.?$/, '.')}`;
}

function explainByCategory(code: string | null, info: ErrorCodeInfo | null, known: ErrorCodeInfo | null): { cause: string; fix: string } {
  if (!code || !info) {
    return {
      cause: 'The log marks this record as an error. The knowledge base has no signature for it.',
      fix: READ_BEFORE,
    };
  }
  const what = described(code, known);
  switch (info.category) {
    case 'win32':
    case 'hresult-win32':
      return { cause: `A Windows call failed with ${what}`, fix: READ_BEFORE };
    case 'configmgr':
      return { cause: `A Configuration Manager component reported ${what}`, fix: `${READ_BEFORE} Then look up the code in the Configuration Manager documentation.` };
    case 'windowsupdate':
      return {
        cause: `The Windows Update Agent reported ${what}`,
        fix: 'Compare WUAHandler.log and WindowsUpdate.log at the same time. Codes 0x80244xxx come from the HTTP/SOAP exchange with the update server, so also read that server\'s IIS log.',
      };
    case 'bits':
      return {
        cause: `A BITS transfer failed with ${what}${info.httpStatus ? ` The server answered HTTP ${info.httpStatus}.` : ''}`,
        fix: 'Find the URL on the lines before, then the same request in the IIS log of that server (sc-status, sc-substatus, sc-win32-status).',
      };
    case 'winhttp':
      return {
        cause: `An HTTP request could not complete: ${what}`,
        fix: 'From this computer, check name resolution, the port and the proxy (netsh winhttp show proxy) to the server named on the lines before.',
      };
    case 'wmi':
      return { cause: `A WMI call failed with ${what}`, fix: `${READ_BEFORE} "winmgmt /verifyrepository" checks the WMI repository.` };
    case 'cbs':
      return { cause: `Windows servicing (CBS) reported ${what}`, fix: 'Read CBS.log around this time; DISM /Online /Cleanup-Image /ScanHealth checks the component store.' };
    default:
      return { cause: `The operation failed with ${what}`, fix: READ_BEFORE };
  }
}

import { ScanInputError, scanPaths, type ScanResult } from '../logs/scan';
import { UsageError, parseArgs, type CliIo } from './args';
import { formatScanReport } from './logsScanReport';

export const LOGS_SCAN_USAGE = `usage: sccm-workbench logs scan [--json] [--records] PATH...

  Parses log files (and folders, recursively: only files that look like logs) and
  reports what the knowledge base finds in them.

  --json      print one JSON object {"files":[...]} instead of a report
  --records   include every record of every file ("entries")

  Exit status: 0 when the scan ran (findings or not), 2 on bad usage or a missing
  or unreadable PATH.`;

/** `sccm-workbench logs scan [--json] [--records] PATH...` */
export async function runLogsScan(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { booleanFlags: ['json', 'records'] });
  if (args.positionals.length === 0) throw new UsageError('logs scan needs at least one file or folder');
  let result: ScanResult;
  try {
    result = await scanPaths(args.positionals, { records: args.flags.has('records'), cwd: io.cwd });
  } catch (err) {
    if (!(err instanceof ScanInputError)) throw err;
    io.stderr(`sccm-workbench logs scan: ${err.message}\n`);
    return 2;
  }
  for (const skipped of result.skipped) io.stderr(`sccm-workbench logs scan: skipped ${skipped.path}: ${skipped.reason}\n`);
  if (args.flags.has('json')) io.stdout(`${JSON.stringify({ files: result.files })}\n`);
  else io.stdout(formatScanReport(result.files));
  return 0;
}

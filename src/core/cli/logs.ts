import { UsageError, type CliCommandGroup, type CliIo } from './args';
import { LOGS_LOOKUP_USAGE, runLogsLookup } from './logsLookup';
import { LOGS_SCAN_USAGE, runLogsScan } from './logsScan';

interface LogsSubcommand {
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** The `logs` subcommands, each in its own file: `scan` (logsScan.ts), `lookup` (logsLookup.ts). */
const SUBCOMMANDS = new Map<string, LogsSubcommand>([['scan', { usage: LOGS_SCAN_USAGE, run: runLogsScan }], ['lookup', { usage: LOGS_LOOKUP_USAGE, run: runLogsLookup }]]);

export function logsCommandGroup(): CliCommandGroup {
  return {
    name: 'logs',
    summary: 'Parse and diagnose SCCM, Windows Setup, Windows Update and IIS logs',
    usage: [...SUBCOMMANDS.values()].map((s) => s.usage).join('\n'),
    async run(argv: string[], io: CliIo): Promise<number> {
      const [name, ...rest] = argv;
      const subcommand = name === undefined ? undefined : SUBCOMMANDS.get(name);
      if (!subcommand) {
        const known = [...SUBCOMMANDS.keys()].join(', ');
        throw new UsageError(name === undefined ? `missing subcommand (${known})` : `unknown subcommand "${name}" (${known})`);
      }
      return subcommand.run(rest, io);
    },
  };
}

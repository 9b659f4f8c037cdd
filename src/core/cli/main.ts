import { UsageError, type CliCommandGroup, type CliIo } from './args';
import { commandGroups } from './commands';

const VERSION = '0.1.0';

function help(groups: readonly CliCommandGroup[]): string {
  const width = Math.max(...groups.map((g) => g.name.length));
  return [
    'sccm-workbench: SCCM / ConfigMgr work from the command line',
    '',
    'usage: sccm-workbench <command> [options]',
    '',
    ...groups.map((g) => `  ${g.name.padEnd(width)}  ${g.summary}`),
    '',
    'Run "sccm-workbench <command> --help" for the options of a command.',
    '',
  ].join('\n');
}

/** Runs the CLI and returns its exit code: 0 ran, 1 the work failed, 2 bad usage or unreadable input. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const groups = commandGroups();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help(groups));
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const group = groups.find((g) => g.name === name);
  if (!group) {
    io.stderr(`sccm-workbench: unknown command "${name}"\n\n${help(groups)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(group.usage.endsWith('\n') ? group.usage : `${group.usage}\n`);
    return 0;
  }
  try {
    return await group.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`sccm-workbench ${group.name}: ${err.message}\n\n${group.usage}\n`);
      return 2;
    }
    io.stderr(`sccm-workbench ${group.name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`sccm-workbench: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

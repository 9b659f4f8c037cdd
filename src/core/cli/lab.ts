import * as path from 'node:path';
import { LARGE_PRESET, SMALL_PRESET } from '../lab/seed/generate';
import { readRunningLab, startLabSite, type LabFaults, type LabSeedOptions } from '../lab/labSite';
import { flagNumber, flagString, parseArgs, UsageError, type CliCommandGroup, type CliIo } from './args';

const USAGE = `usage: sccm-workbench lab start [options]
       sccm-workbench lab status [--data DIR] [--json]

Runs the lab site: a local AdminService (SMS Provider REST API) with NTLM authentication,
a generated site, and lab clients that write CMTrace logs. Runs until Ctrl+C.

  --data DIR           data folder (default: .lab under the current directory)
  --port N             port on 127.0.0.1 (default: a free port)
  --seed               generate the big site (10,000 collections, 100,000 devices)
  --small              generate the small preset (60 collections, 400 devices)
  --collections N      collections to generate (with --seed)
  --devices N          devices to generate (with --seed)
  --prng-seed N        PRNG seed of the generated site (default 1)
  --reseed             throw the data folder's site away and generate again
  --latency MS         add MS milliseconds to every response
  --fail-every N       every Nth request answers 500
  --throttle-every N   every Nth request answers 503 with Retry-After
  --drop-every N       every Nth request has its connection dropped
  --fail-method NAME   calls of method NAME answer 500
  --refresh-delay MS   delay before collection membership changes show (default 1500)
  --client-delay MS    delay before lab clients act on a notification (default 1000)
  --max-runtime S      stop after S seconds
  --json               print the lab's details as one JSON line
The accounts (with their random passwords) are in <data>/accounts.json; they are never printed.`;

const positive = (args: ReturnType<typeof parseArgs>, name: string): number | undefined => {
  const n = flagNumber(args, name);
  if (n !== undefined && (!Number.isInteger(n) || n < 0)) throw new UsageError(`--${name} must be a whole number >= 0`);
  return n;
};

async function start(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    booleanFlags: ['seed', 'small', 'reseed', 'json'],
    valueFlags: ['data', 'port', 'collections', 'devices', 'prng-seed', 'latency', 'fail-every', 'throttle-every', 'drop-every', 'fail-method', 'refresh-delay', 'client-delay', 'max-runtime'],
  });
  if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  if (args.flags.has('seed') && args.flags.has('small')) throw new UsageError('--seed and --small are exclusive');
  const preset = args.flags.has('small') ? SMALL_PRESET : args.flags.has('seed') || args.flags.has('collections') || args.flags.has('devices') ? LARGE_PRESET : undefined;
  const seed: LabSeedOptions | undefined = preset && {
    seed: positive(args, 'prng-seed') ?? preset.seed,
    collections: positive(args, 'collections') ?? preset.collections,
    devices: positive(args, 'devices') ?? preset.devices,
  };
  const faults: LabFaults = {
    latencyMs: positive(args, 'latency'),
    error500Every: positive(args, 'fail-every'),
    throttle503Every: positive(args, 'throttle-every'),
    dropConnectionEvery: positive(args, 'drop-every'),
    failMethod: flagString(args, 'fail-method'),
  };
  const port = positive(args, 'port');
  if (port !== undefined && port > 65535) throw new UsageError('--port must be at most 65535');
  const dataDir = path.resolve(io.cwd, flagString(args, 'data') ?? '.lab');
  const lab = await startLabSite({
    dataDir,
    port: port ?? 0,
    seed,
    reseed: args.flags.has('reseed'),
    faults,
    refreshDelayMs: positive(args, 'refresh-delay'),
    clientDelayMs: positive(args, 'client-delay'),
    maxRuntimeSeconds: positive(args, 'max-runtime'),
  });
  const details = {
    baseUrl: lab.baseUrl,
    siteCode: lab.siteCode,
    pid: process.pid,
    certificateThumbprint: lab.certificateThumbprint,
    certificateSha256: lab.certificateSha256,
    certificatePath: lab.certificatePath,
    accountsPath: lab.accountsPath,
    clientsDir: lab.clientsDir,
    dataDir: lab.dataDir,
  };
  if (args.flags.has('json')) io.stdout(`${JSON.stringify(details)}\n`);
  else {
    io.stdout(
      [
        `Lab site ${lab.siteCode} running at ${lab.baseUrl}`,
        `  certificate SHA-1 thumbprint: ${lab.certificateThumbprint}`,
        `  certificate SHA-256:          ${lab.certificateSha256}`,
        `  certificate file:             ${lab.certificatePath}`,
        `  accounts (user, password):    ${lab.accountsPath}`,
        `  lab client logs:              ${lab.clientsDir}`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }
  const onSignal = (): void => void lab.stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await lab.closed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (!args.flags.has('json')) io.stdout('Lab site stopped.\n');
  return 0;
}

async function status(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { booleanFlags: ['json'], valueFlags: ['data'] });
  const dataDir = path.resolve(io.cwd, flagString(args, 'data') ?? '.lab');
  const info = await readRunningLab(dataDir);
  if (args.flags.has('json')) io.stdout(`${JSON.stringify(info)}\n`);
  else io.stdout(info ? `Lab site ${info.siteCode} running at ${info.baseUrl} (pid ${info.pid})\n` : `No lab site is running on ${dataDir}\n`);
  return info ? 0 : 1;
}

export const lab: CliCommandGroup = {
  name: 'lab',
  summary: 'Run the lab site (a local AdminService for tests, demos and trying the product)',
  usage: USAGE,
  run: async (argv, io) => {
    const [sub, ...rest] = argv;
    if (sub === 'start') return start(rest, io);
    if (sub === 'status') return status(rest, io);
    throw new UsageError(sub ? `unknown lab command "${sub}"` : 'a lab command is needed (start, status)');
  },
};

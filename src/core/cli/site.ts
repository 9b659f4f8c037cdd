import * as path from 'node:path';
import type { SiteBackend } from '../site/contract';
import { SiteError } from '../site/errors';
import { createSiteBackend, type SiteConnectionConfig } from '../site/siteConfig';
import type { CredentialsCallback, SiteCredentials } from '../site/adminService/transport';
import { readLabConnection } from '../site/labConnection';
import { UsageError, flagNumber, flagString, parseArgs, type CliCommandGroup, type CliIo, type ParsedArgs } from './args';

const USAGE = `usage: sccm-workbench site <command> [options]

commands (print JSON for scripts):
  collections [--folder PATH] [--search TEXT] [--top N] [--skip N]
  members COLLECTIONID [--search TEXT] [--top N] [--skip N]
  device RESOURCEID

connection:
  --url https://HOST/AdminService   the site's AdminService
  --user DOMAIN\\user                 password from the SCCM_PASSWORD environment variable,
  --password-stdin                    or read from stdin with this flag (never as a flag value)
  --ca FILE                           trust the site's CA certificate (PEM or DER)
  --thumbprint HEX                    or pin the site certificate (SHA-1 as Windows shows it, or SHA-256)
  --backend adminService|powershell   default adminService
  --site-code CODE                    e.g. PS1 (found from the provider when omitted)
  --provider HOST                     SMS Provider for the PowerShell backend (default: host of --url)
  --timeout SECONDS                   per request (default 30)
  --lab DIR                           use a running lab site's data folder (address, admin account, certificate)
`;

const VALUE_FLAGS = ['url', 'user', 'ca', 'thumbprint', 'backend', 'site-code', 'provider', 'timeout', 'lab', 'folder', 'search', 'top', 'skip'];
const BOOLEAN_FLAGS = ['password-stdin'];

export interface SiteCommandDeps {
  /** Reads all of stdin (for --password-stdin). */
  readStdin: () => Promise<string>;
  createBackend: (config: SiteConnectionConfig, getCredentials: CredentialsCallback) => SiteBackend;
}

const defaultDeps: SiteCommandDeps = {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString('utf8');
  },
  createBackend: createSiteBackend,
};

/** `sccm-workbench site ...`: list collections, members and devices of a site as JSON. */
export function siteCommandGroup(deps: Partial<SiteCommandDeps> = {}): CliCommandGroup {
  const resolved: SiteCommandDeps = { ...defaultDeps, ...deps };
  return {
    name: 'site',
    summary: 'Read collections, members and devices from a site (AdminService or PowerShell)',
    usage: USAGE,
    run: (argv, io) => runSite(argv, io, resolved),
  };
}

async function runSite(argv: string[], io: CliIo, deps: SiteCommandDeps): Promise<number> {
  const args = parseArgs(argv, { booleanFlags: BOOLEAN_FLAGS, valueFlags: VALUE_FLAGS });
  const [command, ...operands] = args.positionals;
  if (!command) throw new UsageError('a command is needed: collections, members or device');
  const work = commandWork(command, operands, args);
  const { config, credentials } = await connectionFrom(args, io, deps);
  const backend = deps.createBackend(config, () => credentials);
  try {
    const result = await work(backend);
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof SiteError) {
      io.stderr(`sccm-workbench site: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    backend.dispose();
  }
}

/** Checks the command line before connecting, so bad usage never reaches the site. */
function commandWork(command: string, operands: string[], args: ParsedArgs): (backend: SiteBackend) => Promise<unknown> {
  const paging = (): { top: number; skip: number } => ({ top: wholeNumber(args, 'top', 100, 1), skip: wholeNumber(args, 'skip', 0, 0) });
  switch (command) {
    case 'collections': {
      expectOperands(command, operands, 0);
      const folderPath = flagString(args, 'folder');
      const search = flagString(args, 'search');
      const page = paging();
      return (backend) => backend.listCollections({ ...page, ...(search ? { search } : {}), ...(folderPath !== undefined ? { folderPath } : {}) });
    }
    case 'members': {
      expectOperands(command, operands, 1);
      const search = flagString(args, 'search');
      const page = paging();
      return (backend) => backend.listCollectionMembers(operands[0], { ...page, ...(search ? { search } : {}) });
    }
    case 'device': {
      expectOperands(command, operands, 1);
      if (!/^\d+$/.test(operands[0])) throw new UsageError(`RESOURCEID must be a number, got "${operands[0]}"`);
      const resourceId = Number(operands[0]);
      return (backend) => backend.getDevice(resourceId);
    }
    default:
      throw new UsageError(`unknown command "${command}" (collections, members or device)`);
  }
}

function expectOperands(command: string, operands: string[], count: number): void {
  if (operands.length !== count) {
    throw new UsageError(count === 0 ? `${command} takes no arguments` : `${command} needs ${count === 1 ? 'one argument' : `${count} arguments`}`);
  }
}

function wholeNumber(args: ParsedArgs, name: string, fallback: number, min: number): number {
  const value = flagNumber(args, name);
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be a whole number of at least ${min}`);
  return value;
}

async function connectionFrom(args: ParsedArgs, io: CliIo, deps: SiteCommandDeps): Promise<{ config: SiteConnectionConfig; credentials: SiteCredentials | undefined }> {
  const backend = flagString(args, 'backend') ?? 'adminService';
  if (backend !== 'adminService' && backend !== 'powershell') throw new UsageError('--backend must be adminService or powershell');
  const timeout = flagNumber(args, 'timeout');
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError('--timeout must be a positive number of seconds');
  const labDir = flagString(args, 'lab');
  const lab = labDir !== undefined ? await readLabConnection(path.resolve(io.cwd, labDir)) : undefined;

  const url = flagString(args, 'url') ?? lab?.baseUrl;
  const ca = flagString(args, 'ca');
  const thumbprint = flagString(args, 'thumbprint') ?? (ca === undefined ? lab?.thumbprint : undefined);
  const config: SiteConnectionConfig = {
    backend,
    adminServiceUrl: url,
    providerHost: flagString(args, 'provider'),
    siteCode: flagString(args, 'site-code') ?? lab?.siteCode,
    caFile: ca !== undefined ? path.resolve(io.cwd, ca) : undefined,
    certificateThumbprint: thumbprint,
    requestTimeoutMs: timeout !== undefined ? Math.round(timeout * 1000) : undefined,
  };
  if (backend === 'adminService' && !url) throw new UsageError('--url (or --lab) is needed for the AdminService backend');
  if (backend === 'powershell' && !url && !config.providerHost) throw new UsageError('--provider (or --url) is needed for the PowerShell backend');

  const userName = flagString(args, 'user') ?? lab?.userName;
  let password: string | undefined;
  if (args.flags.has('password-stdin')) password = (await deps.readStdin()).replace(/\r?\n$/, '');
  else if (flagString(args, 'user') !== undefined) password = io.env.SCCM_PASSWORD;
  else password = lab?.password ?? io.env.SCCM_PASSWORD;
  if (backend === 'adminService' && !userName) throw new UsageError('--user is needed for the AdminService backend (or --lab)');
  if (backend === 'adminService' && !password) throw new UsageError('no password: set SCCM_PASSWORD or pass it on stdin with --password-stdin');
  return { config, credentials: userName && password ? { userName, password } : undefined };
}

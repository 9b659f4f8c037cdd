import type { CliCommandGroup } from './args';

/**
 * The subcommand groups. Each area adds its group here (logs, site, lab; later push,
 * import, ad). Kept apart from main.ts so tests can run the CLI in-process.
 */
export function commandGroups(): CliCommandGroup[] {
  return [];
}

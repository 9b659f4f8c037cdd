import type { CliCommandGroup } from './args';
import { logsCommandGroup } from './logs';
import { siteCommandGroup } from './site';
import { lab } from './lab';

/**
 * The subcommand groups. Each area adds its group here (logs, site, lab; later push,
 * import, ad). Kept apart from main.ts so tests can run the CLI in-process.
 */
export function commandGroups(): CliCommandGroup[] {
  return [logsCommandGroup(), siteCommandGroup(), lab];
}

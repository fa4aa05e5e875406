import type { CliGroup, OpenPlatform } from '../platform/cli-command.ts';
import { loadConfig } from '../platform/config.ts';
import { preparePlatform } from './bootstrap.ts';
import { MODULES } from './modules.ts';

/** Every module's command groups (`npx apkalpe <group> <command>`). */
export function cliGroups(): Record<string, CliGroup> {
  return Object.assign({}, ...MODULES.map((module) => ('cli' in module ? module.cli : {})));
}

/** Opens the configured database (as `npm start` would), runs `work`, closes it. */
export const withPlatform: OpenPlatform = async (work) => {
  const { deps, database } = await preparePlatform(loadConfig());
  try {
    return await work(deps);
  } finally {
    await database.close();
  }
};

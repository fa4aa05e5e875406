import { parseArgs } from 'node:util';
import type { CliContext, CliGroup, OpenPlatform } from '../platform/cli-command.ts';
import { loadConfig, type AppConfig } from '../platform/config.ts';
import { preparePlatform } from './bootstrap.ts';
import { MODULES } from './modules.ts';

/** Every module's command groups (`npx apkalpe <group> <command>`). */
export function cliGroups(): Record<string, CliGroup> {
  return Object.assign({}, ...MODULES.map((module) => ('cli' in module ? module.cli : {})));
}

/** Opens the database of `config` (as `npm start` would), runs `work`, closes it. */
export function platformOpener(config: () => AppConfig = () => loadConfig()): OpenPlatform {
  return async (work) => {
    const { deps, database } = await preparePlatform(config());
    try {
      return await work(deps);
    } finally {
      await database.close();
    }
  };
}

/** The configured platform (DATA_DIR / DATABASE_URL), as the command line opens it. */
export const withPlatform: OpenPlatform = platformOpener();

function usage(groups: Record<string, CliGroup>): string {
  const lines = ['Usage: npx apkalpe <group> <command> [options]', ''];
  for (const [name, group] of Object.entries(groups)) {
    for (const [command, spec] of Object.entries(group)) lines.push(`  apkalpe ${name} ${command} ${spec.usage}\n      ${spec.description}`);
  }
  return lines.join('\n');
}

/** `npx apkalpe <group> <command> [options]`: runs one command; returns the exit code. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const groups = cliGroups();
  const [groupName, commandName, ...rest] = argv;
  const command = groupName && commandName ? groups[groupName]?.[commandName] : undefined;
  if (!command) {
    context.err(usage(groups));
    return groupName === '--help' || groupName === 'help' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    context.err(`${(error as Error).message}\nUsage: apkalpe ${groupName} ${commandName} ${command.usage}`);
    return 2;
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, context);
}

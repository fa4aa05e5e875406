// Operator command line: `npx apkalpe <group> <command> [options]`.
import { parseArgs } from 'node:util';
import { agenciesCommands } from './features/agencies/agencies.cli.ts';
import { calendarCommands } from './features/calendar/calendar.cli.ts';
import { usersCommands } from './features/staff/staff.cli.ts';
import { retentionCommands } from './features/privacy/privacy.cli.ts';
import type { CliGroup } from './platform/cli-command.ts';

const groups: Record<string, CliGroup> = {
  agencies: agenciesCommands,
  users: usersCommands,
  calendar: calendarCommands,
  retention: retentionCommands,
};

function usage(): string {
  const lines = ['Usage: npx apkalpe <group> <command> [options]', ''];
  for (const [name, group] of Object.entries(groups)) {
    for (const [command, spec] of Object.entries(group)) lines.push(`  apkalpe ${name} ${command} ${spec.usage}\n      ${spec.description}`);
  }
  return lines.join('\n');
}

async function run(argv: string[]): Promise<number> {
  const [groupName, commandName, ...rest] = argv;
  const command = groupName && commandName ? groups[groupName]?.[commandName] : undefined;
  if (!command) {
    process.stderr.write(`${usage()}\n`);
    return groupName === '--help' || groupName === 'help' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: apkalpe ${groupName} ${commandName} ${command.usage}\n`);
    return 2;
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { AuditOrigin } from '../../platform/audit/audit.ts';
import type { CliGroup } from '../../platform/cli-command.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { importCalendarEntries } from './calendar-entries.service.ts';
import type { EntryProblem } from './calendar-entry.schema.ts';

export const CALENDAR_IMPORT_ORIGIN: AuditOrigin = { actorId: null, actorLabel: 'cli:calendar-import', ip: null };

export class CalendarFileError extends Error {}

/** Reads a YAML or JSON file (by extension; anything else is read as YAML, which JSON is a subset of). */
export async function readCalendarFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CalendarFileError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new CalendarFileError(`${path} is not valid ${extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
}

/** "[3].replaces: The day it replaces must be a weekday" — the index is the position in the file's list, from 0. */
export function formatProblem(problem: EntryProblem): string {
  const where = problem.index === undefined ? problem.field : `[${problem.index}].${problem.field}`;
  return `${where}: ${problem.message.en}`;
}

type Output = { out: (text: string) => void; err: (text: string) => void };
type OpenServices = <T>(work: (deps: ServiceDeps) => Promise<T>) => Promise<T>;

/** `calendar import FILE`, with its output and database injectable for tests; returns the exit code. */
export async function runCalendarImport(file: string, io: Output, open: OpenServices): Promise<number> {
  let data: unknown;
  try {
    data = await readCalendarFile(file);
  } catch (error) {
    if (error instanceof CalendarFileError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  const result = await open((deps) => importCalendarEntries(deps, CALENDAR_IMPORT_ORIGIN, data));
  if (!result.ok) {
    io.err(`${file}: ${result.problems.length} error(s); nothing was imported.`);
    for (const problem of result.problems) io.err(`  ${formatProblem(problem)}`);
    return 1;
  }
  const { added, replaced } = result.value;
  io.out(`Imported ${added.length + replaced.length} calendar entries from ${file}: ${added.length} added, ${replaced.length} replaced.`);
  return 0;
}

export const calendarCommands: CliGroup = {
  import: {
    usage: 'FILE',
    description:
      'Import calendar entries (one-off holidays, Cabinet-order days off and working days) from a YAML or JSON list in the ' +
      'CalendarEntry shape. The whole file is checked first; an error writes nothing. An entry replaces the one of the same date.',
    options: {},
    run: async (_values, positionals, { withPlatform, out, err }) => {
      const [file, ...extra] = positionals;
      if (!file || extra.length > 0) {
        err('Usage: apkalpe calendar import FILE');
        return 2;
      }
      return runCalendarImport(file, { out, err }, withPlatform);
    },
  },
};

// Calendar entries as data (admin form and `calendar import`): the CalendarEntry shape, checked with Zod and
// then against the calendar rules, so that bad data is a field error and never a RangeError at request time.
import { z } from 'zod';
import { LatvianCalendar, parseIsoDate, type CalendarEntry } from '../../domain/calendar/index.ts';
import { catalogMessage, fieldErrorsFromIssues, localized, type IssueLike } from '../../platform/http/problem.ts';
import { bilingual, type Bilingual } from '../../platform/i18n/index.ts';
import { translator } from '../../platform/i18n/index.ts';
import { IsoDateSchema, isoDateProblem } from './calendar.schema.ts';

/** A problem with one entry: `index` into the list checked (when a list), `field` a dotted path in the entry. */
export type EntryProblem = { index?: number; field: string; message: Bilingual };

/** A required text: Zod's own min(1) message is English-only, so the emptiness check carries both languages. */
const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => value.length > 0, catalogMessage('errors.field.required'));
const NameSchema = z.object({ lv: requiredText(300), en: requiredText(300) }).strict();
const SourceSchema = requiredText(500);

const HolidayEntrySchema = z
  .object({ kind: z.literal('holiday'), date: IsoDateSchema, name: NameSchema, movesOnWeekend: z.boolean(), source: SourceSchema })
  .strict();
const DayOffEntrySchema = z.object({ kind: z.literal('day-off'), date: IsoDateSchema, name: NameSchema, source: SourceSchema }).strict();
const WorkingDayEntrySchema = z
  .object({ kind: z.literal('working-day'), date: IsoDateSchema, replaces: IsoDateSchema, name: NameSchema, source: SourceSchema })
  .strict();

const isWeekend = (date: string) => parseIsoDate(date).dayOfWeek >= 6;

/** Rules of a single entry that the calendar relies on (LEGAL.md, transferred working days). */
export function entryRuleProblems(entry: CalendarEntry): EntryProblem[] {
  if (isoDateProblem(entry.date)) return [];
  if (entry.kind === 'day-off' && isWeekend(entry.date)) {
    return [{ field: 'date', message: bilingual('calendarAdmin.errors.dayOffNotWeekday') }];
  }
  if (entry.kind !== 'working-day') return [];
  const problems: EntryProblem[] = [];
  if (!isWeekend(entry.date)) problems.push({ field: 'date', message: bilingual('calendarAdmin.errors.workingDayNotWeekend') });
  if (!isoDateProblem(entry.replaces) && isWeekend(entry.replaces)) {
    problems.push({ field: 'replaces', message: bilingual('calendarAdmin.errors.replacesNotWeekday') });
  }
  return problems;
}

export const CalendarEntryInputSchema = z
  .discriminatedUnion('kind', [HolidayEntrySchema, DayOffEntrySchema, WorkingDayEntrySchema])
  .superRefine((entry, ctx) => {
    for (const problem of entryRuleProblems(entry)) {
      ctx.addIssue({ code: 'custom', path: problem.field.split('.'), ...localized(problem.message) });
    }
  });

export const CalendarImportSchema = z.array(CalendarEntryInputSchema).max(5000);

/** Second and later entries of a date already in the list (checked on the raw list, so reported with the rest). */
function duplicateDateProblems(input: unknown): EntryProblem[] {
  if (!Array.isArray(input)) return [];
  const seen = new Map<string, number>();
  const problems: EntryProblem[] = [];
  input.forEach((item: unknown, index) => {
    const date = (item as { date?: unknown } | null)?.date;
    if (typeof date !== 'string') return;
    const first = seen.get(date);
    if (first === undefined) seen.set(date, index);
    else problems.push({ index, field: 'date', message: bilingual('calendarAdmin.errors.duplicateInFile', { index: first }) });
  });
  return problems;
}

/** A whole import file's list: every problem of every entry, or the entries. */
export function parseCalendarImport(input: unknown): { ok: true; entries: CalendarEntry[] } | { ok: false; problems: EntryProblem[] } {
  const parsed = CalendarImportSchema.safeParse(input);
  const problems = [...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)), ...duplicateDateProblems(input)];
  if (problems.length > 0 || !parsed.success) {
    const order = (p: EntryProblem) => p.index ?? -1;
    return { ok: false, problems: problems.sort((x, y) => order(x) - order(y)) };
  }
  return { ok: true, entries: parsed.data };
}

function calendarBreaks(entries: readonly CalendarEntry[], years: readonly number[]): string | null {
  try {
    const calendar = new LatvianCalendar(entries);
    // The constructor checks shapes; the year tables (holidays, moved days) are built lazily: build them now.
    for (const year of years) calendar.holidaysOf(year);
    return null;
  } catch (error) {
    if (error instanceof RangeError) return error.message;
    throw error;
  }
}

/**
 * Whether the calendar built from `existing` plus `added` works for the years the added entries touch.
 * Returns the problem of the first added entry that breaks it.
 */
export function calendarConsistencyProblem(existing: readonly CalendarEntry[], added: readonly CalendarEntry[]): EntryProblem | null {
  const years = [...new Set(added.flatMap((e) => [e.date, e.kind === 'working-day' ? e.replaces : e.date]).map((d) => parseIsoDate(d).year))];
  if (calendarBreaks([...existing, ...added], years) === null) return null;
  for (let i = 0; i < added.length; i++) {
    const detail = calendarBreaks([...existing, ...added.slice(0, i + 1)], years);
    if (detail !== null) return { index: i, field: 'date', message: bilingual('calendarAdmin.errors.calendarRule', { detail }) };
  }
  return { field: 'date', message: bilingual('calendarAdmin.errors.calendarRule', { detail: 'calendar' }) };
}

/** Zod issues of one entry or a list → problems in both languages, with a list index split off the path. */
export function problemsFromIssues(issues: ReadonlyArray<unknown>): EntryProblem[] {
  return (issues as IssueLike[]).flatMap((issue) => {
    const [first, ...rest] = issue.path;
    const indexed = typeof first === 'number';
    const local = { ...issue, path: indexed ? rest : issue.path };
    const lv = fieldErrorsFromIssues([local], translator('lv'), 'lv');
    const en = fieldErrorsFromIssues([local], translator('en'), 'en');
    return lv.map((error, i) => ({
      ...(indexed ? { index: first } : {}),
      field: error.field,
      message: { lv: error.message, en: en[i]?.message ?? error.message },
    }));
  });
}

import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import { HOLIDAY_YEAR_MAX, HOLIDAY_YEAR_MIN, parseIsoDate } from '../../domain/calendar/index.ts';
import { TERM_RULE_IDS } from '../../domain/terms/index.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { catalogMessage } from '../../platform/http/problem.ts';

/** Longest range of /api/v1/calendar, both ends included: three years with a leap day. */
export const MAX_RANGE_DAYS = 1096;
const YEARS = { min: HOLIDAY_YEAR_MIN, max: HOLIDAY_YEAR_MAX };
const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a date or a year: a message of the calendar's catalog and its values. */
export type CalendarProblem = { key: MessageKey; values?: Record<string, unknown> };

/** Why a string is not a usable calendar date ('YYYY-MM-DD', existing, within the supported years), or null. */
export function isoDateProblem(value: string): CalendarProblem | null {
  if (!ISO_DATE_SHAPE.test(value)) return { key: 'calendar.errors.dateFormat' };
  let year: number;
  try {
    year = parseIsoDate(value).year;
  } catch {
    return { key: 'calendar.errors.dateImpossible' };
  }
  if (year < HOLIDAY_YEAR_MIN || year > HOLIDAY_YEAR_MAX) return { key: 'calendar.errors.yearRange', values: YEARS };
  return null;
}

export const IsoDateSchema = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    const problem = isoDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', ...catalogMessage(problem.key, problem.values) });
  })
  .describe(`A date 'YYYY-MM-DD' in the years ${HOLIDAY_YEAR_MIN}–${HOLIDAY_YEAR_MAX}`)
  .meta({ example: '2026-03-02' });

/** Number of days from `from` to `to`, both included (0 or less when reversed). */
export function inclusiveDays(from: string, to: string): number {
  return parseIsoDate(from).until(parseIsoDate(to), { largestUnit: 'days' }).days + 1;
}

export const CalendarRangeQuerySchema = z
  .object({
    from: IsoDateSchema.describe('First day (inclusive), YYYY-MM-DD'),
    to: IsoDateSchema.describe(`Last day (inclusive), YYYY-MM-DD; at most ${MAX_RANGE_DAYS} days after from`),
  })
  .superRefine(({ from, to }, ctx) => {
    if (isoDateProblem(from) || isoDateProblem(to)) return;
    if (Temporal.PlainDate.compare(parseIsoDate(to), parseIsoDate(from)) < 0) {
      ctx.addIssue({ code: 'custom', path: ['to'], ...catalogMessage('calendar.errors.rangeReversed') });
    } else if (inclusiveDays(from, to) > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], ...catalogMessage('calendar.errors.rangeTooLong', { max: MAX_RANGE_DAYS }) });
    }
  });

const LocalizedTextSchema = z.object({ lv: z.string(), en: z.string() });

export const CalendarDaySchema = z.object({
  date: z.string(),
  working: z.boolean().describe('A working day of state-budget institutions'),
  holiday: LocalizedTextSchema.nullable().describe('Public holiday name(s), or null'),
  dayOff: LocalizedTextSchema.nullable().describe('Why a weekday is free (compensatory day or Cabinet order), or null'),
  shortened: z.boolean().describe('Working day shortened by one hour before a public holiday (Labour Law s.135)'),
  transferred: z.boolean().describe('A day off or a worked Saturday/Sunday set by a Cabinet order'),
  replaces: z.string().nullable().describe('For a worked Saturday/Sunday: the weekday it stands for'),
});

export const CalendarDaysResponseSchema = z.object({ days: z.array(CalendarDaySchema) });

export const DeadlineQuerySchema = z.object({
  rule: z.enum(TERM_RULE_IDS).describe('Time-limit rule'),
  from: IsoDateSchema.describe('Date of receipt (or booking), YYYY-MM-DD, in Europe/Riga'),
  agency: z.string().min(1).max(40).optional().describe('Agency slug; required for appointment.minNotice'),
});

export const DeadlineResponseSchema = z.object({
  deadline: z.string().describe('Last day of the period, YYYY-MM-DD'),
  rule: z.enum(TERM_RULE_IDS),
  receivedOn: z.string(),
  source: LocalizedTextSchema,
  validFrom: z.string().describe('The rule version applied is in force for receipts from this date'),
  validTo: z.string().nullable(),
  period: z.object({ unit: z.enum(['months', 'workingDays']), amount: z.number().int() }),
  agency: z.string().nullable(),
});

/** `year` as typed by a person or a calendar client: digits only, within the supported years. */
export function yearProblem(value: string | undefined): CalendarProblem | null {
  const year = Number(value);
  if (value === undefined || !/^\d{4}$/.test(value) || year < HOLIDAY_YEAR_MIN || year > HOLIDAY_YEAR_MAX) {
    return { key: 'calendar.errors.yearInvalid', values: YEARS };
  }
  return null;
}

export const YearQuerySchema = z.object({
  year: z
    .string()
    .max(10)
    .superRefine((value, ctx) => {
      const problem = yearProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', ...catalogMessage(problem.key, problem.values) });
    })
    .describe(`Year, ${HOLIDAY_YEAR_MIN}–${HOLIDAY_YEAR_MAX}`)
    .meta({ example: '2026' }),
});

export const IcsResponseSchema = z.string().describe('iCalendar (RFC 5545) feed');

import { z } from 'zod';
import { UNITS } from '../../domain/standard-figures/index.ts';

const Text = z.object({ lv: z.string(), en: z.string() });
const TargetJson = z.object({ comparison: z.enum(['atLeast', 'atMost', 'exactly']), value: z.number(), unit: z.enum(UNITS) });
const shortText = (max: number) => z.string().max(max).optional();

/** Query of both figure APIs; the meaning (dates, order, length, known centre) is checked by the service with field errors. */
export const FiguresQuerySchema = z.object({
  from: shortText(20).describe('First Riga day of the period, YYYY-MM-DD'),
  to: shortText(20).describe('Last Riga day of the period, YYYY-MM-DD (at most five years after from)'),
  period: shortText(10).describe('month | quarter | year | range (staff API; default: range when from/to are given, else the current month)'),
  month: shortText(10).describe('YYYY-MM'),
  quarter: shortText(10).describe('YYYY-Q1…YYYY-Q4'),
  year: shortText(10).describe('YYYY'),
  centre: shortText(64).describe('A service centre id of the agency (staff API)'),
  service: shortText(64).describe("A service id of the agency's profile (staff API; applies to the queue figures)"),
  channel: shortText(64).describe('A channel id of the agency, an inquiry channel, queue or phone; or, for the phone figures, a phone topic id; for incidents, an incident kind or action (staff API)'),
  lang: shortText(5),
});

export const StaffFigurePointSchema = z.object({ label: z.string(), from: z.string(), to: z.string(), value: z.number().nullable(), base: z.number().int() });

export const StaffFiguresSchema = z.object({
  agency: z.string(),
  granularity: z.enum(['month', 'quarter', 'year', 'range']),
  from: z.string(),
  to: z.string(),
  centre: z.string().nullable(),
  service: z.string().nullable(),
  channel: z.string().nullable(),
  refreshedAt: z.string().nullable().describe('When the aggregates were last refreshed (at most a few minutes ago while the job queue runs)'),
  promises: z.array(
    z.object({
      id: z.string(),
      words: Text,
      indicator: z.string().nullable(),
      unit: z.enum(UNITS).nullable(),
      definition: Text.nullable(),
      target: TargetJson.nullable(),
      value: z.number().nullable(),
      base: z.number().int().describe('Number of records behind the figure'),
      status: z.enum(['kept', 'not-kept', 'no-data', 'not-measurable']),
      previous: z.number().nullable(),
      change: z.number().nullable(),
      filterIgnored: z.boolean(),
      sourceMissing: z.boolean().describe('The records come from a feature not yet registered: no data'),
      trend: z.array(StaffFigurePointSchema).describe('12 periods of the same kind, oldest first; the last is the period asked for'),
    }),
  ),
});

export const PublicFiguresSchema = z.object({
  agency: z.string(),
  from: z.string(),
  to: z.string(),
  promises: z.array(
    z.object({
      id: z.string(),
      words: Text,
      indicator: z.string().nullable(),
      unit: z.enum(UNITS).nullable(),
      definition: Text.nullable(),
      target: TargetJson.nullable(),
      measurable: z.boolean(),
      months: z.array(
        z.object({
          month: z.string().describe('YYYY-MM'),
          from: z.string(),
          to: z.string(),
          value: z.number().nullable().describe('Null when there is no data or the figure is suppressed'),
          suppressed: z.boolean().describe('True when fewer than 5 records are behind it: shown as "fewer than 5"'),
          status: z.enum(['kept', 'not-kept', 'no-data', 'fewer-than-5', 'not-measurable']),
        }),
      ),
    }),
  ),
});

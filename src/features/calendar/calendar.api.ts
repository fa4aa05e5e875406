import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { rigaToday } from '../../platform/clock.ts';
import { HOLIDAY_YEAR_MAX } from '../../domain/calendar/index.ts';
import { holidayFeed } from './calendar.ics.ts';
import {
  CalendarDaysResponseSchema,
  CalendarRangeQuerySchema,
  DeadlineQuerySchema,
  DeadlineResponseSchema,
  YearQuerySchema,
} from './calendar.schema.ts';
import { getCalendarDays, getDeadline, loadCalendar } from './calendar.service.ts';

const IcsQuerySchema = z.object({ year: YearQuerySchema.shape.year.optional() });

/** The years a feed covers: the one asked for, or (for a subscription without ?year) this year and the next. */
function feedYears(year: string | undefined, calendarToday: string): number[] {
  if (year) return [Number(year)];
  const current = Number(calendarToday.slice(0, 4));
  return current < HOLIDAY_YEAR_MAX ? [current, current + 1] : [current];
}

export async function calendarRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Working days, public holidays, days off and shortened days of Latvian state-budget institutions',
        description: 'One entry per day from `from` to `to` (both included, at most 1096 days).',
        querystring: CalendarRangeQuerySchema,
        response: { 200: CalendarDaysResponseSchema },
      },
    },
    async (request) => ({ days: await getCalendarDays(deps, request.query.from, request.query.to) }),
  );

  api.get(
    '/api/v1/calendar/deadline',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Statutory deadline of a rule for a date of receipt (version of the law in force on that date)',
        querystring: DeadlineQuerySchema,
        response: { 200: DeadlineResponseSchema },
      },
    },
    async (request) => {
      const { rule, from, agency } = request.query;
      const result = await getDeadline(deps, { rule, from, agency });
      return { ...result, receivedOn: from };
    },
  );

  api.get(
    '/api/v1/calendar/holidays.ics',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Public holidays and days off as an iCalendar feed to subscribe to',
        description: 'All-day events with Latvian names (English in the description). Without `year`: this year and the next (Europe/Riga).',
        querystring: IcsQuerySchema,
        response: {
          200: { description: 'iCalendar feed (RFC 5545)', content: { 'text/calendar': { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      const years = feedYears(request.query.year, rigaToday(deps.clock));
      const calendar = await loadCalendar(deps);
      const items = years.flatMap((year) => calendar.holidaysOf(year));
      const stamp = new Date(deps.clock().epochMilliseconds);
      const body = holidayFeed(items, { years, stamp });
      const filename = `latvijas-svetku-dienas-${years.join('-')}.ics`;
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'public, max-age=3600')
        .send(body);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { rigaToday } from '../../platform/clock.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { yearProblem } from './calendar.schema.ts';
import { getCalendarYear } from './calendar.service.ts';
import { BadYearView, CalendarYearView } from './calendar.views.tsx';

/** The public working-day calendar: /kalendars?year=YYYY (default: this year in Riga). */
export async function calendarPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Querystring: { year?: unknown } }>('/kalendars', async (request, reply) => {
    const ctx = pageContext(request);
    const currentYear = Number(rigaToday(deps.clock).slice(0, 4));
    const asked = request.query.year;
    if (asked !== undefined) {
      const problem = typeof asked === 'string' ? yearProblem(asked) : yearProblem(undefined);
      if (problem) {
        return sendPage(reply, ctx, {
          title: ctx.t('calendar.badYearTitle'),
          body: <BadYearView ctx={ctx} message={ctx.t(problem.key, problem.values)} currentYear={currentYear} />,
          status: 400,
        });
      }
    }
    const year = asked === undefined ? currentYear : Number(asked);
    const data = await getCalendarYear(deps, year);
    return sendPage(reply, ctx, { title: ctx.t('calendar.title', { year }), body: <CalendarYearView ctx={ctx} data={data} /> });
  });
}

import type { FastifyInstance } from 'fastify';
import { scopeOf } from '../../platform/access/access.hook.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { formValues } from '../../web/form-values.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { staffCsv } from './csv.ts';
import { drillKindOf, loadDrill } from './drill.service.ts';
import { DrillView } from './drill.views.tsx';
import { channelValueGroups, contactChannels, parseFigureRequest, todayOf } from './figures.service.ts';
import { drillFilters, filterValues, publicCache, publicData, staffFigures, STYLESHEETS, toFieldErrors, validationError, VIEW, type AgencyParams } from './figure-request.ts';
import { PublicFiguresView } from './public.views.tsx';
import { StaffFiguresView } from './staff.views.tsx';

/** /staff/{agency}/standarts: the page, its CSV and the records behind a figure. */
export async function standardFiguresStaffPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/staff/:agency/standarts', { config: VIEW }, async (request, reply) => {
    const profile = deps.agencies.require(scopeOf(request).agency);
    const values = filterValues(request.query);
    const { errors, figures } = await staffFigures(deps, profile, values);
    const ctx = pageContext(request);
    reply.header('cache-control', 'no-store');
    const fieldErrors = toFieldErrors(errors, ctx.t);
    return sendPage(reply, ctx, {
      title: fieldErrors.length ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('standardFigures.staffTitle')}` : ctx.t('standardFigures.staffTitle'),
      body: <StaffFiguresView ctx={ctx} profile={profile} figures={figures} values={values} errors={fieldErrors} channels={{ contact: contactChannels(profile), groups: channelValueGroups(profile) }} />,
      agency: profile,
      status: fieldErrors.length ? 400 : 200,
      stylesheets: STYLESHEETS,
    });
  });

  app.get<AgencyParams>('/staff/:agency/standarts/tabula.csv', { config: VIEW }, async (request, reply) => {
    const profile = deps.agencies.require(scopeOf(request).agency);
    const { errors, figures } = await staffFigures(deps, profile, filterValues(request.query));
    if (!figures) throw validationError(errors);
    return reply
      .header('content-disposition', `attachment; filename="standarts-${profile.slug}-${figures.selection.period.from}-${figures.selection.period.to}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(staffCsv(figures));
  });

  app.get<{ Params: { agency: string; promise: string } }>('/staff/:agency/standarts/:promise/ieraksti', { config: VIEW }, async (request, reply) => {
    const scope = scopeOf(request);
    const profile = deps.agencies.require(scope.agency);
    const promise = profile.promises.find((p) => p.id === request.params.promise);
    const kind = promise?.indicator ? drillKindOf(promise.indicator) : null;
    if (!promise || !kind) throw new AppError(404, 'promise-not-found', 'standardFigures.errors.unknownPromise');
    const values = filterValues(request.query);
    const parsed = parseFigureRequest(profile, values, todayOf(deps));
    const ctx = pageContext(request);
    reply.header('cache-control', 'no-store');
    if ('errors' in parsed) {
      const fieldErrors = toFieldErrors(parsed.errors, ctx.t);
      return sendPage(reply, ctx, { title: `${ctx.t('errors.summaryTitle')}: ${ctx.t('standardFigures.staffTitle')}`, body: <DrillView ctx={ctx} profile={profile} promise={promise} kind={kind} rows={[]} values={values} errors={fieldErrors} />, agency: profile, status: 400, stylesheets: STYLESHEETS });
    }
    const rows = await loadDrill(deps, scope, originOf(request), { kind, promiseId: promise.id, period: parsed.selection.period, filters: drillFilters(profile, promise.indicator ?? '', parsed.filters) });
    return sendPage(reply, ctx, {
      title: ctx.t('standardFigures.drillTitle', { indicator: promise.indicator ?? '' }),
      body: <DrillView ctx={ctx} profile={profile} promise={promise} kind={kind} rows={rows} values={values} errors={[]} />,
      agency: profile,
      stylesheets: STYLESHEETS,
    });
  });

}

/** /{agency}/standarts/izpilde. */
export async function standardFiguresPublicPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/:agency/standarts/izpilde', async (request, reply) => {
    const { profile, errors, figures } = await publicData(deps, request, request.params.agency);
    const ctx = pageContext(request);
    const fieldErrors = toFieldErrors(errors, ctx.t);
    if (!fieldErrors.length) publicCache(reply);
    return sendPage(reply, ctx, {
      title: `${fieldErrors.length ? `${ctx.t('errors.summaryTitle')}: ` : ''}${ctx.t('standardFigures.publicTitle')}: ${profile.shortName[ctx.lang]}`,
      body: <PublicFiguresView ctx={ctx} profile={profile} figures={figures} errors={fieldErrors} values={formValues(request.query)} />,
      agency: profile,
      status: fieldErrors.length ? 400 : 200,
      stylesheets: STYLESHEETS,
    });
  });
}

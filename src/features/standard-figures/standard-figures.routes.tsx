import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeOf } from '../../platform/access/access.hook.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, type FieldError } from '../../platform/http/problem.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import { formValues } from '../../web/form-values.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { AgencySlugParamsSchema } from '../agencies/agencies.schema.ts';
import { publicCsv, staffCsv } from './csv.ts';
import { drillKindOf, loadDrill } from './drill.service.ts';
import { DrillView } from './drill.views.tsx';
import { findIndicator } from '../../domain/standard-figures/index.ts';
import { channelScope, channelValueGroups, computeStandardFigures, contactChannels, parseFigureRequest, todayOf, type FigureFilters, type RequestError, type StandardFigures } from './figures.service.ts';
import { targetOf } from './promise.schema.ts';
import { parsePublicPeriod, publicFigures, type PublicFigures } from './public.service.ts';
import { PublicFiguresView } from './public.views.tsx';
import { FiguresQuerySchema, PublicFiguresSchema, StaffFiguresSchema } from './standard-figures.schema.ts';
import { StaffFiguresView, type FilterValues } from './staff.views.tsx';

export const STYLESHEETS = ['/static/standard-figures.css'] as const;
const VIEW = { permission: 'standardFigures.view' as const };
type AgencyParams = { Params: { agency: string } };

const FIELDS = ['period', 'month', 'quarter', 'year', 'from', 'to', 'centre', 'service', 'channel'] as const;

function filterValues(query: unknown): FilterValues {
  const q = formValues(query);
  return Object.fromEntries(FIELDS.map((f) => [f, (q[f] ?? '').trim().slice(0, 64)])) as FilterValues;
}

const toFieldErrors = (errors: RequestError[], t: Translate): FieldError[] => errors.map((e) => ({ field: e.field, code: e.code, message: t(e.messageKey) }));

function validationError(errors: RequestError[]): AppError {
  return new AppError(400, 'validation', 'errors.validation', {}, errors.map((e) => ({ field: e.field, code: e.code, messageKey: e.messageKey })));
}

function staffJson(f: StandardFigures) {
  return {
    agency: f.agency,
    granularity: f.selection.granularity,
    from: f.selection.period.from,
    to: f.selection.period.to,
    centre: f.filters.centre ?? null,
    service: f.filters.service ?? null,
    channel: f.filters.channel ?? null,
    refreshedAt: f.refreshedAt?.toISOString() ?? null,
    promises: f.promises.map((p) => ({
      id: p.promise.id,
      words: p.promise.words,
      indicator: p.indicator?.id ?? null,
      unit: p.indicator?.unit ?? null,
      definition: p.indicator?.definition ?? null,
      target: p.promise.target ? targetOf(p.promise.target) : null,
      value: p.current.value,
      base: p.current.base,
      status: p.verdict,
      previous: p.previous.value,
      change: p.change,
      filterIgnored: p.filterIgnored,
      sourceMissing: p.sourceMissing,
      trend: p.trend.map((t) => ({ label: t.label, from: t.period.from, to: t.period.to, value: t.figure.value, base: t.figure.base })),
    })),
  };
}

function publicJson(f: PublicFigures) {
  return {
    agency: f.agency,
    from: f.period.from,
    to: f.period.to,
    promises: f.promises.map((p) => ({
      id: p.promise.id,
      words: p.promise.words,
      indicator: p.indicator?.id ?? null,
      unit: p.indicator?.unit ?? null,
      definition: p.indicator?.definition ?? null,
      target: p.promise.target ? targetOf(p.promise.target) : null,
      measurable: Boolean(p.indicator && p.promise.target),
      months: p.figures,
    })),
  };
}

/** The records behind a figure follow the filters its figure follows: a filter that does not apply to the indicator is dropped. */
function drillFilters(profile: AgencyProfile, indicatorId: string, filters: FigureFilters): FigureFilters {
  const indicator = findIndicator(indicatorId);
  if (!indicator) return {};
  return {
    centre: indicator.dimensions.includes('centre') ? filters.centre : undefined,
    service: indicator.dimensions.includes('service') ? filters.service : undefined,
    channel: filters.channel && channelScope(profile, filters.channel)(indicator) ? filters.channel : undefined,
  };
}

async function staffFigures(deps: AppDeps, profile: AgencyProfile, values: FilterValues) {
  const parsed = parseFigureRequest(profile, values, todayOf(deps));
  if ('errors' in parsed) return { errors: parsed.errors, figures: null };
  return { errors: [], figures: await computeStandardFigures(deps, profile, parsed.selection, parsed.filters) };
}

/** /staff/{agency}/standarts (page, CSV, records behind a figure) and GET /api/v1/staff/{agency}/standard-figures. */
export async function standardFiguresStaffRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
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

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/staff/:agency/standard-figures',
    {
      config: VIEW,
      schema: {
        tags: ['standard-figures', 'staff'],
        summary: "Every promise of the agency's standard with its figure, target, verdict, previous period and 12-period trend",
        description: '400 with field errors for malformed dates, a reversed period, a period over five years, an unknown centre, service or channel (channel: a contact channel, a phone topic, an incident kind or action).',
        querystring: FiguresQuerySchema,
        response: { 200: StaffFiguresSchema },
      },
    },
    async (request, reply) => {
      const profile = deps.agencies.require(scopeOf(request).agency);
      const { errors, figures } = await staffFigures(deps, profile, filterValues(request.query));
      if (!figures) throw validationError(errors);
      reply.header('cache-control', 'no-store');
      return staffJson(figures);
    },
  );
}

async function publicData(deps: AppDeps, request: FastifyRequest, slug: string) {
  const profile = deps.agencies.require(slug);
  const q = formValues(request.query);
  const parsed = parsePublicPeriod({ from: q['from']?.slice(0, 20), to: q['to']?.slice(0, 20) }, todayOf(deps));
  if ('errors' in parsed) return { profile, errors: parsed.errors, figures: null };
  return { profile, errors: [], figures: await publicFigures(deps, profile, parsed.period) };
}

function publicCache(reply: FastifyReply) {
  // Aggregates change at most every minute: a short public cache is safe.
  reply.header('cache-control', 'public, max-age=60');
}

/** /{agency}/standarts/izpilde and the open data: GET /api/v1/agencies/{slug}/standard-figures (JSON) and .csv. */
export async function standardFiguresPublicRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
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

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/agencies/:slug/standard-figures',
    {
      schema: {
        tags: ['agencies', 'standard-figures'],
        summary: 'Open data: every promise of the standard with its monthly figures (aggregates only; below 5 records suppressed)',
        description: 'from/to: both or neither (default: the 12 months up to this one). 400 with field errors for malformed dates, reversed periods, periods over five years.',
        params: AgencySlugParamsSchema,
        querystring: FiguresQuerySchema.pick({ from: true, to: true, lang: true }),
        response: { 200: PublicFiguresSchema },
      },
    },
    async (request, reply) => {
      const { errors, figures } = await publicData(deps, request, request.params.slug);
      if (!figures) throw validationError(errors);
      publicCache(reply);
      return publicJson(figures);
    },
  );

  app.get<{ Params: { slug: string } }>('/api/v1/agencies/:slug/standard-figures.csv', async (request, reply) => {
    const { errors, figures } = await publicData(deps, request, request.params.slug);
    if (!figures) throw validationError(errors);
    publicCache(reply);
    return reply
      .header('content-disposition', `attachment; filename="standarta-izpilde-${figures.agency}-${figures.period.from}-${figures.period.to}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(publicCsv(figures));
  });
}

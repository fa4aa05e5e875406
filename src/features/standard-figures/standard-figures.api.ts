import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeOf } from '../../platform/access/access.hook.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AgencySlugParamsSchema } from '../agencies/agencies.schema.ts';
import { publicCsv } from './csv.ts';
import type { StandardFigures } from './figures.service.ts';
import { filterValues, publicCache, publicData, staffFigures, validationError, VIEW } from './figure-request.ts';
import { targetOf } from './promise.schema.ts';
import type { PublicFigures } from './public.service.ts';
import { FiguresQuerySchema, PublicFiguresSchema, StaffFiguresSchema } from './standard-figures.schema.ts';

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
      ...promiseJson(p),
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

/** What the staff and the public answers say alike of a promise: its words, indicator and target. */
function promiseJson(p: PublicFigures['promises'][number] | StandardFigures['promises'][number]) {
  return {
    id: p.promise.id,
    words: p.promise.words,
    indicator: p.indicator?.id ?? null,
    unit: p.indicator?.unit ?? null,
    definition: p.indicator?.definition ?? null,
    target: p.promise.target ? targetOf(p.promise.target) : null,
  };
}

function publicJson(f: PublicFigures) {
  return {
    agency: f.agency,
    from: f.period.from,
    to: f.period.to,
    promises: f.promises.map((p) => ({
      ...promiseJson(p),
      measurable: Boolean(p.indicator && p.promise.target),
      months: p.figures,
    })),
  };
}

/** GET /api/v1/staff/{agency}/standard-figures. */
export async function standardFiguresStaffApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
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

/** The open data: GET /api/v1/agencies/{slug}/standard-figures (JSON) and .csv. */
export async function standardFiguresPublicApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
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

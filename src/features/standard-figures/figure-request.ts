// What the standard-figures pages and API share: reading the filters of a request, their errors, the figures for them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, type FieldError } from '../../platform/http/problem.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import { formValues } from '../../web/form-values.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { findIndicator } from '../../domain/standard-figures/index.ts';
import { channelScope, computeStandardFigures, parseFigureRequest, todayOf, type FigureFilters, type RequestError } from './figures.service.ts';
import { parsePublicPeriod, publicFigures } from './public.service.ts';
import type { FilterValues } from './staff.views.tsx';

export const STYLESHEETS = ['/static/standard-figures.css'] as const;
export const VIEW = { permission: 'standardFigures.view' as const };
export type AgencyParams = { Params: { agency: string } };

const FIELDS = ['period', 'month', 'quarter', 'year', 'from', 'to', 'centre', 'service', 'channel'] as const;

export function filterValues(query: unknown): FilterValues {
  const q = formValues(query);
  return Object.fromEntries(FIELDS.map((f) => [f, (q[f] ?? '').trim().slice(0, 64)])) as FilterValues;
}

export const toFieldErrors = (errors: RequestError[], t: Translate): FieldError[] => errors.map((e) => ({ field: e.field, code: e.code, message: t(e.messageKey) }));

export function validationError(errors: RequestError[]): AppError {
  return new AppError(400, 'validation', 'errors.validation', {}, errors.map((e) => ({ field: e.field, code: e.code, messageKey: e.messageKey })));
}

/** The records behind a figure follow the filters its figure follows: a filter that does not apply to the indicator is dropped. */
export function drillFilters(profile: AgencyProfile, indicatorId: string, filters: FigureFilters): FigureFilters {
  const indicator = findIndicator(indicatorId);
  if (!indicator) return {};
  return {
    centre: indicator.dimensions.includes('centre') ? filters.centre : undefined,
    service: indicator.dimensions.includes('service') ? filters.service : undefined,
    channel: filters.channel && channelScope(profile, filters.channel)(indicator) ? filters.channel : undefined,
  };
}

export async function staffFigures(deps: AppDeps, profile: AgencyProfile, values: FilterValues) {
  const parsed = parseFigureRequest(profile, values, todayOf(deps));
  if ('errors' in parsed) return { errors: parsed.errors, figures: null };
  return { errors: [], figures: await computeStandardFigures(deps, profile, parsed.selection, parsed.filters) };
}

export async function publicData(deps: AppDeps, request: FastifyRequest, slug: string) {
  const profile = deps.agencies.require(slug);
  const q = formValues(request.query);
  const parsed = parsePublicPeriod({ from: q['from']?.slice(0, 20), to: q['to']?.slice(0, 20) }, todayOf(deps));
  if ('errors' in parsed) return { profile, errors: parsed.errors, figures: null };
  return { profile, errors: [], figures: await publicFigures(deps, profile, parsed.period) };
}

export function publicCache(reply: FastifyReply) {
  // Aggregates change at most every minute: a short public cache is safe.
  reply.header('cache-control', 'public, max-age=60');
}


import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows, type AgencyScope } from '../../platform/access/policy.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { pageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { formValues } from '../../web/form-values.ts';
import { sendFeedbackPage } from './feedback-page.tsx';
import { MyResponsesView, RecordOpinionView, ResultsView } from './feedback-staff.views.tsx';
import { recordOpinion } from './opinions.service.ts';
import { exportResultsCsv, loadMyResponses, loadResults, parseFilters, type FilterInput } from './results.service.ts';

type AgencyParams = { Params: { agency: string } };

function scopeOf(request: FastifyRequest, deps: AppDeps): { scope: AgencyScope; profile: AgencyProfile } {
  const scope = request.scope as AgencyScope;
  return { scope, profile: deps.agencies.get(scope.agency) as AgencyProfile };
}

function filterInput(query: unknown): FilterInput {
  const q = formValues(query);
  return { from: (q['from'] ?? '').slice(0, 20), to: (q['to'] ?? '').slice(0, 20), centre: (q['centre'] ?? '').slice(0, 60), channel: (q['channel'] ?? '').slice(0, 60) };
}

function renderRecordForm(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, values: Record<string, string>, errors: FieldError[], status: number, notice: string | null) {
  const ctx = pageContext(request, reply.generateCsrf());
  return sendFeedbackPage(reply, ctx, {
    title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('feedback.staff.recordTitle')}` : ctx.t('feedback.staff.recordTitle'),
    body: <RecordOpinionView ctx={ctx} profile={profile} values={values} errors={errors} notice={notice} />,
    agency: profile,
    status,
  });
}

/** /staff/{agency}/atsauksmes: results (feedback.results), CSV export, recording opinions (feedback.record); phone calls are logged in the phone feature. */
export async function feedbackStaffPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/staff/:agency/atsauksmes', { config: { permission: 'feedback.results' } }, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    const input = filterInput(request.query);
    const { filters, errors } = parseFilters(profile, input, request.lang);
    const results = await loadResults(deps, scope, originOf(request), filters, request.lang);
    const ctx = pageContext(request, reply.generateCsrf());
    reply.header('cache-control', 'no-store');
    return sendFeedbackPage(reply, ctx, {
      title: ctx.t('feedback.staff.resultsTitle'),
      body: <ResultsView ctx={ctx} profile={profile} results={results} input={input} errors={errors} canRecord={roleAllows(scope.role, 'feedback.record')} />,
      agency: profile,
      status: errors.length ? 400 : 200,
    });
  });

  app.get<AgencyParams>('/staff/:agency/atsauksmes/eksports.csv', { config: { permission: 'feedback.results' } }, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    const { filters } = parseFilters(profile, filterInput(request.query), request.lang);
    const csv = await exportResultsCsv(deps, scope, originOf(request), filters);
    return reply
      .header('content-disposition', `attachment; filename="atsauksmes-${scope.agency}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(csv);
  });

  // Every staff role: the served staff member sees only the answers whose clients agreed.
  app.get<AgencyParams>('/staff/:agency/atsauksmes/mani', { config: { permission: 'workplace.view' } }, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    const responses = await loadMyResponses(deps, scope, originOf(request));
    const ctx = pageContext(request);
    reply.header('cache-control', 'no-store');
    return sendFeedbackPage(reply, ctx, { title: ctx.t('feedback.staff.mineTitle'), body: <MyResponsesView ctx={ctx} profile={profile} responses={responses} />, agency: profile });
  });

  app.get<AgencyParams>('/staff/:agency/atsauksmes/jauna', { config: { permission: 'feedback.record' } }, async (request, reply) => {
    const { profile } = scopeOf(request, deps);
    const { saved, ref = '', deadline = '' } = formValues(request.query);
    const notice = saved === 'inquiry' ? request.t('feedback.staff.recordedInquiry', { reference: ref, deadline }) : saved ? request.t('feedback.staff.recorded') : null;
    return renderRecordForm(request, reply, profile, {}, [], 200, notice);
  });

  app.post<AgencyParams>('/staff/:agency/atsauksmes/jauna', { config: { permission: 'feedback.record' } }, async (request, reply) => {
    const { profile } = scopeOf(request, deps);
    const raw = formValues(request.body);
    const source = raw['source'] === 'phone' ? 'phone' : raw['source'] === 'in-person' ? 'in-person' : null;
    if (!source) {
      const error = { field: 'source', code: 'invalid_value', message: request.t('feedback.opinion.errors.source') };
      return renderRecordForm(request, reply, profile, raw, [error], 400, null);
    }
    const result = await recordOpinion(deps, originOf(request), { profile, raw, source, lang: request.lang });
    if (result.kind === 'invalid') return renderRecordForm(request, reply, profile, raw, result.errors, 400, null);
    if (result.kind === 'rate-limited') throw new Error('staff recording is not rate limited');
    const base = `/staff/${profile.slug}/atsauksmes/jauna`;
    const target = result.inquiry
      ? `${base}?saved=inquiry&ref=${encodeURIComponent(result.inquiry.reference)}&deadline=${result.inquiry.deadline}`
      : `${base}?saved=1`;
    return reply.redirect(target, 303);
  });
}

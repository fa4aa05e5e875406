import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows, type AgencyScope } from '../../platform/access/policy.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, fieldErrorsOf, type FieldError } from '../../platform/http/problem.ts';
import { forbiddenCharacterErrors } from '../../platform/http/input-guard.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formValues } from '../../web/form-values.ts';
import { pageContext, type PageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { callbackDetail, listCallbacks, recordAttempt, takeCallback } from './callbacks-work.service.ts';
import { logCall } from './calls.service.ts';
import { figuresCsv, loadFigures, parsePeriod, today } from './figures.service.ts';
import { FiguresView } from './phone-figures.views.tsx';
import { CallbackDetailView, CallbacksView, CallLogView, PhoneStaffNav } from './phone-staff.views.tsx';

type AgencyParams = { Params: { agency: string } };
type IdParams = { Params: { agency: string; id: string } };

const STYLESHEETS = ['/static/feedback.css', '/static/phone.css'] as const;
const log = { config: { permission: 'phone.log' as const } };
const read = { config: { permission: 'phone.read' as const } };
const work = { config: { permission: 'phone.callbacks' as const } };
const figures = { config: { permission: 'phone.figures' as const } };

function scopeOf(request: FastifyRequest, deps: AppDeps): { scope: AgencyScope; profile: AgencyProfile } {
  const scope = request.scope as AgencyScope;
  return { scope, profile: deps.agencies.get(scope.agency) as AgencyProfile };
}

function nav(ctx: PageContext, scope: AgencyScope, profile: AgencyProfile) {
  return <PhoneStaffNav ctx={ctx} profile={profile} canLog={roleAllows(scope.role, 'phone.log')} canFigures={roleAllows(scope.role, 'phone.figures')} />;
}

function send(reply: FastifyReply, ctx: PageContext, profile: AgencyProfile, title: string, body: React.ReactNode, status = 200) {
  reply.header('cache-control', 'no-store');
  return sendPage(reply, ctx, { title, body, agency: profile, status, stylesheets: STYLESHEETS });
}

/** A refused action (taken by someone else, closed, invalid) as field errors in the page's language. */
function errorsOf(request: FastifyRequest, error: unknown): { status: number; errors: FieldError[] } | null {
  if (!(error instanceof AppError)) return null;
  const errors = error.fieldErrors.length
    ? fieldErrorsOf(error, request.t, request.lang, error.messageKey)
    : [{ field: '(root)', code: error.code, message: request.t(error.messageKey, error.values) }];
  return { status: error.status, errors };
}

export async function phoneStaffPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const renderLog = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[], status: number, notice: string | null) => {
    const { scope, profile } = scopeOf(request, deps);
    const ctx = pageContext(request, reply.generateCsrf());
    const title = `${errors.length ? `${ctx.t('errors.summaryTitle')}: ` : ''}${ctx.t('phone.staff.logTitle')}`;
    return send(reply, ctx, profile, title, <CallLogView ctx={ctx} profile={profile} values={values} errors={errors} notice={notice} nav={nav(ctx, scope, profile)} />, status);
  };

  app.get<AgencyParams>('/staff/:agency/talrunis', log, async (request, reply) => {
    const saved = formValues(request.query)['saved'];
    const notice = saved === 'survey' ? request.t('phone.staff.savedSurvey') : saved ? request.t('phone.staff.saved') : null;
    return renderLog(request, reply, {}, [], 200, notice);
  });

  app.post<AgencyParams>('/staff/:agency/talrunis', { config: { ...log.config, form: true } }, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    const raw = formValues(request.body);
    const shown = () => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.slice(0, 2000).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')]));
    // A field that held a NUL (taken out by the input guard): said next to it, the form shown again, nothing written.
    const forbidden = forbiddenCharacterErrors(request);
    if (forbidden.length > 0) return renderLog(request, reply, shown(), forbidden, 400, null);
    const result = await logCall(deps, scope, originOf(request), raw, request.lang);
    if (result.kind === 'invalid') return renderLog(request, reply, shown(), result.errors, 400, null);
    const { call } = result;
    if (call.outcome === 'appointment-booked') {
      // The staff booking page, filled in with the client (the URL's personal data is redacted from the logs).
      const query = new URLSearchParams();
      if (call.client.name) query.set('name', call.client.name);
      if (call.client.personalCode) query.set('personalCode', call.client.personalCode);
      if (call.client.email) query.set('email', call.client.email);
      const qs = query.toString();
      return reply.redirect(`/staff/${profile.slug}/pieraksti/jauns${qs ? `?${qs}` : ''}`, 303);
    }
    return reply.redirect(`/staff/${profile.slug}/talrunis?saved=${call.surveySent ? 'survey' : '1'}`, 303);
  });

  const renderList = async (request: FastifyRequest, reply: FastifyReply, notice: string | null, errors: FieldError[], status: number) => {
    const { scope, profile } = scopeOf(request, deps);
    const items = await listCallbacks(deps, scope, originOf(request));
    const ctx = pageContext(request, reply.generateCsrf());
    return send(reply, ctx, profile, ctx.t('phone.callbacks.title'), <CallbacksView ctx={ctx} profile={profile} items={items} now={deps.clock()} canWork={roleAllows(scope.role, 'phone.callbacks')} notice={notice} errors={errors} nav={nav(ctx, scope, profile)} />, status);
  };

  app.get<AgencyParams>('/staff/:agency/talrunis/atzvani', read, async (request, reply) => renderList(request, reply, null, [], 200));

  app.post<AgencyParams>('/staff/:agency/talrunis/atzvani/panemt', work, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    const id = formValues(request.body)['id'] ?? '';
    try {
      const taken = await takeCallback(deps, scope, originOf(request), id === '' ? null : id.slice(0, 64));
      return reply.redirect(`/staff/${profile.slug}/talrunis/atzvani/${taken}?done=taken`, 303);
    } catch (error) {
      const refused = errorsOf(request, error);
      if (!refused) throw error;
      return renderList(request, reply, null, refused.errors, refused.status);
    }
  });

  const DONE: Record<string, MessageKey> = { taken: 'phone.callbacks.taken', recorded: 'phone.callbacks.recorded', unreachable: 'phone.callbacks.closedUnreachable', 'unreachable-nomail': 'phone.callbacks.closedUnreachableNoMail' };

  const renderDetail = async (request: FastifyRequest<IdParams>, reply: FastifyReply, errors: FieldError[], status: number) => {
    const { scope, profile } = scopeOf(request, deps);
    const { callback, attempts } = await callbackDetail(deps, scope, originOf(request), request.params.id);
    const ctx = pageContext(request, reply.generateCsrf());
    const done = DONE[formValues(request.query)['done'] ?? ''];
    return send(reply, ctx, profile, `${ctx.t('phone.callbacks.detailTitle')}: ${callback.name}`, <CallbackDetailView ctx={ctx} profile={profile} callback={callback} attempts={attempts} canAct={roleAllows(scope.role, 'phone.callbacks')} notice={done ? ctx.t(done) : null} errors={errors} nav={nav(ctx, scope, profile)} />, status);
  };

  app.get<IdParams>('/staff/:agency/talrunis/atzvani/:id', read, async (request, reply) => renderDetail(request, reply, [], 200));

  app.post<IdParams>('/staff/:agency/talrunis/atzvani/:id/meginajums', work, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    try {
      const outcome = await recordAttempt(deps, scope, originOf(request), request.params.id, formValues(request.body));
      const done = outcome.status === 'unreachable' ? (outcome.mailed ? 'unreachable' : 'unreachable-nomail') : 'recorded';
      return reply.redirect(`/staff/${profile.slug}/talrunis/atzvani/${request.params.id}?done=${done}`, 303);
    } catch (error) {
      const refused = errorsOf(request, error);
      if (!refused || refused.status === 404) throw error;
      return renderDetail(request, reply, refused.errors, refused.status);
    }
  });

  app.get<AgencyParams>('/staff/:agency/talrunis/skaitli', figures, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    const input = formValues(request.query);
    const { period, errors } = parsePeriod(input, today(deps), request.lang);
    const data = await loadFigures(deps, scope, originOf(request), period);
    const ctx = pageContext(request);
    const shown = errors.length ? Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v.slice(0, 20)])) : {};
    return send(reply, ctx, profile, ctx.t('phone.figures.title'), <FiguresView ctx={ctx} profile={profile} figures={data} input={shown} errors={errors} nav={nav(ctx, scope, profile)} />, errors.length ? 400 : 200);
  });

  app.get<AgencyParams>('/staff/:agency/talrunis/skaitli.csv', figures, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    const { period, errors } = parsePeriod(formValues(request.query), today(deps), request.lang);
    if (errors.length) throw new AppError(400, 'validation', 'errors.validation', {}, [{ field: 'from', code: 'invalid_date', messageKey: 'phone.errors.dates' }]);
    const data = await loadFigures(deps, scope, originOf(request), period);
    return reply
      .header('content-disposition', `attachment; filename="talrunis-${scope.agency}-${period.from}-${period.to}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(figuresCsv(profile, data));
  });
}

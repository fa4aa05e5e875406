import { desc, eq, and } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formValues } from '../../web/form-values.ts';
import { pageContext, type PageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { activeHolds, liftHold, setHold, type HoldRefusal } from './holds.service.ts';
import { LiftHoldSchema, privacyFieldErrors, SetHoldSchema, SubjectQuerySchema } from './privacy.schema.ts';
import { retentionRuns } from './privacy.tables.ts';
import { HoldsView, PrivacyOverviewView, SubjectFormView, SubjectReportView } from './privacy-staff.views.tsx';
import { RECORD_KINDS } from './record-kinds.ts';
import { lastRuns, runRetention } from './retention.service.ts';
import { subjectAccess } from './subject-access.service.ts';

type AgencyParams = { Params: { agency: string } };

const HOLD_NOTICE_COOKIE = 'apkalpe_privacy_notice';

function scopeOf(request: FastifyRequest, deps: AppDeps): { scope: AgencyScope; profile: AgencyProfile } {
  const scope = request.scope as AgencyScope;
  return { scope, profile: deps.agencies.get(scope.agency) as AgencyProfile };
}

function tablesByKind(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const d of RECORD_KINDS) map.set(d.kind, [...(map.get(d.kind) ?? []), d.table]);
  return map;
}

/** A status shown in the staff member's language where the catalog knows it. */
export function statusLabel(ctx: PageContext, kind: string, status: string): string {
  const key = kind === 'inquiry' ? `inquiries.public.statuses.${status}` : kind === 'appointment' ? `appointments.page.statuses.${status}` : null;
  if (!key) return status;
  const text = ctx.t(key as MessageKey);
  return text === key ? status : text;
}

function refusalErrors(ctx: PageContext, refusal: HoldRefusal): FieldError[] {
  return [{ field: refusal.field === 'hold' ? 'reason' : refusal.field, code: refusal.key, message: ctx.t(`privacy.errors.${refusal.key}`) }];
}

/** /staff/{agency}/privatums (administrators), …/aizturesana (holds), …/pieprasijums (subject access). */
export async function privacyStaffPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const renderHolds = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[], status: number, notice: string | null) => {
    const { scope, profile } = scopeOf(request, deps);
    const ctx = pageContext(request, reply.generateCsrf());
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ctx, {
      title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('privacy.holds.title')}` : ctx.t('privacy.holds.title'),
      body: <HoldsView ctx={ctx} agency={scope.agency} holds={await activeHolds(deps, scope.agency)} values={values} errors={errors} notice={notice} />,
      agency: profile,
      status,
    });
  };

  app.get<AgencyParams>('/staff/:agency/privatums', { config: { permission: 'privacy.manage' } }, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    const ctx = pageContext(request, reply.generateCsrf());
    const dryRunId = formValues(request.query)['izmeginajums'] ?? '';
    const runs = await lastRuns(deps, 10);
    const [dryRun] = /^[0-9a-f-]{36}$/.test(dryRunId) ? await deps.db.select().from(retentionRuns).where(and(eq(retentionRuns.id, dryRunId), eq(retentionRuns.dryRun, true))).orderBy(desc(retentionRuns.startedAt)).limit(1) : [];
    const ownLines = dryRun ? { ...dryRun, summary: dryRun.summary.filter((l) => l.agency === null || l.agency === scope.agency) } : null;
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ctx, {
      title: ctx.t('privacy.staff.title'),
      body: <PrivacyOverviewView ctx={ctx} agency={scope.agency} privacy={profile.privacy} tables={tablesByKind()} runs={runs} dryRun={ownLines} />,
      agency: profile,
    });
  });

  app.post<AgencyParams>('/staff/:agency/privatums/izmeginajums', { config: { permission: 'privacy.manage' } }, async (request, reply) => {
    const { scope } = scopeOf(request, deps);
    const result = await runRetention(deps, { dryRun: true, origin: originOf(request), agency: scope.agency });
    return reply.redirect(`/staff/${scope.agency}/privatums?izmeginajums=${result.runId}`, 303);
  });

  app.get<AgencyParams>('/staff/:agency/privatums/aizturesana', { config: { permission: 'privacy.hold' } }, async (request, reply) => {
    const cookie = request.cookies[HOLD_NOTICE_COOKIE];
    if (cookie) reply.clearCookie(HOLD_NOTICE_COOKIE, { path: `/staff/${request.params.agency}/privatums` });
    const notice = cookie === 'set' ? request.t('privacy.holds.saved') : cookie === 'lifted' ? request.t('privacy.holds.lifted') : null;
    return renderHolds(request, reply, {}, [], 200, notice);
  });

  app.post<AgencyParams>('/staff/:agency/privatums/aizturesana', { config: { permission: 'privacy.hold' } }, async (request, reply) => {
    const { scope } = scopeOf(request, deps);
    const raw = formValues(request.body);
    const parsed = SetHoldSchema.safeParse({ kind: raw['kind'] ?? '', record: raw['record'] ?? '', reason: raw['reason'] ?? '' });
    if (!parsed.success) return renderHolds(request, reply, raw, privacyFieldErrors(parsed.error.issues, request.t, request.lang), 400, null);
    const result = await setHold(deps, scope, originOf(request), parsed.data);
    if (!result.ok) return renderHolds(request, reply, raw, refusalErrors(pageContext(request), result), result.status, null);
    reply.setCookie(HOLD_NOTICE_COOKIE, 'set', { path: `/staff/${scope.agency}/privatums`, httpOnly: true, sameSite: 'strict', maxAge: 60 });
    return reply.redirect(`/staff/${scope.agency}/privatums/aizturesana`, 303);
  });

  app.post<AgencyParams>('/staff/:agency/privatums/aizturesana/atcelt', { config: { permission: 'privacy.hold' } }, async (request, reply) => {
    const { scope } = scopeOf(request, deps);
    const raw = formValues(request.body);
    const parsed = LiftHoldSchema.safeParse({ hold: raw['hold'] ?? '', reason: raw['reason'] ?? '' });
    if (!parsed.success) return renderHolds(request, reply, raw, privacyFieldErrors(parsed.error.issues, request.t, request.lang).map((e) => ({ ...e, field: e.field === 'hold' ? 'reason' : e.field })), 400, null);
    const result = await liftHold(deps, scope, originOf(request), parsed.data);
    if (!result.ok) return renderHolds(request, reply, raw, refusalErrors(pageContext(request), result), result.status, null);
    reply.setCookie(HOLD_NOTICE_COOKIE, 'lifted', { path: `/staff/${scope.agency}/privatums`, httpOnly: true, sameSite: 'strict', maxAge: 60 });
    return reply.redirect(`/staff/${scope.agency}/privatums/aizturesana`, 303);
  });

  const renderSubjectForm = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[], status: number) => {
    const { scope, profile } = scopeOf(request, deps);
    const ctx = pageContext(request, reply.generateCsrf());
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ctx, {
      title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('privacy.subject.title')}` : ctx.t('privacy.subject.title'),
      body: <SubjectFormView ctx={ctx} agency={scope.agency} values={values} errors={errors} />,
      agency: profile,
      status,
    });
  };

  app.get<AgencyParams>('/staff/:agency/privatums/pieprasijums', { config: { permission: 'privacy.subject-access' } }, async (request, reply) => renderSubjectForm(request, reply, {}, [], 200));

  app.post<AgencyParams>('/staff/:agency/privatums/pieprasijums', { config: { permission: 'privacy.subject-access' } }, async (request, reply) => {
    const { scope, profile } = scopeOf(request, deps);
    const raw = formValues(request.body);
    const parsed = SubjectQuerySchema.safeParse({ personalCode: raw['personalCode'], email: raw['email'], phone: raw['phone'], reason: raw['reason'] ?? '' });
    if (!parsed.success) return renderSubjectForm(request, reply, raw, privacyFieldErrors(parsed.error.issues, request.t, request.lang), 400);
    const report = await subjectAccess(deps, scope, originOf(request), parsed.data);
    const ctx = pageContext(request);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ctx, {
      title: ctx.t('privacy.subject.title'),
      body: <SubjectReportView ctx={ctx} report={report} statusLabel={(kind, status) => statusLabel(ctx, kind, status)} />,
      agency: profile,
    });
  });
}

// Staff pages of the registers under /staff/{agency}/registri/… (behind the agency gate): lists with filters,
// detail, CSV, forms that post and redirect (no JavaScript needed).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { roleAllows } from '../../platform/access/policy.ts';
import { originOf, recordAudit } from '../../platform/audit/audit.ts';
import { rigaToday } from '../../platform/clock.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { nonEmpty } from '../../web/form-values.ts';
import type { PageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { apologyTemplate, saveApologyTemplate } from './apology.service.ts';
import { acknowledgeGift, declareGift, giftYearSummary, listGifts, viewGift } from './gifts.service.ts';
import { changeIncident, listIncidents, recordIncident, viewIncident } from './incidents.service.ts';
import { IncidentDetailView, IncidentFormView, IncidentListView } from './incidents.views.tsx';
import { GiftDetailView, GiftFormView, GiftListView, GiftSummaryView } from './gifts.views.tsx';
import { findLinkedRecord } from './linked-records.ts';
import { afterPost, list, one, optional, pageParts, parseWith, rawForm, refusalErrors, rigaLocalNow, rigaLocalToIso, shownValues, staffNames } from './page-support.ts';
import { RegistersHomeView } from './registers-home.views.tsx';
import { giftsCsv, incidentsCsv, serviceErrorsCsv } from './registers.csv.ts';
import { GiftBodySchema, GiftListQuerySchema, IncidentBodySchema, IncidentListQuerySchema, ServiceErrorBodySchema, ServiceErrorListQuerySchema, StepBodySchema, registerText } from './registers.schema.ts';
import { forbidden, mayReview, notFound, placeIds, seesAll } from './register-support.ts';
import { errorFromInquiry, errorFromOpinion, listServiceErrors, recordServiceError, takeStep, viewServiceError } from './service-errors.service.ts';
import { ApologyTemplateView, ServiceErrorDetailView, ServiceErrorFormView, ServiceErrorListView } from './service-errors.views.tsx';
import { registersPath } from './register-common.views.tsx';
import { translator } from '../../platform/i18n/index.ts';
import { and, eq } from 'drizzle-orm';
import { inquiries } from '../inquiries/inquiries.tables.ts';

type AgencyParams = { Params: { agency: string } };
type IdParams = { Params: { agency: string; id: string } };

const read = { permission: 'registers.read' as const };
const write = { permission: 'registers.record' as const };
const review = { permission: 'registers.review' as const };
const Uuid = z.uuid();

function send(reply: FastifyReply, ctx: PageContext, profile: AgencyProfile, title: string, body: ReactNode, errors: FieldError[] = [], status = 200) {
  return sendPage(reply, ctx, { title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${title}` : title, body, agency: profile, status: errors.length && status === 200 ? 400 : status });
}

function requireUuid(id: string): string {
  if (!Uuid.safeParse(id).success) throw notFound();
  return id;
}

function listQuery(request: FastifyRequest): Record<string, string> {
  const values = nonEmpty(request.query);
  delete values['lang'];
  return values;
}

function done(ctx: PageContext, keys: Record<string, Parameters<PageContext['t']>[0]>): string | null {
  const key = keys[ctx.query.get('done') ?? ''];
  return key ? ctx.t(key) : null;
}

function csvReply(reply: FastifyReply, name: string, body: string) {
  return reply.header('content-disposition', `attachment; filename="${name}.csv"`).header('cache-control', 'no-store').type('text/csv; charset=utf-8').send(body);
}

export async function registersPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/staff/:agency/registri', { config: read }, async (request, reply) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply);
    return send(reply, ctx, profile, ctx.t('registers.title'), <RegistersHomeView ctx={ctx} profile={profile} role={scope.role} />);
  });

  await incidentPages(app, deps);
  await serviceErrorPages(app, deps);
  await giftPages(app, deps);
}

async function incidentPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const base = '/staff/:agency/registri/incidenti';

  app.get<AgencyParams>(base, { config: read }, async (request, reply) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply);
    const values = listQuery(request);
    const parsed = parseWith(IncidentListQuerySchema, values, request);
    const result = parsed.data ? await listIncidents(deps, scope, originOf(request), parsed.data) : { items: [], page: 1, hasMore: false };
    const view = <IncidentListView ctx={ctx} profile={profile} rows={result.items} page={result.page} hasMore={result.hasMore} values={values} errors={parsed.errors} onlyOwn={!seesAll(scope)} mayRecord={roleAllows(scope.role, 'registers.record')} />;
    return send(reply, ctx, profile, ctx.t('registers.incidents.title'), view, parsed.errors);
  });

  app.get<AgencyParams>(`${base}/eksports.csv`, { config: read }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const query = IncidentListQuerySchema.parse(listQuery(request));
    return csvReply(reply, `incidenti-${scope.agency}`, await incidentsCsv(deps, scope, originOf(request), query, request.lang));
  });

  // Quick entry: ?appointment=… or ?ticket=… (from the appointment page and the queue console) pre-fills place, time and client.
  app.get<AgencyParams>(`${base}/jauns`, { config: write }, async (request, reply) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply, true);
    const values: Record<string, string> = { occurredAt: rigaLocalNow(deps.clock()) };
    const centre = ctx.query.get('centre');
    if (centre && placeIds(profile).includes(centre)) values['centre'] = centre;
    let linkLabel: string | null = null;
    for (const [param, kind, field] of [['appointment', 'appointment', 'appointmentId'], ['ticket', 'ticket', 'ticketId']] as const) {
      const id = ctx.query.get(param);
      if (!id || !Uuid.safeParse(id).success) continue;
      const linked = await findLinkedRecord(deps.db, kind, id, scope.agency);
      if (!linked) continue;
      values[field] = linked.id;
      if (linked.centreId && placeIds(profile).includes(linked.centreId)) values['centre'] = linked.centreId;
      if (linked.clientName) values['client'] = linked.clientName;
      linkLabel = `${ctx.t(`registers.concerns.${kind}`)} ${linked.label}`;
      await recordAudit(deps.db, deps.clock, originOf(request), { action: 'registers.incident-prefilled', recordType: kind, recordId: linked.id, agency: scope.agency });
    }
    return send(reply, ctx, profile, ctx.t('registers.incidents.newTitle'), <IncidentFormView ctx={ctx} profile={profile} values={values} actions={[]} errors={[]} linkLabel={linkLabel} />);
  });

  app.post<AgencyParams>(`${base}/jauns`, { config: { ...write, form: true } }, async (request, reply) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply, true);
    const form = rawForm(request.body);
    const occurredAt = rigaLocalToIso(one(form, 'occurredAt'));
    const input = {
      occurredAt: occurredAt ?? one(form, 'occurredAt'),
      centre: optional(one(form, 'centre')),
      channel: optional(one(form, 'channel')),
      kind: one(form, 'kind'),
      description: one(form, 'description'),
      actions: list(form, 'actions'),
      staffInvolved: optional(one(form, 'staffInvolved')),
      client: optional(one(form, 'client')),
      appointmentId: optional(one(form, 'appointmentId')),
      ticketId: optional(one(form, 'ticketId')),
      callId: optional(one(form, 'callId')),
    };
    const render = (errors: FieldError[], status: number) =>
      send(reply, ctx, profile, ctx.t('registers.incidents.newTitle'), <IncidentFormView ctx={ctx} profile={profile} values={shownValues(form)} actions={list(form, 'actions')} errors={errors} linkLabel={null} />, errors, status);
    const parsed = parseWith(IncidentBodySchema, input, request);
    const errors = occurredAt ? parsed.errors : [{ field: 'occurredAt', code: 'invalid_format', message: ctx.t('registers.errors.dateTime') }, ...parsed.errors.filter((e) => e.field !== 'occurredAt')];
    if (!parsed.data || errors.length) return render(errors, 400);
    try {
      const row = await recordIncident(deps, scope, originOf(request), parsed.data);
      return afterPost(reply, request, registersPath(scope.agency, `/incidenti/${row.id}`), 'recorded');
    } catch (error) {
      const refused = refusalErrors(error, request, 'description');
      if (!refused) throw error;
      return render(refused.errors, refused.status);
    }
  });

  const detail = async (request: FastifyRequest<IdParams>, reply: FastifyReply, errors: FieldError[], status: number) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply, true);
    const row = await viewIncident(deps, scope, originOf(request), requireUuid(request.params.id));
    const names = await staffNames(deps.db, [row.recordedBy]);
    const notice = done(ctx, { recorded: 'registers.incidents.recorded', closed: 'registers.incidents.closed' });
    const view = <IncidentDetailView ctx={ctx} profile={profile} row={row} recorder={names.get(row.recordedBy) ?? ''} mayReview={mayReview(scope)} errors={errors} notice={notice} />;
    return send(reply, ctx, profile, ctx.t('registers.incidents.detailTitle'), view, errors, status);
  };
  app.get<IdParams>(`${base}/:id`, { config: read }, (request, reply) => detail(request, reply, [], 200));

  app.post<IdParams>(`${base}/:id/slegt`, { config: review }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const id = requireUuid(request.params.id);
    const note = optional(one(rawForm(request.body), 'reviewNote'));
    const parsed = parseWith(registerText().optional(), note, request);
    if (parsed.errors.length) return detail(request, reply, parsed.errors.map((e) => ({ ...e, field: 'reviewNote' })), 400);
    try {
      await changeIncident(deps, scope, originOf(request), id, { status: 'closed', ...(note ? { reviewNote: note } : {}) });
      return afterPost(reply, request, registersPath(scope.agency, `/incidenti/${id}`), 'closed');
    } catch (error) {
      const refused = refusalErrors(error, request, 'reviewNote');
      if (!refused) throw error;
      return detail(request, reply, refused.errors, refused.status);
    }
  });
}

async function serviceErrorPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const base = '/staff/:agency/registri/kludas';
  const now = () => new Date(deps.clock().epochMilliseconds);

  app.get<AgencyParams>(base, { config: read }, async (request, reply) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply);
    const values = listQuery(request);
    const parsed = parseWith(ServiceErrorListQuerySchema, values, request);
    const result = parsed.data ? await listServiceErrors(deps, scope, originOf(request), parsed.data) : { items: [], page: 1, hasMore: false };
    const view = (
      <ServiceErrorListView ctx={ctx} profile={profile} rows={result.items} page={result.page} hasMore={result.hasMore} values={values} errors={parsed.errors} onlyOwn={!seesAll(scope)} mayRecord={roleAllows(scope.role, 'registers.record')} mayReview={mayReview(scope)} now={now()} />
    );
    return send(reply, ctx, profile, ctx.t('registers.serviceErrors.title'), view, parsed.errors);
  });

  app.get<AgencyParams>(`${base}/eksports.csv`, { config: read }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const query = ServiceErrorListQuerySchema.parse(listQuery(request));
    return csvReply(reply, `kludas-${scope.agency}`, await serviceErrorsCsv(deps, scope, originOf(request), query, request.lang));
  });

  const form = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[], status: number) => {
    const { profile, ctx } = pageParts(deps, request, reply, true);
    return send(reply, ctx, profile, ctx.t('registers.serviceErrors.newTitle'), <ServiceErrorFormView ctx={ctx} profile={profile} values={values} errors={errors} />, errors, status);
  };
  app.get<AgencyParams>(`${base}/jauna`, { config: write }, async (request, reply) => form(request, reply, listQuery(request), [], 200));

  app.post<AgencyParams>(`${base}/jauna`, { config: { ...write, form: true } }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const raw = rawForm(request.body);
    const input = {
      concerns: { kind: one(raw, 'concernsKind'), id: one(raw, 'concernsId').trim() },
      description: one(raw, 'description'),
      cameToLight: one(raw, 'cameToLight'),
      consequences: optional(one(raw, 'consequences')),
    };
    const parsed = parseWith(ServiceErrorBodySchema, input, request);
    if (!parsed.data) return form(request, reply, shownValues(raw), parsed.errors, 400);
    try {
      const row = await recordServiceError(deps, scope, originOf(request), parsed.data);
      return afterPost(reply, request, registersPath(scope.agency, `/kludas/${row.id}`), 'recorded');
    } catch (error) {
      const refused = refusalErrors(error, request, 'concerns.id');
      if (!refused) throw error;
      return form(request, reply, shownValues(raw), refused.errors, refused.status);
    }
  });

  // One action from a complaint opinion or an inquiry (buttons on the feedback and inquiry pages).
  app.post<IdParams>(`${base}/no-atsauksmes/:id`, { config: write }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const row = await errorFromOpinion(deps, scope, originOf(request), requireUuid(request.params.id));
    return afterPost(reply, request, registersPath(scope.agency, `/kludas/${row.id}`), 'recorded');
  });
  app.post<IdParams>(`${base}/no-iesnieguma/:id`, { config: write }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const id = requireUuid(request.params.id);
    const [inquiry] = await deps.db.select({ reference: inquiries.reference, subject: inquiries.subject }).from(inquiries).where(and(eq(inquiries.id, id), eq(inquiries.agency, scope.agency)));
    const description = translator(request.lang)('registers.serviceErrors.fromInquiryDescription', { reference: inquiry?.reference ?? '', subject: (inquiry?.subject ?? '').slice(0, 500) });
    const row = await errorFromInquiry(deps, scope, originOf(request), id, description);
    return afterPost(reply, request, registersPath(scope.agency, `/kludas/${row.id}`), 'recorded');
  });

  const templatePage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[], status: number) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply, true);
    const templates = await Promise.all((['lv', 'en'] as const).map((lang) => apologyTemplate(deps.db, scope.agency, lang)));
    const notice = done(ctx, { saved: 'registers.apology.saved' });
    return send(reply, ctx, profile, ctx.t('registers.apology.templateTitle'), <ApologyTemplateView ctx={ctx} profile={profile} templates={templates} errors={errors} notice={notice} values={values} />, errors, status);
  };
  app.get<AgencyParams>(`${base}/veidne`, { config: review }, (request, reply) => templatePage(request, reply, {}, [], 200));
  app.post<AgencyParams>(`${base}/veidne`, { config: { ...review, form: true } }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const raw = rawForm(request.body);
    const lang = one(raw, 'lang') === 'en' ? 'en' : 'lv';
    const parsed = parseWith(z.object({ subject: registerText(200), body: registerText(4000) }), { subject: one(raw, 'subject'), body: one(raw, 'body') }, request);
    if (!parsed.data) return templatePage(request, reply, { ...shownValues(raw), lang }, parsed.errors.map((e) => ({ ...e, field: `${e.field}-${lang}` })), 400);
    await saveApologyTemplate(deps, scope, originOf(request), { lang, ...parsed.data });
    return afterPost(reply, request, registersPath(scope.agency, '/kludas/veidne'), 'saved');
  });

  const detail = async (request: FastifyRequest<IdParams>, reply: FastifyReply, values: Record<string, string>, errors: FieldError[], status: number) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply, true);
    const row = await viewServiceError(deps, scope, originOf(request), requireUuid(request.params.id));
    const names = await staffNames(deps.db, row.steps.map((s) => s.takenBy));
    const notice = done(ctx, { recorded: 'registers.serviceErrors.recorded', step: 'registers.serviceErrors.stepTaken' });
    const view = <ServiceErrorDetailView ctx={ctx} profile={profile} row={row} names={names} mayWrite={roleAllows(scope.role, 'registers.record')} mayReview={mayReview(scope)} errors={errors} notice={notice} values={values} now={now()} />;
    return send(reply, ctx, profile, ctx.t('registers.serviceErrors.detailTitle'), view, errors, status);
  };
  app.get<IdParams>(`${base}/:id`, { config: read }, (request, reply) => detail(request, reply, {}, [], 200));

  app.post<IdParams>(`${base}/:id/soli`, { config: { ...write, form: true } }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const id = requireUuid(request.params.id);
    const raw = rawForm(request.body);
    const parsed = parseWith(StepBodySchema, { step: one(raw, 'step'), text: optional(one(raw, 'text')) }, request);
    if (!parsed.data) return detail(request, reply, shownValues(raw), parsed.errors, 400);
    try {
      await takeStep(deps, scope, originOf(request), id, parsed.data);
      return afterPost(reply, request, registersPath(scope.agency, `/kludas/${id}`), 'step');
    } catch (error) {
      const refused = refusalErrors(error, request, 'step');
      if (!refused) throw error;
      return detail(request, reply, shownValues(raw), refused.errors, refused.status);
    }
  });
}

/** '15,50' or '15.50' → 15.5; '' → undefined; anything else → NaN (a field error). */
function euroInput(value: string): number | undefined {
  const text = value.trim().replace(/\s/g, '');
  if (text === '') return undefined;
  return /^\d{1,9}([.,]\d{1,2})?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
}

async function giftPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const base = '/staff/:agency/registri/davanas';

  app.get<AgencyParams>(base, { config: read }, async (request, reply) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply);
    const values = listQuery(request);
    const parsed = parseWith(GiftListQuerySchema, values, request);
    const result = parsed.data ? await listGifts(deps, scope, originOf(request), parsed.data) : { items: [], page: 1, hasMore: false };
    const view = <GiftListView ctx={ctx} profile={profile} rows={result.items} page={result.page} hasMore={result.hasMore} values={values} errors={parsed.errors} onlyOwn={!seesAll(scope)} mayRecord={roleAllows(scope.role, 'registers.record')} />;
    return send(reply, ctx, profile, ctx.t('registers.gifts.title'), view, parsed.errors);
  });

  app.get<AgencyParams>(`${base}/eksports.csv`, { config: read }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const query = GiftListQuerySchema.parse(listQuery(request));
    return csvReply(reply, `davanas-${scope.agency}`, await giftsCsv(deps, scope, originOf(request), query, request.lang));
  });

  app.get<AgencyParams>(`${base}/kopsavilkums`, { config: read }, async (request, reply) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply);
    if (!seesAll(scope)) throw forbidden();
    const years = await giftYearSummary(deps, scope, originOf(request));
    return send(reply, ctx, profile, ctx.t('registers.summaryYear'), <GiftSummaryView ctx={ctx} profile={profile} years={years} />);
  });

  const form = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[], status: number) => {
    const { profile, ctx } = pageParts(deps, request, reply, true);
    return send(reply, ctx, profile, ctx.t('registers.gifts.newTitle'), <GiftFormView ctx={ctx} profile={profile} values={values} errors={errors} />, errors, status);
  };
  app.get<AgencyParams>(`${base}/jauna`, { config: write }, (request, reply) => form(request, reply, { offeredOn: rigaToday(deps.clock), declined: 'yes' }, [], 200));

  app.post<AgencyParams>(`${base}/jauna`, { config: { ...write, form: true } }, async (request, reply) => {
    const { scope, ctx } = pageParts(deps, request, reply);
    const raw = rawForm(request.body);
    const declined = one(raw, 'declined');
    const value = euroInput(one(raw, 'estimatedValueEur'));
    const input = {
      offeredOn: one(raw, 'offeredOn'),
      offeredBy: optional(one(raw, 'offeredBy')),
      what: one(raw, 'what'),
      kind: one(raw, 'kind'),
      estimatedValueEur: value,
      declined: declined === 'yes' ? true : declined === 'no' ? false : undefined,
      reason: optional(one(raw, 'reason')),
    };
    const parsed = parseWith(GiftBodySchema, input, request);
    const errors = [
      ...parsed.errors.filter((e) => e.field !== 'estimatedValueEur' && e.field !== 'declined'),
      ...(parsed.errors.some((e) => e.field === 'estimatedValueEur') || Number.isNaN(value) ? [{ field: 'estimatedValueEur', code: 'invalid_value', message: ctx.t('registers.errors.value') }] : []),
      ...(input.declined === undefined ? [{ field: 'declined', code: 'required', message: ctx.t('registers.errors.outcome') }] : []),
    ];
    // The schema checks the reason only once the rest is valid: the form shows every error at once.
    if (input.declined === false && !input.reason && !errors.some((e) => e.field === 'reason')) errors.push({ field: 'reason', code: 'custom', message: ctx.t('registers.errors.reasonRequired') });
    if (!parsed.data || errors.length) return form(request, reply, shownValues(raw), errors, 400);
    try {
      const row = await declareGift(deps, scope, originOf(request), parsed.data);
      return afterPost(reply, request, registersPath(scope.agency, `/davanas/${row.id}`), 'recorded');
    } catch (error) {
      const refused = refusalErrors(error, request, 'offeredOn');
      if (!refused) throw error;
      return form(request, reply, shownValues(raw), refused.errors, refused.status);
    }
  });

  const detail = async (request: FastifyRequest<IdParams>, reply: FastifyReply, errors: FieldError[], status: number) => {
    const { scope, profile, ctx } = pageParts(deps, request, reply, true);
    const row = await viewGift(deps, scope, originOf(request), requireUuid(request.params.id));
    const names = await staffNames(deps.db, [row.declaredBy]);
    const notice = done(ctx, { recorded: 'registers.gifts.recorded', acknowledged: 'registers.gifts.acknowledgedNotice' });
    return send(reply, ctx, profile, ctx.t('registers.gifts.detailTitle'), <GiftDetailView ctx={ctx} profile={profile} row={row} declarer={names.get(row.declaredBy) ?? ''} mayReview={mayReview(scope)} notice={notice} errors={errors} />, errors, status);
  };
  app.get<IdParams>(`${base}/:id`, { config: read }, (request, reply) => detail(request, reply, [], 200));

  app.post<IdParams>(`${base}/:id/apstiprinat`, { config: review }, async (request, reply) => {
    const { scope } = pageParts(deps, request, reply);
    const id = requireUuid(request.params.id);
    try {
      await acknowledgeGift(deps, scope, originOf(request), id);
      return afterPost(reply, request, registersPath(scope.agency, `/davanas/${id}`), 'acknowledged');
    } catch (error) {
      const refused = refusalErrors(error, request, 'acknowledged');
      if (!refused) throw error;
      return detail(request, reply, refused.errors, refused.status);
    }
  });
}

import { rigaPeriod } from '../../platform/clock.ts';
// Service errors: admit (acknowledged), apologise (a letter from the agency's template, through the outbox),
// remedy, close — each step with who and when, in the standard's order.
import { and, asc, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { daysBetween, errorStatus, stepRefusal, type ErrorStep } from '../../domain/registers/index.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/problem.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import { apologyTemplate, fillApology } from './apology.service.ts';
import { requireLinkedRecord, type LinkedRecord } from './linked-records.ts';
import { fieldError, forbidden, inTransaction, mayReview, notFound, PAGE_SIZE, pageOf, profileOf, requireVisible, rigaIso, seesAll, type RegisterDeps } from './register-support.ts';
import type { ServiceErrorBody, ServiceErrorListQuery, StepBody } from './registers.schema.ts';
import { registerServiceErrors, registerServiceErrorSteps } from './registers.tables.ts';

export type ServiceErrorRow = typeof registerServiceErrors.$inferSelect;
export type StepRow = typeof registerServiceErrorSteps.$inferSelect;
export type ServiceErrorWithSteps = ServiceErrorRow & { steps: StepRow[] };

export function serviceErrorJson(row: ServiceErrorRow, steps: StepRow[], now: Date) {
  return {
    id: row.id,
    concerns: row.concernsKind && row.concernsId ? { kind: row.concernsKind, id: row.concernsId } : null,
    opinionId: row.opinionId,
    centre: row.centreId,
    description: row.description,
    cameToLight: row.cameToLight,
    consequences: row.consequences,
    status: row.status,
    createdAt: rigaIso(row.createdAt),
    closedAt: row.closedAt ? rigaIso(row.closedAt) : null,
    daysOpen: daysBetween(row.createdAt.getTime(), (row.closedAt ?? now).getTime()),
    steps: steps.map((s) => ({ step: s.step, text: s.text, takenBy: s.takenBy, takenAt: rigaIso(s.takenAt), letter: s.letter ?? null })),
  };
}

type NewError = { concerns: LinkedRecord | null; opinionId?: string | null; description: string; cameToLight: ServiceErrorBody['cameToLight']; consequences?: string | undefined };

async function insertError(deps: RegisterDeps, tx: Database, scope: AgencyScope, origin: AuditOrigin, now: Date, input: NewError): Promise<ServiceErrorRow> {
  const [row] = await tx
    .insert(registerServiceErrors)
    .values({
      agency: scope.agency,
      concernsKind: input.concerns?.kind ?? null,
      concernsId: input.concerns?.id ?? null,
      opinionId: input.opinionId ?? null,
      centreId: input.concerns?.centreId ?? null,
      description: input.description,
      cameToLight: input.cameToLight,
      consequences: input.consequences ?? null,
      recordedBy: scope.actor.id,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('service error not stored');
  await recordAudit(tx, deps.clock, origin, {
    action: 'registers.service-error-recorded',
    recordType: 'service-error',
    recordId: row.id,
    agency: scope.agency,
    details: { concerns: input.concerns ? { kind: input.concerns.kind, id: input.concerns.id } : null, opinionId: input.opinionId ?? null, cameToLight: input.cameToLight },
  });
  return row;
}

/** Records a service error about a record of this agency (another agency's, or a missing one, is refused). */
export async function recordServiceError(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, body: ServiceErrorBody): Promise<ServiceErrorRow> {
  profileOf(deps, scope);
  return inTransaction(deps, async (tx, now) => {
    const concerns = await requireLinkedRecord(tx, body.concerns.kind, body.concerns.id, scope.agency, 'concerns.id');
    return insertError(deps, tx, scope, origin, now, { concerns, description: body.description, cameToLight: body.cameToLight, consequences: body.consequences });
  });
}

/** The one action "this complaint is our error": the opinion (and the inquiry it became, if any) stays linked. */
export async function errorFromOpinion(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, opinionId: string): Promise<ServiceErrorRow> {
  return inTransaction(deps, async (tx, now) => {
    const opinion = await findComplaint(tx, scope.agency, opinionId);
    const concerns = opinion.inquiryId ? await requireLinkedRecord(tx, 'inquiry', opinion.inquiryId, scope.agency, 'opinionId') : null;
    return insertError(deps, tx, scope, origin, now, { concerns, opinionId, description: opinion.text.slice(0, 4000), cameToLight: 'client-complaint' });
  });
}

/** The one action "this inquiry shows our error": a service error linked to the inquiry, found by a complaint. */
export async function errorFromInquiry(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, inquiryId: string, description: string): Promise<ServiceErrorRow> {
  return inTransaction(deps, async (tx, now) => {
    const concerns = await requireLinkedRecord(tx, 'inquiry', inquiryId, scope.agency, 'inquiryId');
    return insertError(deps, tx, scope, origin, now, { concerns, description, cameToLight: 'client-complaint' });
  });
}

async function findComplaint(db: Database, agency: string, opinionId: string): Promise<{ text: string; inquiryId: string | null }> {
  const result = (await db.execute(sqlComplaint(agency, opinionId))) as unknown as { rows: Array<{ kind: string; text: string; inquiry_id: string | null }> };
  const row = result.rows[0];
  if (!row) throw fieldError('opinionId', 'not_found', 'registers.errors.opinionNotFound');
  if (row.kind !== 'complaint') throw fieldError('opinionId', 'not_complaint', 'registers.errors.opinionNotComplaint');
  return { text: row.text, inquiryId: row.inquiry_id };
}

function sqlComplaint(agency: string, opinionId: string) {
  return sql`select o.kind, o.text, i.id::text as inquiry_id
    from feedback_opinions o left join inquiries i on i.reference = o.inquiry_reference and i.agency = o.agency
    where o.id = ${opinionId} and o.agency = ${agency}`;
}

function listConditions(scope: AgencyScope, query: ServiceErrorListQuery): SQL[] {
  const { start, end } = rigaPeriod(query.from, query.to);
  const t = registerServiceErrors;
  return [
    eq(t.agency, scope.agency),
    ...(seesAll(scope) ? [] : [eq(t.recordedBy, scope.actor.id)]),
    ...(query.status ? [eq(t.status, query.status)] : []),
    ...(query.open ? [ne(t.status, 'closed')] : []),
    ...(query.cameToLight ? [eq(t.cameToLight, query.cameToLight)] : []),
    ...(query.centre ? [eq(t.centreId, query.centre)] : []),
    ...(start ? [gte(t.createdAt, start)] : []),
    ...(end ? [lt(t.createdAt, end)] : []),
  ];
}

export function selectServiceErrors(db: Database, scope: AgencyScope, query: ServiceErrorListQuery, limit: number, offset = 0): Promise<ServiceErrorRow[]> {
  return db
    .select()
    .from(registerServiceErrors)
    .where(and(...listConditions(scope, query)))
    .orderBy(desc(registerServiceErrors.createdAt), desc(registerServiceErrors.id))
    .limit(limit)
    .offset(offset);
}

export async function stepsOf(db: Database, ids: string[]): Promise<Map<string, StepRow[]>> {
  const map = new Map<string, StepRow[]>();
  if (ids.length === 0) return map;
  const rows = await db.select().from(registerServiceErrorSteps).where(inArray(registerServiceErrorSteps.errorId, ids)).orderBy(asc(registerServiceErrorSteps.takenAt));
  for (const row of rows) map.set(row.errorId, [...(map.get(row.errorId) ?? []), row]);
  return map;
}

/** One page of service errors (newest first), each with its steps; audited as a view. */
export async function listServiceErrors(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, query: ServiceErrorListQuery) {
  const page = query.page ?? 1;
  const result = pageOf(await selectServiceErrors(deps.db, scope, query, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE), page);
  const steps = await stepsOf(deps.db, result.items.map((r) => r.id));
  await recordAudit(deps.db, deps.clock, origin, { action: 'registers.service-errors-listed', recordType: 'service-error', agency: scope.agency, details: { ...query, rows: result.items.length } });
  return { ...result, items: result.items.map((r) => ({ ...r, steps: steps.get(r.id) ?? [] })) };
}

async function findError(db: Database, scope: AgencyScope, id: string, lock = false): Promise<ServiceErrorRow> {
  const query = db.select().from(registerServiceErrors).where(and(eq(registerServiceErrors.id, id), eq(registerServiceErrors.agency, scope.agency)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  requireVisible(scope, row.recordedBy);
  return row;
}

export async function viewServiceError(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, id: string): Promise<ServiceErrorWithSteps> {
  const row = await findError(deps.db, scope, id);
  const steps = (await stepsOf(deps.db, [id])).get(id) ?? [];
  await recordAudit(deps.db, deps.clock, origin, { action: 'registers.service-error-viewed', recordType: 'service-error', recordId: id, agency: scope.agency });
  return { ...row, steps };
}

/** Corrects the description or consequences of an error that is not closed. */
export async function changeServiceError(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, id: string, patch: { description?: string | undefined; consequences?: string | undefined }): Promise<ServiceErrorWithSteps> {
  return inTransaction(deps, async (tx) => {
    const row = await findError(tx, scope, id, true);
    if (row.status === 'closed') throw new AppError(409, 'service-error-closed', 'registers.errors.errorClosed');
    const [updated] = await tx
      .update(registerServiceErrors)
      .set({ ...(patch.description !== undefined ? { description: patch.description } : {}), ...(patch.consequences !== undefined ? { consequences: patch.consequences } : {}) })
      .where(eq(registerServiceErrors.id, id))
      .returning();
    if (!updated) throw notFound();
    await recordAudit(tx, deps.clock, origin, { action: 'registers.service-error-changed', recordType: 'service-error', recordId: id, agency: scope.agency, details: { fields: Object.keys(patch) } });
    return { ...updated, steps: (await stepsOf(tx, [id])).get(id) ?? [] };
  });
}

function refusal(reason: NonNullable<ReturnType<typeof stepRefusal>>): AppError {
  return new AppError(409, 'step-out-of-order', 'registers.errors.stepTitle', {}, [{ field: 'step', code: reason, messageKey: `registers.errors.step.${reason}` }]);
}

async function apologyLetter(deps: RegisterDeps, tx: Database, scope: AgencyScope, row: ServiceErrorRow, details: string | undefined) {
  const profile = profileOf(deps, scope);
  const linked = row.concernsKind && row.concernsId ? await requireLinkedRecord(tx, row.concernsKind, row.concernsId, scope.agency, 'step') : null;
  const lang = linked?.lang ?? 'lv';
  const template = await apologyTemplate(tx, scope.agency, lang);
  const letter = fillApology(template, { agency: profile.name[lang], reference: linked?.label ?? '', details: details ?? '' });
  const to = linked?.clientEmail ?? null;
  const mail = to ? await queueMail({ db: tx, clock: deps.clock, config: deps.config }, { agency: scope.agency, to, subject: letter.subject, text: letter.body }) : null;
  return { to, subject: letter.subject, body: letter.body, lang, outboxId: mail?.id ?? null };
}

/**
 * Takes the next step of an error. The row is locked so two steps never race; a step out of the standard's
 * order is refused (409, field `step`); closing is a reviewer's; the remedy must say what was done; the apology
 * is filled in from the agency's template, queued in the outbox when the client's e-mail is known (otherwise
 * kept as a letter to print) and stored with the step.
 */
export async function takeStep(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, id: string, body: StepBody): Promise<ServiceErrorWithSteps> {
  if (body.step === 'closed' && !mayReview(scope)) throw forbidden();
  if (body.step === 'remedied' && !body.text) throw fieldError('text', 'remedy_required', 'registers.errors.remedyRequired');
  return inTransaction(deps, async (tx, now) => {
    const row = await findError(tx, scope, id, true);
    const steps = (await stepsOf(tx, [id])).get(id) ?? [];
    const done = steps.map((s) => s.step as ErrorStep);
    const refused = stepRefusal(done, body.step);
    if (refused) throw refusal(refused);
    const letter = body.step === 'apology-sent' ? await apologyLetter(deps, tx, scope, row, body.text) : null;
    await tx.insert(registerServiceErrorSteps).values({ errorId: id, agency: scope.agency, step: body.step, text: body.text ?? null, letter, takenBy: scope.actor.id, takenAt: now });
    const status = errorStatus([...done, body.step]);
    const [updated] = await tx
      .update(registerServiceErrors)
      .set({ status, ...(body.step === 'closed' ? { closedAt: now } : {}) })
      .where(eq(registerServiceErrors.id, id))
      .returning();
    if (!updated) throw notFound();
    await recordAudit(tx, deps.clock, origin, { action: `registers.service-error-${body.step}`, recordType: 'service-error', recordId: id, agency: scope.agency, details: { step: body.step, ...(letter ? { outboxId: letter.outboxId, byLetter: letter.to === null } : {}) } });
    return { ...updated, steps: (await stepsOf(tx, [id])).get(id) ?? [] };
  });
}

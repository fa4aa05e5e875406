import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allowedAnywhere, type StaffActor } from '../../platform/access/policy.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, type FieldError } from '../../platform/http/problem.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { addCalendarEntry, deleteCalendarEntry, listEntriesForManager } from './calendar-entries.service.ts';
import type { EntryProblem } from './calendar-entry.schema.ts';
import { CalendarAdminView, EMPTY_ENTRY_FORM, type EntryForm } from './calendar-admin.views.tsx';

export const CALENDAR_ADMIN_PATH = '/staff/kalendars';

/** Signed-in calendar manager, or null after sending the sign-in redirect. Without the permission: 403. */
function requireManager(request: FastifyRequest, reply: FastifyReply, next: string): StaffActor | null {
  const actor = request.staff;
  if (!actor) {
    void reply.redirect(`/staff/login?next=${encodeURIComponent(next)}`, 303);
    return null;
  }
  if (!allowedAnywhere(actor, 'calendar.manage')) {
    request.log.warn({ actor: actor.id, permission: 'calendar.manage' }, 'access refused');
    throw new AppError(403, 'forbidden', 'errors.forbiddenTitle');
  }
  return actor;
}

function formFromBody(body: unknown): EntryForm {
  const fields = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : '');
  return {
    kind: text('kind'),
    date: text('date').trim(),
    replaces: text('replaces').trim(),
    nameLv: text('nameLv'),
    nameEn: text('nameEn'),
    movesOnWeekend: fields.movesOnWeekend === 'true' || fields.movesOnWeekend === 'on',
    source: text('source'),
  };
}

/** The form in the CalendarEntry shape: only the fields its kind has. */
function entryCandidate(form: EntryForm): unknown {
  const base = { date: form.date, name: { lv: form.nameLv, en: form.nameEn }, source: form.source };
  if (form.kind === 'holiday') return { kind: form.kind, ...base, movesOnWeekend: form.movesOnWeekend };
  if (form.kind === 'working-day') return { kind: form.kind, ...base, replaces: form.replaces };
  return { kind: form.kind, ...base };
}

const FORM_FIELDS: Record<string, string> = { 'name.lv': 'nameLv', 'name.en': 'nameEn' };
const FIELD_ORDER = ['kind', 'date', 'replaces', 'nameLv', 'nameEn', 'source'];

/** Problems as the form's field errors, in the order of the form (the error summary follows it). */
function formErrors(problems: EntryProblem[], request: FastifyRequest): FieldError[] {
  const errors = problems.map((problem) => {
    const field = FORM_FIELDS[problem.field] ?? problem.field;
    const message = field === 'kind' ? request.t('calendarAdmin.errors.kind') : problem.message[request.lang];
    return { field, code: 'invalid', message };
  });
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  return errors.sort((a, b) => rank(a.field) - rank(b.field));
}

async function renderAdmin(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: StaffActor,
  state: { form: EntryForm; errors: FieldError[]; status: number },
) {
  const ctx = pageContext(request, reply.generateCsrf());
  const entries = await listEntriesForManager(deps, actor);
  const query = request.query as { saved?: string; deleted?: string };
  const notice = query.saved ? ctx.t('staff.entrySaved') : query.deleted ? ctx.t('staff.entryDeleted') : null;
  const title = state.errors.length ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('staff.calendarTitle')}` : ctx.t('staff.calendarTitle');
  return sendPage(reply, ctx, {
    title,
    body: <CalendarAdminView ctx={ctx} entries={entries} form={state.form} errors={state.errors} notice={state.errors.length ? null : notice} />,
    status: state.status,
  });
}

/** Administrators edit the calendar data (one-off holidays, Cabinet-order transfers): platform-wide, not per agency. */
export async function calendarAdminPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get(CALENDAR_ADMIN_PATH, async (request, reply) => {
    const actor = requireManager(request, reply, request.url);
    if (!actor) return reply;
    return renderAdmin(deps, request, reply, actor, { form: EMPTY_ENTRY_FORM, errors: [], status: 200 });
  });

  app.post(CALENDAR_ADMIN_PATH, async (request, reply) => {
    const actor = requireManager(request, reply, CALENDAR_ADMIN_PATH);
    if (!actor) return reply;
    const form = formFromBody(request.body);
    const result = await addCalendarEntry(deps, actor, originOf(request), entryCandidate(form));
    if (!result.ok) return renderAdmin(deps, request, reply, actor, { form, errors: formErrors(result.problems, request), status: 400 });
    return reply.redirect(`${CALENDAR_ADMIN_PATH}?saved=1`, 303);
  });

  app.post<{ Params: { id: string } }>(`${CALENDAR_ADMIN_PATH}/:id/delete`, async (request, reply) => {
    const actor = requireManager(request, reply, CALENDAR_ADMIN_PATH);
    if (!actor) return reply;
    await deleteCalendarEntry(deps, actor, originOf(request), request.params.id);
    return reply.redirect(`${CALENDAR_ADMIN_PATH}?deleted=1`, 303);
  });
}

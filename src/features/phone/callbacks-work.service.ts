import { withTransaction } from '../../platform/db/transaction.ts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { ATTEMPT_RESULTS, MAX_FAILED_ATTEMPTS, statusAfterAttempt, type AttemptResult } from '../../domain/phone/index.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { staffUsers } from '../staff/staff.tables.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { translator } from '../../platform/i18n/index.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { callbackLine, phoneTopics } from './phone-lines.ts';
import { phoneCallbackAttempts, phoneCallbacks } from './phone.tables.ts';

export type CallbackRow = typeof phoneCallbacks.$inferSelect;
export type CallbackListItem = CallbackRow & { takenByName: string | null };
export type AttemptRow = typeof phoneCallbackAttempts.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The work list: open and taken requests by call-by time (so the overdue come first). Audited: it shows names and numbers. */
export async function listCallbacks(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin): Promise<CallbackListItem[]> {
  return withTransaction(deps.db, async (db) => {
    const rows = await db
      .select({ callback: phoneCallbacks, takenByName: staffUsers.name })
      .from(phoneCallbacks)
      .leftJoin(staffUsers, eq(staffUsers.id, phoneCallbacks.takenBy))
      .where(and(eq(phoneCallbacks.agency, scope.agency), inArray(phoneCallbacks.status, ['open', 'taken'])))
      .orderBy(asc(phoneCallbacks.callBy))
      .limit(200);
    await recordAudit(db, deps.clock, origin, { action: 'phone.callbacks-viewed', recordType: 'phone_callback', agency: scope.agency, details: { count: rows.length } });
    return rows.map((r) => ({ ...r.callback, takenByName: r.takenByName }));
  });
}

/** One request with its attempts, within the agency. Audited. */
export async function callbackDetail(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, id: string): Promise<{ callback: CallbackListItem; attempts: AttemptRow[] }> {
  if (!UUID.test(id)) throw new AppError(404, 'callback-not-found', 'phone.errors.callbackNotFound');
  return withTransaction(deps.db, async (db) => {
    const [row] = await db
      .select({ callback: phoneCallbacks, takenByName: staffUsers.name })
      .from(phoneCallbacks)
      .leftJoin(staffUsers, eq(staffUsers.id, phoneCallbacks.takenBy))
      .where(and(eq(phoneCallbacks.id, id), eq(phoneCallbacks.agency, scope.agency)));
    if (!row) throw new AppError(404, 'callback-not-found', 'phone.errors.callbackNotFound');
    const attempts = await db.select().from(phoneCallbackAttempts).where(eq(phoneCallbackAttempts.callbackId, id)).orderBy(desc(phoneCallbackAttempts.at));
    await recordAudit(db, deps.clock, origin, { action: 'phone.callback-viewed', recordType: 'phone_callback', recordId: id, agency: scope.agency });
    return { callback: { ...row.callback, takenByName: row.takenByName }, attempts };
  });
}

/**
 * Takes a request (or, without an id, the one due first): the row is locked with FOR UPDATE SKIP LOCKED, so two
 * specialists taking at once never get the same one — the second skips it (and, for a named one, is told).
 */
export async function takeCallback(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, id: string | null): Promise<string> {
  if (id !== null && !UUID.test(id)) throw new AppError(404, 'callback-not-found', 'phone.errors.callbackNotFound');
  const now = new Date(deps.clock().epochMilliseconds);
  return withTransaction(deps.db, async (db) => {
    const target = id === null ? sql`true` : sql`id = ${id}`;
    const result = await db.execute(sql`
      update phone_callbacks set status = 'taken', taken_by = ${scope.actor.id}, taken_at = ${now.toISOString()}
      where id = (
        select id from phone_callbacks
        where agency = ${scope.agency} and status = 'open' and ${target}
        order by call_by limit 1
        for update skip locked
      ) and status = 'open'
      returning id`);
    const taken = (result as unknown as { rows: Array<{ id: string }> }).rows[0];
    if (!taken) {
      if (id === null) throw new AppError(409, 'nothing-to-take', 'phone.errors.nothingToTake');
      const [exists] = await db.select({ id: phoneCallbacks.id }).from(phoneCallbacks).where(and(eq(phoneCallbacks.id, id), eq(phoneCallbacks.agency, scope.agency)));
      if (!exists) throw new AppError(404, 'callback-not-found', 'phone.errors.callbackNotFound');
      throw new AppError(409, 'callback-taken', 'phone.errors.callbackTaken');
    }
    await recordAudit(db, deps.clock, origin, { action: 'phone.callback-taken', recordType: 'phone_callback', recordId: taken.id, agency: scope.agency });
    return taken.id;
  });
}

export type AttemptOutcome = { status: 'taken' | 'reached' | 'unreachable'; mailed: boolean };

/**
 * Records an attempt on a taken request (by whoever took it, or a supervisor): reached closes it; the third
 * failed attempt closes it as unreachable and, with an e-mail, tells the client. A closed request takes no more.
 */
export async function recordAttempt(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, id: string, raw: Record<string, string>): Promise<AttemptOutcome> {
  const result = (raw['result'] ?? '') as AttemptResult;
  const note = (raw['note'] ?? '').trim();
  const fieldErrors: AppError['fieldErrors'] = [];
  if (!(ATTEMPT_RESULTS as readonly string[]).includes(result)) fieldErrors.push({ field: 'result', code: 'invalid_value', messageKey: 'phone.errors.result' });
  if (note.length > 500 || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(note)) fieldErrors.push({ field: 'note', code: 'too_big', messageKey: 'phone.errors.note', values: { max: 500 } });
  if (!UUID.test(id)) throw new AppError(404, 'callback-not-found', 'phone.errors.callbackNotFound');
  if (fieldErrors.length > 0) throw new AppError(400, 'validation', 'errors.validation', {}, fieldErrors);
  const profile = deps.agencies.get(scope.agency) as AgencyProfile;
  const now = new Date(deps.clock().epochMilliseconds);
  return withTransaction(deps.db, async (db) => {
    const locked = await db.execute(sql`select id from phone_callbacks where id = ${id} and agency = ${scope.agency} for update`);
    if ((locked as unknown as { rows: unknown[] }).rows.length === 0) throw new AppError(404, 'callback-not-found', 'phone.errors.callbackNotFound');
    const [row] = await db.select().from(phoneCallbacks).where(eq(phoneCallbacks.id, id));
    if (!row) throw new AppError(404, 'callback-not-found', 'phone.errors.callbackNotFound');
    if (row.status === 'reached' || row.status === 'unreachable') {
      throw new AppError(409, 'callback-closed', 'phone.errors.callbackClosed', {}, [{ field: 'result', code: 'callback_closed', messageKey: 'phone.errors.callbackClosed' }]);
    }
    const mayAct = row.status === 'taken' && (row.takenBy === scope.actor.id || scope.role === 'supervisor' || scope.role === 'administrator');
    if (!mayAct) throw new AppError(409, 'callback-not-yours', 'phone.errors.callbackNotYours', {}, [{ field: 'result', code: 'not_taken', messageKey: 'phone.errors.callbackNotYours' }]);
    const next = statusAfterAttempt(result, row.failedAttempts);
    await db.insert(phoneCallbackAttempts).values({ callbackId: id, agency: scope.agency, result, staffId: scope.actor.id, note, at: now });
    const closed = next.status !== 'taken';
    await db.update(phoneCallbacks).set({ status: next.status, failedAttempts: next.failed, closedAt: closed ? now : null }).where(eq(phoneCallbacks.id, id));
    let mailed = false;
    if (next.status === 'unreachable' && row.email) {
      const clientLang = row.lang === 'en' ? 'en' : 'lv';
      const ct = translator(clientLang);
      const agency = profile.name[clientLang];
      const topic = phoneTopics(profile).find((candidate) => candidate.id === row.topic)?.name[clientLang] ?? row.topic;
      await queueMail({ ...deps, db }, {
        agency: scope.agency,
        to: row.email,
        subject: ct('phone.callback.unreachableSubject', { agency }),
        text: ct('phone.callback.unreachableBody', { agency, topic, attempts: MAX_FAILED_ATTEMPTS, number: callbackLine(profile)?.number ?? '' }),
      });
      mailed = true;
    }
    await recordAudit(db, deps.clock, origin, { action: 'phone.callback-attempt', recordType: 'phone_callback', recordId: id, agency: scope.agency, details: { result, status: next.status, mailed } });
    return { status: next.status as AttemptOutcome['status'], mailed };
  });
}

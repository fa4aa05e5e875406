import { withTransaction } from '../../platform/db/transaction.ts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { CALL_OUTCOMES, parseDuration, type CallOutcome } from '../../domain/phone/index.ts';
import { validatePersonalCode } from '../../domain/personal-code/index.ts';
import { personalCodeReasonKey } from '../personal-codes/personal-codes.messages.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { auditEvent, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AuditEvent } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { translator, type Language } from '../../platform/i18n/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { inviteToSurvey } from '../feedback/survey-invitations.service.ts';
import { personalDataHash } from './personal-data-keys.ts';
import { phoneLines, phoneTopics } from './phone-lines.ts';

export const NOTE_MAX = 1000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type LoggedCall = {
  id: string;
  outcome: CallOutcome;
  surveySent: boolean;
  /** For appointment-booked: what the staff booking page is filled in with. */
  client: { name: string; personalCode: string; email: string };
};

export type LogCallResult = { kind: 'invalid'; errors: FieldError[] } | { kind: 'logged'; call: LoggedCall };

const one = (raw: Record<string, string>, key: string) => (raw[key] ?? '').trim();

type Checked = { line: string; topic: string; outcome: CallOutcome; institution: string | null; seconds: number; personalCode: string; name: string; email: string; surveyLang: Language; note: string };

function check(profile: AgencyProfile, raw: Record<string, string>, lang: Language): { errors: FieldError[]; call: Checked } {
  const t = translator(lang);
  const errors: FieldError[] = [];
  const push = (field: string, code: string, message: string) => errors.push({ field, code, message });
  const lines = phoneLines(profile);
  const line = one(raw, 'line') || lines[0]?.id || '';
  if (!lines.some((l) => l.id === line)) push('line', 'invalid_value', t('phone.errors.line'));
  const topic = one(raw, 'topic');
  if (!phoneTopics(profile).some((candidate) => candidate.id === topic)) push('topic', 'invalid_value', t('phone.errors.topic'));
  const outcome = one(raw, 'outcome') as CallOutcome;
  if (!(CALL_OUTCOMES as readonly string[]).includes(outcome)) push('outcome', 'invalid_value', t('phone.errors.outcome'));
  const institution = one(raw, 'institution');
  if (outcome === 'forwarded' ? !profile.competentInstitutions.some((i) => i.id === institution) : institution !== '' && !profile.competentInstitutions.some((i) => i.id === institution)) {
    push('institution', 'invalid_value', t('phone.errors.institution'));
  }
  const seconds = parseDuration(one(raw, 'duration'));
  if (seconds === null) push('duration', 'invalid_format', t('phone.errors.duration'));
  const code = one(raw, 'personalCode');
  let personalCode = '';
  if (code) {
    const result = code.length > 20 ? null : validatePersonalCode(code);
    if (result?.valid) personalCode = result.normalized;
    else push('personalCode', 'invalid_format', t('phone.errors.personalCode', { reason: result ? t(personalCodeReasonKey(result.reason)) : '' }));
  }
  const name = one(raw, 'clientName');
  if (name.length > 100 || CONTROL.test(name)) push('clientName', 'too_big', t('phone.errors.tooLong', { max: 100 }));
  const email = one(raw, 'surveyEmail');
  if (email && (email.length > 254 || !z.email().safeParse(email).success)) push('surveyEmail', 'invalid_format', t('phone.errors.email'));
  const note = one(raw, 'note');
  if (note.length > NOTE_MAX || CONTROL.test(note.replace(/[\r\n\t]/g, ''))) push('note', 'too_big', t('phone.errors.note', { max: NOTE_MAX }));
  const surveyLang: Language = raw['surveyLang'] === 'en' ? 'en' : 'lv';
  return { errors, call: { line, topic, outcome, institution: outcome === 'forwarded' ? institution : institution || null, seconds: seconds ?? 0, personalCode, name, email, surveyLang, note } };
}

/**
 * Logs a call: the row, its hour and duration aggregates, the audit row and (with the client's e-mail) the
 * survey invitation, in one transaction. The call started `duration` seconds before it was saved.
 */
export async function logCall(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, raw: Record<string, string>, lang: Language): Promise<LogCallResult> {
  const profile = deps.agencies.get(scope.agency) as AgencyProfile;
  const { errors, call } = check(profile, raw, lang);
  if (errors.length > 0) return { kind: 'invalid', errors };
  const codeHash = call.personalCode ? await personalDataHash(deps.db, 'personal-code', call.personalCode) : null;
  const savedAt = deps.clock().epochMilliseconds;
  const startedAt = new Date(savedAt - call.seconds * 1000);
  const id = crypto.randomUUID();
  const line = phoneLines(profile).find((l) => l.id === call.line);
  const audit = (invitationId: string | null) =>
    auditEvent(deps.clock, origin, {
      action: 'phone.call-logged',
      recordType: 'phone_call',
      recordId: id,
      agency: scope.agency,
      details: { topic: call.topic, outcome: call.outcome, identified: Boolean(codeHash), survey: Boolean(invitationId) },
    });
  const row = (invitationId: string | null): NewCall => ({ id, agency: scope.agency, lineId: call.line, topic: call.topic, outcome: call.outcome, institutionId: call.institution, startedAt, durationSeconds: call.seconds, staffId: scope.actor.id, personalCodeHash: codeHash, note: call.note, invitationId });
  if (!call.email) {
    // The hot path: the call, its aggregates and its audit row in one statement (atomic without a transaction).
    await insertCall(deps.db, row(null), audit(null));
  } else {
    await withTransaction(deps.db, async (db) => {
      const invitation = await inviteToSurvey(
        deps,
        {
          agency: scope.agency,
          contactKind: 'phone',
          contactRef: id,
          ...(line?.kind === 'centre' ? { centreId: line.id } : line ? { channelId: line.id } : {}),
          staffId: scope.actor.id,
          email: call.email,
          lang: call.surveyLang,
        },
        { db, origin },
      );
      await insertCall(db, row(invitation.invitationId), audit(invitation.invitationId));
    });
  }
  return { kind: 'logged', call: { id, outcome: call.outcome, surveySent: Boolean(call.email), client: { name: call.name, personalCode: call.personalCode, email: call.email } } };
}

export type NewCall = {
  id: string;
  agency: string;
  lineId: string;
  topic: string;
  outcome: CallOutcome;
  institutionId: string | null;
  startedAt: Date;
  durationSeconds: number;
  staffId: string | null;
  personalCodeHash: string | null;
  note: string;
  invitationId: string | null;
  callbackId?: string | null;
};

/**
 * The call, its aggregates and (given) its audit row in one statement: the hour and day are Riga's (Riga's
 * offsets are whole hours, so a UTC hour is a Riga hour).
 */
export async function insertCall(db: Database, call: NewCall, audit?: AuditEvent): Promise<void> {
  const at = call.startedAt.toISOString();
  const auditCte = audit
    ? sql`, audited as (
      insert into audit_log (at, actor_id, actor_label, agency, action, record_type, record_id, ip, details)
      select ${audit.at.toISOString()}::timestamptz, ${audit.actorId}::uuid, ${audit.actorLabel}, ${audit.agency}, ${audit.action}, ${audit.recordType}, ${audit.recordId}, ${audit.ip}, ${JSON.stringify(audit.details)}::jsonb
      from inserted
    )`
    : sql``;
  await db.execute(sql`
    with inserted as (
      insert into phone_calls (id, agency, line_id, topic, outcome, institution_id, started_at, duration_seconds, staff_id, personal_code_hash, note, invitation_id, callback_id)
      values (${call.id}, ${call.agency}, ${call.lineId}, ${call.topic}, ${call.outcome}, ${call.institutionId}, ${at}, ${call.durationSeconds}, ${call.staffId}, ${call.personalCodeHash}, ${call.note}, ${call.invitationId}, ${call.callbackId ?? null})
      returning agency, topic, outcome, started_at, duration_seconds
    ), hours as (
      insert into phone_call_hours (agency, hour, topic, outcome, calls, seconds)
      select agency, date_trunc('hour', started_at), topic, outcome, 1, duration_seconds from inserted
      on conflict (agency, hour, topic, outcome) do update set calls = phone_call_hours.calls + 1, seconds = phone_call_hours.seconds + excluded.seconds
    )${auditCte}
    insert into phone_call_durations (agency, day, duration_seconds, calls)
    select agency, (started_at at time zone 'Europe/Riga')::date, duration_seconds, 1 from inserted
    on conflict (agency, day, duration_seconds) do update set calls = phone_call_durations.calls + 1`);
}

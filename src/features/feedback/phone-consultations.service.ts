import { z } from 'zod';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { translator, type Language } from '../../platform/i18n/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { topicsFor, type QuestionTopic } from '../inquiries/inquiries-public.service.ts';
import { insertPhoneConsultation } from './feedback.repository.ts';
import { inviteToSurvey } from './survey-invitations.service.ts';

/** Phone consultation topics: the profile's phoneTopics (or, without them, the question form's topics). */
export function phoneTopics(profile: AgencyProfile): QuestionTopic[] {
  return profile.phoneTopics.length > 0 ? profile.phoneTopics : topicsFor(profile);
}

export function phoneChannels(profile: AgencyProfile) {
  return profile.channels.filter((c) => c.kind === 'phone');
}

const PhoneCallSchema = z.object({
  channel: z.string().trim().max(60).default(''),
  topic: z.string().trim().min(1).max(60),
  note: z.string().trim().max(1000).default(''),
  surveyEmail: z
    .string()
    .trim()
    .max(254)
    .default('')
    .refine((e) => e === '' || z.email().safeParse(e).success),
  surveyLang: z.enum(['lv', 'en']).default('lv'),
});

export type PhoneCallResult = { kind: 'invalid'; errors: FieldError[] } | { kind: 'logged'; surveySent: boolean };

/** Logs a consultation by phone; with the client's e-mail, sends a survey invitation in the same transaction. */
export async function logPhoneConsultation(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, raw: Record<string, string>, lang: Language): Promise<PhoneCallResult> {
  const profile = deps.agencies.get(scope.agency) as AgencyProfile;
  const t = translator(lang);
  const parsed = PhoneCallSchema.safeParse(raw);
  const errors: FieldError[] = [];
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0]);
    if (field === 'note') errors.push({ field, code: issue.code, message: t('feedback.staff.errors.noteTooLong') });
    else if (field === 'surveyEmail') errors.push({ field, code: issue.code, message: t('feedback.opinion.errors.emailInvalid') });
    else if (field !== 'topic') errors.push({ field, code: issue.code, message: t('errors.field.invalidValue', { values: '' }) });
  }
  // The topic and channel are checked against the profile whatever else is wrong, so every error shows at once.
  if (!phoneTopics(profile).some((topic) => topic.id === (raw['topic'] ?? '').trim())) errors.unshift({ field: 'topic', code: 'invalid_value', message: t('feedback.staff.errors.topic') });
  if (raw['channel'] && !phoneChannels(profile).some((c) => c.id === raw['channel'])) {
    errors.push({ field: 'channel', code: 'invalid_value', message: t('feedback.opinion.errors.channel') });
  }
  if (errors.length > 0 || !parsed.success) return { kind: 'invalid', errors };
  const call = parsed.data;
  const channelId = call.channel || phoneChannels(profile)[0]?.id;
  const at = new Date(deps.clock().epochMilliseconds);
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Database;
    const id = crypto.randomUUID();
    const invitation = call.surveyEmail
      ? await inviteToSurvey(
          deps,
          {
            agency: scope.agency,
            contactKind: 'phone',
            contactRef: id,
            ...(channelId ? { channelId } : {}),
            staffId: scope.actor.id,
            email: call.surveyEmail,
            lang: call.surveyLang,
          },
          { db, origin },
        )
      : null;
    await insertPhoneConsultation(db, { id, agency: scope.agency, channelId: channelId ?? null, topic: call.topic, note: call.note, staffId: scope.actor.id, invitationId: invitation?.invitationId ?? null, at });
    await recordAudit(db, deps.clock, origin, { action: 'feedback.phone-consultation-logged', recordType: 'feedback_phone_consultation', recordId: id, agency: scope.agency, details: { topic: call.topic, survey: Boolean(invitation) } });
  });
  return { kind: 'logged', surveySent: Boolean(call.surveyEmail) };
}

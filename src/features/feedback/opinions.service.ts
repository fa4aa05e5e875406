import { withTransaction } from '../../platform/db/transaction.ts';
import { OPINION_TEXT_MAX, opinionBecomesInquiry } from '../../domain/feedback/index.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { countRecentEvents } from '../../platform/audit/audit.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError, IssueLike } from '../../platform/http/problem.ts';
import { translator, type Language, type MessageKey } from '../../platform/i18n/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { fileInquiry } from '../inquiries/inquiries.service.ts';
import { insertOpinion, type OpinionRow } from './feedback.repository.ts';
import { OPINION_FIELDS, OPINION_KIND_LABEL, OPINION_FLOOD_LIMIT, OPINION_FLOOD_WINDOW_MINUTES, OpinionFormSchema, type OpinionForm } from './opinion.schema.ts';

export type FiledAsInquiry = { reference: string; deadline: string; accessCode: string };
export type OpinionResult =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'rate-limited'; retryAfterMinutes: number }
  | { kind: 'saved'; opinion: OpinionRow; inquiry: FiledAsInquiry | null };

function fieldErrors(issues: readonly IssueLike[], raw: Record<string, string>, lang: Language): FieldError[] {
  const t = translator(lang);
  const errors = issues.map((issue): FieldError => {
    const field = String(issue.path[0] ?? 'text');
    const messageKey = issue.message.startsWith('feedback.') ? (issue.message as MessageKey) : ('errors.field.invalidFormat' as MessageKey);
    const length = [...(raw[field] ?? '').trim()].length;
    return { field, code: issue.code, message: t(messageKey, { length, max: OPINION_TEXT_MAX }) };
  });
  const rank = (f: string) => OPINION_FIELDS.indexOf(f as (typeof OPINION_FIELDS)[number]);
  return errors.sort((a, b) => rank(a.field) - rank(b.field));
}

function profileErrors(profile: AgencyProfile, form: OpinionForm, lang: Language): FieldError[] {
  const t = translator(lang);
  const errors: FieldError[] = [];
  if (form.subject === 'centre' && !profile.serviceCentres.some((c) => c.id === form.centre)) {
    errors.push({ field: 'centre', code: 'invalid_value', message: t('feedback.opinion.errors.centre') });
  }
  if (form.subject === 'channel' && !profile.channels.some((c) => c.id === form.channel)) {
    errors.push({ field: 'channel', code: 'invalid_value', message: t('feedback.opinion.errors.channel') });
  }
  return errors;
}

/** The text the inquiry carries: what kind of opinion, about what, and the client's words. */
function inquiryText(profile: AgencyProfile, form: OpinionForm): { subject: string; text: string } {
  const t = translator('lv');
  const kind = t(OPINION_KIND_LABEL[form.kind]);
  const about =
    form.subject === 'centre'
      ? profile.serviceCentres.find((c) => c.id === form.centre)?.name.lv
      : form.subject === 'channel'
        ? profile.channels.find((c) => c.id === form.channel)?.label.lv
        : form.subject === 'staff'
          ? `${t('feedback.opinion.subjectStaff')}: ${form.staffName}`
          : t('feedback.opinion.subjectGeneral');
  return { subject: `${kind}: ${about ?? ''}`.slice(0, 100), text: `${kind} (${about ?? ''})\n\n${form.text}` };
}

/**
 * Records a praise, complaint or suggestion. From the web, floods from one address are refused. A written
 * complaint or a named opinion that expects an answer is filed as an inquiry with the statutory term, in the
 * same transaction.
 */
export async function recordOpinion(
  deps: AppDeps,
  origin: AuditOrigin,
  input: { profile: AgencyProfile; raw: Record<string, string>; source: 'web' | 'in-person' | 'phone'; lang: Language },
): Promise<OpinionResult> {
  const { profile, lang } = input;
  const now = new Date(deps.clock().epochMilliseconds);
  // Web floods are counted on the audit trail per address, like the other rate limits (shared by every process).
  const ip = input.source === 'web' ? (origin.ip ?? '') : null;
  if (ip !== null) {
    const since = new Date(now.getTime() - OPINION_FLOOD_WINDOW_MINUTES * 60_000);
    if ((await countRecentEvents(deps.db, 'feedback.opinion-received', 'ip', ip, since)) >= OPINION_FLOOD_LIMIT) {
      return { kind: 'rate-limited', retryAfterMinutes: OPINION_FLOOD_WINDOW_MINUTES };
    }
  }
  const parsed = OpinionFormSchema.safeParse({ ...input.raw, source: input.source });
  if (!parsed.success) return { kind: 'invalid', errors: fieldErrors(parsed.error.issues, input.raw, lang) };
  const form = parsed.data;
  const more = profileErrors(profile, form, lang);
  if (more.length > 0) return { kind: 'invalid', errors: more };

  const named = !form.anonymous && Boolean(form.name);
  const becomesInquiry = opinionBecomesInquiry({
    kind: form.kind,
    source: form.source,
    anonymous: !named,
    expectsAnswer: form.expectsAnswer,
    hasContact: Boolean(form.email || form.phone),
  });
  return withTransaction(deps.db, async (db) => {
    let inquiry: FiledAsInquiry | null = null;
    if (becomesInquiry) {
      // fileInquiry opens its own transaction: on our transaction that is a savepoint, so both commit or neither.
      const filed = await fileInquiry({ ...deps, db }, origin, {
        agency: profile.slug,
        channel: 'feedback',
        receivedAt: now,
        name: form.name,
        email: form.email || undefined,
        phone: form.phone || undefined,
        ...inquiryText(profile, form),
      });
      inquiry = { reference: filed.inquiry.reference, deadline: filed.inquiry.deadline, accessCode: filed.accessCode };
    }
    const opinion = await insertOpinion(db, {
      agency: profile.slug,
      kind: form.kind,
      subject: form.subject,
      centreId: form.subject === 'centre' ? form.centre : null,
      channelId: form.subject === 'channel' ? form.channel : null,
      staffName: form.subject === 'staff' ? form.staffName : null,
      anonymous: !named,
      authorName: named ? form.name : null,
      authorEmail: named && form.email ? form.email : null,
      authorPhone: named && form.phone ? form.phone : null,
      text: form.text,
      source: form.source,
      expectsAnswer: form.expectsAnswer,
      inquiryReference: inquiry?.reference ?? null,
      recordedBy: input.source === 'web' ? null : origin.actorId,
      receivedAt: now,
    });
    await recordAudit(db, deps.clock, origin, {
      action: input.source === 'web' ? 'feedback.opinion-received' : 'feedback.opinion-recorded',
      recordType: 'feedback_opinion',
      recordId: opinion.id,
      agency: profile.slug,
      details: { kind: form.kind, source: form.source, inquiry: inquiry?.reference ?? null, ...(ip !== null && { ip }) },
    });
    return { kind: 'saved', opinion, inquiry };
  });
}

import { withTransaction } from '../../platform/db/transaction.ts';
import { SURVEY_COMMENT_MAX, validateSurveyAnswers, verifyInvitationToken, type SurveyAnswerProblem } from '../../domain/feedback/index.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import type { Language, Translate } from '../../platform/i18n/index.ts';
import type { AgencyProfile, SurveyQuestion } from '../agencies/agency-profile.schema.ts';
import { claimInvitation, countResponse, findInvitation, insertResponse, type InvitationRow } from './feedback.repository.ts';
import { surveySigningSecret } from './survey-invitations.service.ts';

export type SurveyLinkProblem = 'invalid' | 'expired' | 'used';
export type SurveyAccess = { ok: true; invitation: InvitationRow } | { ok: false; reason: SurveyLinkProblem };

/** Checks a survey link: signature, expiry, the agency in the path, and whether it was answered already. */
export async function openSurvey(deps: AppDeps, profile: AgencyProfile, token: string): Promise<SurveyAccess> {
  const check = verifyInvitationToken(await surveySigningSecret(deps.db), token, new Date(deps.clock().epochMilliseconds));
  if (!check.ok) return { ok: false, reason: check.reason === 'expired' ? 'expired' : 'invalid' };
  const invitation = await findInvitation(deps.db, check.claim.invitationId);
  if (!invitation || invitation.agency !== profile.slug) return { ok: false, reason: 'invalid' };
  if (invitation.usedAt) return { ok: false, reason: 'used' };
  return { ok: true, invitation };
}

export type SurveyForm = Record<string, string>;
export type SurveySubmission = { kind: 'link'; reason: SurveyLinkProblem } | { kind: 'invalid'; errors: FieldError[]; asksConsent: boolean } | { kind: 'saved' };

function problemMessage(problem: SurveyAnswerProblem, questions: readonly SurveyQuestion[], form: SurveyForm, t: Translate, lang: Language): FieldError {
  const question = questions.find((q) => q.id === problem.question);
  const label = question?.label[lang] ?? problem.question;
  if (problem.problem === 'too-long') {
    const length = [...(form[problem.question] ?? '').trim()].length;
    return { field: problem.question, code: 'too_big', message: t('feedback.survey.errors.tooLong', { length, max: SURVEY_COMMENT_MAX }) };
  }
  if (problem.problem === 'required') return { field: problem.question, code: 'required', message: t('feedback.survey.errors.required', { label }) };
  return { field: problem.question, code: 'out_of_range', message: t('feedback.survey.errors.outOfRange', { label }) };
}

/**
 * Stores one answer per invitation: the invitation is claimed (used_at set only if still empty) in the same
 * transaction as the response and the monthly aggregates; a second submission finds it used.
 */
export async function submitSurvey(
  deps: AppDeps,
  origin: AuditOrigin,
  input: { profile: AgencyProfile; token: string; form: SurveyForm; t: Translate; lang: Language },
): Promise<SurveySubmission> {
  const access = await openSurvey(deps, input.profile, input.token);
  if (!access.ok) return { kind: 'link', reason: access.reason };
  const questions = input.profile.feedback.survey.questions;
  const validation = validateSurveyAnswers(questions, input.form);
  const asksConsent = Boolean(access.invitation.staffId);
  if (!validation.ok) return { kind: 'invalid', asksConsent, errors: validation.problems.map((p) => problemMessage(p, questions, input.form, input.t, input.lang)) };
  const staffIdentified = asksConsent && input.form['staffConsent'] === 'yes';
  const now = new Date(deps.clock().epochMilliseconds);
  const saved = await withTransaction(deps.db, async (db) => {
    const claimed = await claimInvitation(db, access.invitation.id, now, staffIdentified);
    if (!claimed) return false;
    const { ratings, comments } = validation.answers;
    await insertResponse(db, {
      invitationId: claimed.id,
      agency: claimed.agency,
      contactKind: claimed.contactKind,
      centreId: claimed.centreId,
      channelId: claimed.channelId,
      month: claimed.month,
      staffId: staffIdentified ? claimed.staffId : null,
      ratings,
      comments,
      hasComment: Object.keys(comments).length > 0,
      lang: input.lang,
      submittedAt: now,
    });
    await countResponse(db, { agency: claimed.agency, month: claimed.month, centreKey: claimed.centreId ?? '', channelKey: claimed.channelId ?? '' }, ratings);
    await recordAudit(db, deps.clock, origin, { action: 'feedback.survey-answered', recordType: 'feedback_invitation', recordId: claimed.id, agency: claimed.agency });
    return true;
  });
  return saved ? { kind: 'saved' } : { kind: 'link', reason: 'used' };
}

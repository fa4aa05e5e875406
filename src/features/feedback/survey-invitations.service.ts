import { agencyNameIn } from '../agencies/agency-name.ts';
import { runCommand } from '../../platform/commands/run-command.ts';
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

import { signInvitationToken } from '../../domain/feedback/index.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { rigaToday, type Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { translator } from '../../platform/i18n/index.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import type { OutboxRow } from '../../platform/mail/mail.repository.ts';
import { getOrCreateSetting } from '../../platform/settings.repository.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { formatRigaDate } from '../../web/format.ts';
import { latvianDate } from '../../domain/latvian-text/index.ts';
import { rigaDateAt } from '../../domain/opening-hours/index.ts';

/** The date after "līdz" / "until": Latvian takes the dative ("līdz 2026. gada 28. decembrim"). */
function untilDate(at: Date, lang: 'lv' | 'en'): string {
  return lang === 'lv' ? latvianDate(rigaDateAt(at.getTime()), 'dative') : formatRigaDate(at, lang);
}
import type { SurveyContactKind } from './feedback.tables.ts';
import { countInvitation, findInvitation, findInvitationForContact, insertInvitation } from './feedback.repository.ts';
import { withLang } from '../../web/page-context.ts';

export type SurveyInvitationInput = {
  agency: string;
  contactKind: SurveyContactKind;
  contactRef: string;
  centreId?: string;
  channelId?: string;
  staffId?: string;
  email?: string;
  lang: 'lv' | 'en';
};

const SYSTEM_ORIGIN: AuditOrigin = { actorId: null, actorLabel: 'system', ip: null };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The key never changes once stored, so each process reads it once per database (not on every survey link).
const signingSecrets = new WeakMap<Database, Promise<string>>();

/** The installation's survey link signing key: created once, kept in app_settings, shared by every process. */
export function surveySigningSecret(db: Database): Promise<string> {
  let secret = signingSecrets.get(db);
  if (!secret) {
    secret = getOrCreateSetting(db, 'feedback_survey_secret', () => randomBytes(32).toString('base64url'));
    secret.catch(() => signingSecrets.delete(db));
    signingSecrets.set(db, secret);
  }
  return secret;
}

export function surveyPath(agency: string, token: string): string {
  return `/${agency}/aptauja/${token}`;
}

/** First day of the Riga month of an instant ('YYYY-MM-01'). */
export function rigaMonth(clock: Clock): string {
  return `${rigaToday(clock).slice(0, 7)}-01`;
}

function checkContact(profile: AgencyProfile, input: SurveyInvitationInput): void {
  const errors: AppError['fieldErrors'] = [];
  if (input.centreId && !profile.serviceCentres.some((c) => c.id === input.centreId)) {
    errors.push({ field: 'centreId', code: 'invalid_value', messageKey: 'feedback.survey.errors.unknownCentre' });
  }
  if (input.channelId && !profile.channels.some((c) => c.id === input.channelId)) {
    errors.push({ field: 'channelId', code: 'invalid_value', messageKey: 'feedback.survey.errors.unknownChannel' });
  }
  if (input.staffId && !UUID.test(input.staffId)) {
    errors.push({ field: 'staffId', code: 'invalid_format', messageKey: 'feedback.survey.errors.staffIdInvalid' });
  }
  if (!input.contactRef.trim() || input.contactRef.length > 200) {
    errors.push({ field: 'contactRef', code: 'invalid_format', messageKey: 'feedback.survey.errors.contactRefInvalid' });
  }
  if (errors.length > 0) throw new AppError(400, 'validation', 'errors.validation', {}, errors);
}

/**
 * Creates a signed, expiring, single-use invitation; e-mails the link when `email` is given (queueMail,
 * in the same transaction). Returns the public survey URL path and its expiry.
 * Pass `db` (a transaction) to create it inside the caller's transaction.
 */
export async function inviteToSurvey(
  deps: Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>,
  input: SurveyInvitationInput,
  options: { db?: Database; origin?: AuditOrigin } = {},
): Promise<{ invitationId: string; url: string; expiresAt: Date }> {
  const profile = deps.agencies.get(input.agency);
  if (!profile) throw new AppError(404, 'agency-not-found', 'errors.notFoundTitle');
  checkContact(profile, input);
  const now = new Date(deps.clock().epochMilliseconds);
  // Whole seconds: the token carries the expiry in seconds, the row must say the same.
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + profile.feedback.survey.validDays * 86_400_000);
  const month = rigaMonth(deps.clock);
  const secret = await surveySigningSecret(options.db ?? deps.db);
  const work = async (db: Database) => {
    const invitation = await insertInvitation(db, {
      agency: profile.slug,
      contactKind: input.contactKind,
      contactRef: input.contactRef.trim(),
      centreId: input.centreId ?? null,
      channelId: input.channelId ?? null,
      staffId: input.staffId ?? null,
      lang: input.lang,
      month,
      createdAt: now,
      expiresAt,
    });
    await countInvitation(db, { agency: profile.slug, month, centreKey: input.centreId ?? '', channelKey: input.channelId ?? '' });
    const url = surveyPath(profile.slug, signInvitationToken(secret, { invitationId: invitation.id, expiresAt }));
    let mail: OutboxRow | null = null;
    if (input.email) {
      const t = translator(input.lang);
      const agencyName = profile.shortName[input.lang];
      const link = `${deps.config.publicUrl}${withLang(url, input)}`;
      mail = await queueMail(
        { db, clock: deps.clock, config: deps.config },
        {
          agency: profile.slug,
          to: input.email,
          subject: t('feedback.survey.mailSubject', { agency: agencyName }),
          text: t('feedback.survey.mailBody', { agency: agencyName, agencyAccusative: agencyNameIn(profile, input.lang, 'accusative'), link, expires: untilDate(expiresAt, input.lang) }),
        },
      );
    }
    await recordAudit(db, deps.clock, options.origin ?? SYSTEM_ORIGIN, {
      action: 'feedback.invitation-created',
      recordType: 'feedback_invitation',
      recordId: invitation.id,
      agency: profile.slug,
      details: { contactKind: input.contactKind, contactRef: input.contactRef, emailed: Boolean(input.email) },
    });
    return { invitation: { invitationId: invitation.id, url, expiresAt }, mail };
  };
  // Inside a caller's transaction the outbox job sends the mail; on its own the mail goes once committed.
  if (options.db) return (await work(options.db)).invitation;
  return runCommand(deps, options.origin ?? SYSTEM_ORIGIN, async (tx) => {
    const { invitation, mail } = await work(tx);
    return { result: invitation, mails: [mail] };
  });
}

/**
 * The survey link of an existing invitation (e.g. for the queue ticket page, rendered again on each visit):
 * the token is re-signed from the stored id and expiry; null when unknown, answered already or expired.
 */
export async function surveyLinkOf(deps: Pick<AppDeps, 'db' | 'clock'>, invitationId: string): Promise<{ url: string; expiresAt: Date } | null> {
  if (!UUID.test(invitationId)) return null;
  const invitation = await findInvitation(deps.db, invitationId.toLowerCase());
  if (!invitation || invitation.usedAt || invitation.expiresAt.getTime() <= deps.clock().epochMilliseconds) return null;
  const token = signInvitationToken(await surveySigningSecret(deps.db), { invitationId: invitation.id, expiresAt: invitation.expiresAt });
  return { url: surveyPath(invitation.agency, token), expiresAt: invitation.expiresAt };
}

/** The profile channel of a kind (e.g. an inquiry's 'email' → 'e-pasts'), for SurveyInvitationInput.channelId. */
export function channelIdOfKind(profile: Pick<AgencyProfile, 'channels'>, kind: string): string | undefined {
  return profile.channels.find((c) => c.kind === kind)?.id;
}

/** The open survey link of a contact (e.g. the queue ticket just served), or null. */
export async function surveyLinkForContact(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  agency: string,
  contactKind: SurveyInvitationInput['contactKind'],
  contactRef: string,
): Promise<{ url: string; expiresAt: Date } | null> {
  const invitation = await findInvitationForContact(deps.db, agency, contactKind, contactRef);
  return invitation ? surveyLinkOf(deps, invitation.id) : null;
}

/** The survey link as an SVG QR code (for the queue ticket page); `url` should be absolute. */
export async function surveyQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

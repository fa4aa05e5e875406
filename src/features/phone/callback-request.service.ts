import { withTransaction } from '../../platform/db/transaction.ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { CALLBACK_HORIZON_DAYS, callBy, windowError } from '../../domain/phone/index.ts';
import { weeklySummary } from '../../domain/opening-hours/index.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { countRecentEvents } from '../../platform/audit/audit.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { translator, type Language } from '../../platform/i18n/index.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import { formatWeeklyGroup } from '../../web/format.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { calendarLookup } from '../agencies/agencies.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { personalDataHash } from './personal-data-keys.ts';
import { callbackLine, lineSpec, phoneTopics, type PhoneLine } from './phone-lines.ts';
import { formatDeadline, formatWindow } from './phone-format.ts';
import { phoneCallbacks } from './phone.tables.ts';

export const CALLBACK_LIMITS = { name: 100, phone: 40, description: 500, email: 254 } as const;
/** Callback requests from one address per hour, and for one number per day. */
export const CALLBACK_FLOOD = { perAddress: 5, addressWindowMinutes: 60, perNumber: 3, numberWindowMinutes: 24 * 60 } as const;

/** What a client sends, from the API or the form; from/to are instants (null when they could not be read). */
export type CallbackInput = {
  name: string;
  phone: string;
  topic: string;
  from: Temporal.Instant | null;
  to: Temporal.Instant | null;
  description: string;
  email: string;
  consent: boolean;
  lang: Language;
};

/** Where each error goes: the API reports window.from, the form its date and time fields. */
export type CallbackFieldNames = { window: string; from: string; to: string };

export type CallbackResult =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'rate-limited'; errors: FieldError[]; retryAfterSeconds: number }
  | { kind: 'requested'; id: string; callBy: Temporal.Instant; emailed: boolean };

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Normalises a phone number to E.164 (Latvian without +371 accepted); premium-rate numbers are refused. */
export function normalisePhone(text: string): { ok: true; e164: string } | { ok: false; reason: 'phoneInvalid' | 'phonePremium' } {
  if (text.length > CALLBACK_LIMITS.phone || CONTROL.test(text)) return { ok: false, reason: 'phoneInvalid' };
  const parsed = parsePhoneNumberFromString(text, 'LV');
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'phoneInvalid' };
  const type = parsed.getType();
  if (type === 'PREMIUM_RATE' || type === 'SHARED_COST') return { ok: false, reason: 'phonePremium' };
  return { ok: true, e164: parsed.number };
}

function hoursText(line: PhoneLine, lang: Language): string {
  const t = translator(lang);
  return weeklySummary(lineSpec(line)).map((g) => formatWeeklyGroup(g, t)).join('; ');
}

function validate(profile: AgencyProfile, line: PhoneLine, input: CallbackInput, names: CallbackFieldNames, check: (from: Temporal.Instant, to: Temporal.Instant) => string | null): { errors: FieldError[]; phone: string } {
  const t = translator(input.lang);
  const errors: FieldError[] = [];
  const push = (field: string, code: string, message: string) => errors.push({ field, code, message });
  const name = input.name.trim();
  if (!name || CONTROL.test(name)) push('name', 'invalid', t('phone.errors.name'));
  else if (name.length > CALLBACK_LIMITS.name) push('name', 'too_big', t('phone.errors.tooLong', { max: CALLBACK_LIMITS.name }));
  const phone = normalisePhone(input.phone.trim());
  if (!phone.ok) push('phone', phone.reason, t(`phone.errors.${phone.reason}`));
  if (!phoneTopics(profile).some((topic) => topic.id === input.topic)) push('topic', 'invalid_value', t('phone.errors.topic'));
  if (!input.from || !input.to) {
    push(names.window, 'invalid_format', t('phone.errors.window'));
  } else {
    const error = check(input.from, input.to);
    if (error) {
      const message = error === 'window-outside-hours' ? t('phone.errors.window-outside-hours', { hours: hoursText(line, input.lang) }) : t(`phone.errors.${error as 'window-past'}`, { days: CALLBACK_HORIZON_DAYS });
      push(error === 'window-order' || error === 'window-outside-hours' ? names.to : names.from, error, message);
    }
  }
  if (input.description.length > CALLBACK_LIMITS.description) push('description', 'too_big', t('phone.errors.tooLong', { max: CALLBACK_LIMITS.description }));
  else if (CONTROL.test(input.description.replace(/[\r\n\t]/g, ''))) push('description', 'invalid', t('phone.errors.tooLong', { max: CALLBACK_LIMITS.description }));
  const email = input.email.trim();
  if (email && (email.length > CALLBACK_LIMITS.email || !z.email().safeParse(email).success)) push('email', 'invalid_format', t('phone.errors.email'));
  if (!input.consent) push('consent', 'required', t('phone.errors.consent'));
  return { errors, phone: phone.ok ? phone.e164 : '' };
}

/**
 * A client's request to be called back: validated against the profile (topic), the callback line's hours and
 * the calendar (window), rate-limited per address and per number, stored with its audit row and, when an
 * e-mail is given, the confirmation mail, in one transaction.
 */
export async function requestCallback(deps: AppDeps, origin: AuditOrigin, profile: AgencyProfile, input: CallbackInput, names: CallbackFieldNames): Promise<CallbackResult> {
  const t = translator(input.lang);
  const line = callbackLine(profile);
  if (!line) return { kind: 'invalid', errors: [{ field: 'phone', code: 'no_line', message: t('phone.errors.noLine') }] };
  const now = deps.clock();
  const calendar = calendarLookup(await loadCalendar(deps));
  const spec = lineSpec(line);
  const { errors, phone } = validate(profile, line, input, names, (from, to) => windowError(spec, calendar, { from, to }, now));
  if (errors.length > 0 || !input.from || !input.to) return { kind: 'invalid', errors };

  const ip = origin.ip ?? '';
  const phoneKey = await personalDataHash(deps.db, 'phone', phone);
  const since = (minutes: number) => new Date(now.epochMilliseconds - minutes * 60_000);
  const [fromAddress, forNumber] = await Promise.all([
    countRecentEvents(deps.db, 'phone.callback-requested', 'ip', ip, since(CALLBACK_FLOOD.addressWindowMinutes)),
    countRecentEvents(deps.db, 'phone.callback-requested', 'phoneKey', phoneKey, since(CALLBACK_FLOOD.numberWindowMinutes)),
  ]);
  if (forNumber >= CALLBACK_FLOOD.perNumber) {
    return { kind: 'rate-limited', retryAfterSeconds: CALLBACK_FLOOD.numberWindowMinutes * 60, errors: [{ field: 'phone', code: 'rate_limited', message: t('phone.errors.rateLimitedNumber') }] };
  }
  if (fromAddress >= CALLBACK_FLOOD.perAddress) {
    const message = t('phone.errors.rateLimitedAddress', { minutes: CALLBACK_FLOOD.addressWindowMinutes });
    return { kind: 'rate-limited', retryAfterSeconds: CALLBACK_FLOOD.addressWindowMinutes * 60, errors: [{ field: '(root)', code: 'rate_limited', message }] };
  }

  const due = callBy(spec, calendar, now, profile.phone.callbackWithinWorkingDays);
  const email = input.email.trim();
  const topicName = phoneTopics(profile).find((topic) => topic.id === input.topic)?.name[input.lang] ?? input.topic;
  const id = crypto.randomUUID();
  await withTransaction(deps.db, async (db) => {
    await db.insert(phoneCallbacks).values({
      id,
      agency: profile.slug,
      lineId: line.id,
      topic: input.topic,
      name: input.name.trim(),
      phone,
      email: email || null,
      description: input.description.trim(),
      lang: input.lang,
      windowFrom: new Date(input.from!.epochMilliseconds),
      windowTo: new Date(input.to!.epochMilliseconds),
      requestedAt: new Date(now.epochMilliseconds),
      callBy: new Date(due.epochMilliseconds),
    });
    await recordAudit(db, deps.clock, origin, { action: 'phone.callback-requested', recordType: 'phone_callback', recordId: id, agency: profile.slug, details: { ip, phoneKey, topic: input.topic } });
    if (email) {
      const agency = profile.name[input.lang];
      await queueMail({ ...deps, db }, {
        agency: profile.slug,
        to: email,
        subject: t('phone.callback.mailSubject', { agency }),
        text: t('phone.callback.mailBody', { agency, topic: topicName, window: formatWindow(input.from!, input.to!, input.lang), callBy: formatDeadline(due, input.lang) }),
      });
    }
  });
  return { kind: 'requested', id, callBy: due, emailed: Boolean(email) };
}

/** An ISO 8601 moment with an offset, or null. */
export function instantOf(text: unknown): Temporal.Instant | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  try {
    return Temporal.Instant.from(text);
  } catch {
    return null;
  }
}

/** The form's day and HH:MM times as Riga instants, or null. */
export function rigaInstant(day: string, time: string): Temporal.Instant | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  try {
    return Temporal.PlainDateTime.from(`${day}T${time}`, { overflow: 'reject' }).toZonedDateTime('Europe/Riga').toInstant();
  } catch {
    return null;
  }
}

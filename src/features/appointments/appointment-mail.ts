import ical from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { onDayPhrase } from '../../domain/latvian-text/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { RIGA } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { translator, type MessageKey } from '../../platform/i18n/index.ts';
import { queueMail, type OutgoingMail } from '../../platform/mail/mail.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { AppointmentRow } from './appointments.repository.ts';

/** What a client mail tells of an appointment (a booking about to be stored has all of it). */
type MailedAppointment = Pick<AppointmentRow, 'id' | 'agency' | 'centreId' | 'serviceId' | 'startsAt' | 'endsAt' | 'bookingCode' | 'clientName' | 'clientEmail' | 'language'>;
import { findPlace, findService, hasQueueKiosk } from './places.ts';
import { formatter } from '../../web/format.ts';

type Lang = 'lv' | 'en';
const langOf = (row: MailedAppointment): Lang => (row.language === 'en' ? 'en' : 'lv');

/**
 * "ceturtdien, 2026. gada 19. novembrī, plkst. 09:05" / "Thursday, 19 November 2026 at 09:05" in Riga time (mail needs
 * the year). Latvian in the form a sentence takes ("pieraksts … ceturtdien, 19. novembrī, ir atcelts"), not Intl's nominative.
 */
function formatWhen(date: Date, lang: Lang): string {
  if (lang === 'en') return formatter(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: RIGA }).format(date);
  const riga = Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(RIGA);
  return `${onDayPhrase(riga.toPlainDate().toString(), { year: true })}, plkst. ${riga.toPlainTime().toString({ smallestUnit: 'minute' })}`;
}

export function manageUrl(deps: Pick<AppDeps, 'config'>, row: Pick<AppointmentRow, 'id' | 'agency'>, token: string): string {
  return `${deps.config.publicUrl}/${row.agency}/pieraksts/mans/${row.id}?token=${encodeURIComponent(token)}`;
}

function describe(profile: AgencyProfile, row: MailedAppointment, lang: Lang) {
  const t = translator(lang);
  const place = findPlace(profile, row.centreId);
  const service = findService(profile, row.serviceId);
  const values = {
    name: row.clientName,
    service: service?.name[lang] ?? row.serviceId,
    when: formatWhen(row.startsAt, lang),
    place: place?.name[lang] ?? row.centreId,
    address: place?.address ?? '',
    code: row.bookingCode,
    agency: profile.name[lang],
  };
  return { t, values };
}

/**
 * The appointment as an iCalendar event (RFC 5545), with the same UID on every send so a calendar updates it.
 * No METHOD: the file is an event to add to a calendar, not an iTIP message (RFC 5546 would require METHOD:REQUEST
 * to carry an ORGANIZER and ATTENDEEs and to count SEQUENCE on every change, which a client's own calendar does
 * not need). A cancelled appointment gets no file at all.
 */
export function appointmentIcs(profile: AgencyProfile, row: MailedAppointment, lang: Lang, stamp: Date = new Date()): string {
  const { t, values } = describe(profile, row, lang);
  const calendar = ical({ prodId: { company: 'Apkalpe', product: 'appointments', language: lang.toUpperCase() } });
  calendar.createEvent({
    id: `${row.id}@appointments.apkalpe.lv`,
    start: row.startsAt,
    end: row.endsAt,
    stamp,
    summary: t('appointments.mail.icsSummary', values),
    location: `${values.place}, ${values.address}`,
    description: [codeLine({ t, values }, profile, row), t('appointments.mail.bring')].join('\n'),
  });
  // RFC 5545 ends every content line with CRLF, the last one too (ical-generator leaves the last one bare).
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

type Described = ReturnType<typeof describe>;

/** The booking code and what to do with it: typed at the queue kiosk only where the centre has one. */
function codeLine({ t, values }: Pick<Described, 't' | 'values'>, profile: AgencyProfile, row: MailedAppointment): string {
  return hasQueueKiosk(profile, row.centreId) ? t('appointments.mail.code', values) : t('appointments.mail.codeNoKiosk', values);
}

/** The visit's facts every client mail repeats: when, where, the code, what to bring, the duty to tell. */
function visitLines(described: Described, profile: AgencyProfile, row: MailedAppointment): string[] {
  const { t, values } = described;
  return [t('appointments.mail.when', values), t('appointments.mail.where', values), codeLine(described, profile, row), '', t('appointments.mail.bring'), t('appointments.mail.duty')];
}

/** A mail to the client in their language (none without an address): greeting, the lines, signature, and the .ics when asked. */
function clientMail(
  deps: Pick<AppDeps, 'config'>,
  profile: AgencyProfile,
  row: MailedAppointment,
  subject: MessageKey,
  lines: (described: Described) => string[],
  withIcs = false,
): OutgoingMail | undefined {
  if (!row.clientEmail) return undefined;
  const lang = langOf(row);
  const described = describe(profile, row, lang);
  const { t, values } = described;
  const text = [t('appointments.mail.greeting', values), '', ...lines(described), '', t('appointments.mail.signature', values)];
  return {
    agency: profile.slug,
    to: row.clientEmail,
    subject: t(subject, values),
    text: text.join('\n'),
    ...(withIcs ? { attachments: [{ fileName: 'pieraksts.ics', contentType: 'text/calendar; charset=utf-8', content: Buffer.from(appointmentIcs(profile, row, lang)) }] } : {}),
  };
}

/** The client mail, if any, queued in the outbox (inside the caller's transaction when `db` is one). */
async function queueClientMail(deps: AppDeps, db: Database, mail: OutgoingMail | undefined): Promise<void> {
  if (mail) await queueMail({ ...deps, db }, mail);
}

/** Confirmation with the .ics (no METHOD, see appointmentIcs), the address, what to bring and the private manage link (none without an e-mail address). */
export function confirmationMail(deps: Pick<AppDeps, 'config'>, profile: AgencyProfile, row: MailedAppointment, token: string): OutgoingMail | undefined {
  return clientMail(deps, profile, row, 'appointments.mail.confirmationSubject', (d) => [
    d.t('appointments.mail.confirmed', d.values),
    ...visitLines(d, profile, row),
    '',
    d.t('appointments.mail.manage', { url: manageUrl(deps, row, token) }),
  ], true);
}

/** The reminder the working day before, with the manage link (`manageToken`: the reminder's token, see manage-link.ts). */
export function reminderMail(deps: AppDeps, db: Database, profile: AgencyProfile, row: AppointmentRow, manageToken: string): Promise<void> {
  return queueClientMail(deps, db, clientMail(deps, profile, row, 'appointments.mail.reminderSubject', (d) => [
    d.t('appointments.mail.reminder', d.values),
    ...visitLines(d, profile, row),
    '',
    d.t('appointments.mail.manage', { url: manageUrl(deps, row, manageToken) }),
  ]));
}

/** Tells the client the agency cancelled (closure) or moved the appointment. */
export function changeByAgencyMail(
  deps: AppDeps,
  db: Database,
  profile: AgencyProfile,
  row: AppointmentRow,
  change: { kind: 'cancelled'; reason: string } | { kind: 'moved' },
): Promise<void> {
  if (change.kind === 'moved') {
    return queueClientMail(deps, db, clientMail(deps, profile, row, 'appointments.mail.movedSubject', ({ t, values }) => [t('appointments.mail.moved', values), t('appointments.mail.where', values)], true));
  }
  return queueClientMail(deps, db, clientMail(deps, profile, row, 'appointments.mail.cancelledSubject', ({ t, values }) => [
    t('appointments.mail.cancelled', values),
    t('appointments.mail.cancelledBecause', { reason: change.reason }),
    t('appointments.mail.rebook', { url: `${deps.config.publicUrl}/${profile.slug}/pieraksts` }),
  ]));
}

import ical, { ICalCalendarMethod } from 'ical-generator';
import type { AppDeps } from '../../platform/deps.ts';
import type { Database } from '../../platform/db/client.ts';
import { translator } from '../../platform/i18n/index.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { AppointmentRow } from './appointments.repository.ts';
import { findPlace, findService } from './places.ts';
import { formatter } from '../../web/format.ts';

type Lang = 'lv' | 'en';
const langOf = (row: AppointmentRow): Lang => (row.language === 'en' ? 'en' : 'lv');

/** "2026. gada 19. novembrī 09:05" / "19 November 2026, 09:05" in Riga time. */
export function formatWhen(date: Date, lang: Lang): string {
  return formatter(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Riga' }).format(date);
}

export function manageUrl(deps: Pick<AppDeps, 'config'>, row: AppointmentRow, token: string): string {
  return `${deps.config.publicUrl}/${row.agency}/pieraksts/mans/${row.id}?token=${encodeURIComponent(token)}`;
}

function describe(profile: AgencyProfile, row: AppointmentRow, lang: Lang) {
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

/** The appointment as an iCalendar event (RFC 5545), with the same UID on every send so a calendar updates it. */
export function appointmentIcs(profile: AgencyProfile, row: AppointmentRow, lang: Lang, cancelled = false): string {
  const { t, values } = describe(profile, row, lang);
  const calendar = ical({ prodId: { company: 'Apkalpe', product: 'appointments', language: lang.toUpperCase() }, method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: `${row.id}@appointments.apkalpe.lv`,
    start: row.startsAt,
    end: row.endsAt,
    stamp: new Date(),
    summary: t('appointments.mail.icsSummary', values),
    location: `${values.place}, ${values.address}`,
    description: [t('appointments.mail.code', values), t('appointments.mail.bring')].join('\n'),
    ...(cancelled ? { status: 'CANCELLED' as never } : {}),
  });
  return calendar.toString();
}

function body(lines: Array<string | false>): string {
  return lines.filter((l): l is string => l !== false).join('\n');
}

type MailKind = 'confirmation' | 'reminder';

/** The visit's facts every client mail repeats: when, where, the code, what to bring, the duty to tell. */
function visitLines(t: ReturnType<typeof describe>['t'], values: ReturnType<typeof describe>['values']): string[] {
  return [t('appointments.mail.when', values), t('appointments.mail.where', values), t('appointments.mail.code', values), '', t('appointments.mail.bring'), t('appointments.mail.duty')];
}

async function visitMail(deps: AppDeps, db: Database, profile: AgencyProfile, row: AppointmentRow, kind: MailKind, token?: string): Promise<void> {
  if (!row.clientEmail) return;
  const lang = langOf(row);
  const { t, values } = describe(profile, row, lang);
  const confirmation = kind === 'confirmation';
  await queueMail({ ...deps, db }, {
    agency: profile.slug,
    to: row.clientEmail,
    subject: t(confirmation ? 'appointments.mail.confirmationSubject' : 'appointments.mail.reminderSubject', values),
    text: body([
      t('appointments.mail.greeting', values),
      '',
      t(confirmation ? 'appointments.mail.confirmed' : 'appointments.mail.reminder', values),
      ...visitLines(t, values),
      '',
      token !== undefined && t('appointments.mail.manage', { url: manageUrl(deps, row, token) }),
      token !== undefined && '',
      t('appointments.mail.signature', values),
    ]),
    ...(confirmation
      ? { attachments: [{ fileName: 'pieraksts.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: Buffer.from(appointmentIcs(profile, row, lang)) }] }
      : {}),
  });
}

/** Confirmation with the .ics, the address, what to bring and the private manage link. */
export function confirmationMail(deps: AppDeps, db: Database, profile: AgencyProfile, row: AppointmentRow, token: string): Promise<void> {
  return visitMail(deps, db, profile, row, 'confirmation', token);
}

/** The reminder the working day before. */
export function reminderMail(deps: AppDeps, db: Database, profile: AgencyProfile, row: AppointmentRow): Promise<void> {
  return visitMail(deps, db, profile, row, 'reminder');
}

/** Tells the client the agency cancelled (closure) or moved the appointment. */
export async function changeByAgencyMail(
  deps: AppDeps,
  db: Database,
  profile: AgencyProfile,
  row: AppointmentRow,
  change: { kind: 'cancelled'; reason: string } | { kind: 'moved' },
): Promise<void> {
  if (!row.clientEmail) return;
  const lang = langOf(row);
  const { t, values } = describe(profile, row, lang);
  const cancelled = change.kind === 'cancelled';
  await queueMail({ ...deps, db }, {
    agency: profile.slug,
    to: row.clientEmail,
    subject: t(cancelled ? 'appointments.mail.cancelledSubject' : 'appointments.mail.movedSubject', values),
    text: body([
      t('appointments.mail.greeting', values),
      '',
      cancelled ? t('appointments.mail.cancelled', values) : t('appointments.mail.moved', values),
      cancelled && t('appointments.mail.cancelledBecause', { reason: change.reason }),
      !cancelled && t('appointments.mail.where', values),
      cancelled && t('appointments.mail.rebook', { url: `${deps.config.publicUrl}/${profile.slug}/pieraksts` }),
      '',
      t('appointments.mail.signature', values),
    ]),
    attachments: [{ fileName: 'pieraksts.ics', contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}`, content: Buffer.from(appointmentIcs(profile, row, lang, cancelled)) }],
  });
}

import { isOpen } from '../../domain/inquiry/index.ts';
import type { AuditOrigin } from '../../platform/audit/audit.ts';
import { runCommand } from '../../platform/commands/run-command.ts';
import { rigaToday } from '../../platform/clock.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/index.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import type { OutboxRow } from '../../platform/mail/mail.repository.ts';
import { formatDate } from '../../web/format.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { insertInquiryEvent, type InquiryRow } from './inquiries.repository.ts';
import { findActiveStaffUser, hasDeadlineWarning, listOpenInquiriesDueBetween, listSupervisors, lockInquiry } from './inquiries-staff.repository.ts';
import { NEAR_DEADLINE_WORKING_DAYS } from './inquiries-staff.schema.ts';

type WarningDeps = Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>;

const SYSTEM: AuditOrigin = { actorId: null, actorLabel: 'system', ip: null };

function warningMail(deps: WarningDeps, inquiry: InquiryRow): { subject: string; text: string } {
  const link = `${deps.config.publicUrl}/staff/${inquiry.agency}/iesniegumi/${inquiry.id}`;
  const render = (lang: 'lv' | 'en') => {
    const t = translator(lang);
    const values = { reference: inquiry.reference, date: formatDate(inquiry.deadline, lang), status: t(`inquiries.staff.statuses.${inquiry.status}`), link };
    return { subject: t('inquiries.staff.notice.warningSubject', values), text: t('inquiries.staff.notice.warningText', values) };
  };
  const lv = render('lv');
  const en = render('en');
  // Only the reference and the deadline travel by e-mail: the personal data stays behind the sign-in.
  return { subject: lv.subject, text: `${lv.text}\n\n${en.text}` };
}

/** Queues the warnings of one inquiry, once per deadline; the row lock keeps two workers from both sending. */
async function warnOne(deps: WarningDeps, id: string, today: string, limit: string): Promise<number> {
  return runCommand(deps, SYSTEM, async (db) => {
    const inquiry = await lockInquiry(db, id);
    if (!inquiry || !isOpen(inquiry.status) || inquiry.deadline < today || inquiry.deadline > limit) return { result: 0 };
    if (await hasDeadlineWarning(db, inquiry.id, inquiry.deadline)) return { result: 0 };
    const recipients = new Map<string, string>();
    const assignee = inquiry.assigneeId ? await findActiveStaffUser(db, inquiry.assigneeId) : undefined;
    if (assignee) recipients.set(assignee.id, assignee.email);
    for (const supervisor of await listSupervisors(db, inquiry.agency)) recipients.set(supervisor.id, supervisor.email);
    const mail = warningMail(deps, inquiry);
    const queued: OutboxRow[] = [];
    for (const to of new Set(recipients.values())) {
      queued.push(await queueMail({ db, clock: deps.clock, config: deps.config }, { agency: inquiry.agency, to, ...mail, headers: { 'X-Apkalpe-Reference': inquiry.reference } }));
    }
    const details = { deadline: inquiry.deadline, recipients: queued.map((m) => m.toAddress) };
    await insertInquiryEvent(db, { inquiryId: inquiry.id, at: new Date(deps.clock().epochMilliseconds), kind: 'deadline-warning', details });
    return { result: queued.length, audit: { action: 'inquiry.deadline-warning', recordType: 'inquiry', recordId: inquiry.id, agency: inquiry.agency, details }, mails: queued };
  });
}

/**
 * Warns assignees and supervisors of open inquiries whose deadline is today or within
 * NEAR_DEADLINE_WORKING_DAYS working days (agency calendar, Riga date); returns how many warnings were queued.
 * Each inquiry is warned once per deadline: an extended deadline is warned about again.
 */
export async function sendDeadlineWarnings(deps: Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>): Promise<number> {
  const today = rigaToday(deps.clock);
  const calendar = await loadCalendar(deps);
  const limit = calendar.addWorkingDays(today, NEAR_DEADLINE_WORKING_DAYS);
  const due = await listOpenInquiriesDueBetween(deps.db, today, limit);
  let warnings = 0;
  for (const candidate of due) warnings += await warnOne(deps, candidate.id, today, limit);
  return warnings;
}

import { withTransaction } from '../../platform/db/transaction.ts';
import { Temporal } from 'temporal-polyfill';
import { rigaToday } from '../../platform/clock.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { reminderMail } from './appointment-mail.ts';
import { reminderManageToken } from './manage-link.ts';
import { appointmentsToRemind, claimReminder } from './appointments.repository.ts';
import { rigaStartOfDay, toDate } from './time-format.ts';

/**
 * On a working day, e-mails a reminder for every booked appointment from tomorrow up to and including the
 * next working day (so Friday reminds about Monday). Each reminder goes once: it is claimed in the database
 * in the same transaction that queues the mail. Returns how many were sent.
 */
export async function sendReminders(deps: AppDeps): Promise<number> {
  const calendar = await loadCalendar(deps);
  const today = rigaToday(deps.clock);
  if (!calendar.isWorkingDay(today)) return 0;
  const next = calendar.addWorkingDays(today, 1);
  const from = rigaStartOfDay(Temporal.PlainDate.from(today).add({ days: 1 }).toString());
  const to = rigaStartOfDay(Temporal.PlainDate.from(next).add({ days: 1 }).toString());
  let sent = 0;
  for (const row of await appointmentsToRemind(deps.db, toDate(from), toDate(to))) {
    const profile = deps.agencies.get(row.agency);
    if (!profile) continue;
    // The key behind the reminder's manage token is read before the transaction (one connection on PGlite).
    const manageToken = row.clientEmail ? await reminderManageToken(deps, row) : '';
    const claimed = await withTransaction(deps.db, async (db) => {
      if (!(await claimReminder(db, row.id, toDate(deps.clock())))) return false;
      await reminderMail(deps, db, profile, row, manageToken);
      return true;
    });
    if (claimed && row.clientEmail) sent++;
  }
  return sent;
}

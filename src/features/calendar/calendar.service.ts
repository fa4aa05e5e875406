import { KNOWN_CALENDAR_ENTRIES, LatvianCalendar } from '../../domain/calendar/index.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { claimSetting } from '../../platform/settings.repository.ts';
import type { Database } from '../../platform/db/client.ts';
import { insertCalendarEntriesIfAbsent, listCalendarEntries, toCalendarEntry } from './calendar.repository.ts';

/**
 * The agency calendar from the current table. The table is small (dozens of
 * rows), so it is read per use: every process sees an administrator's change at once.
 */
export async function loadCalendar(deps: Pick<ServiceDeps, 'db'>): Promise<LatvianCalendar> {
  const rows = await listCalendarEntries(deps.db);
  return new LatvianCalendar(rows.map(toCalendarEntry));
}

/** Seeds the known one-off holidays and Cabinet-order transfers once; later edits are the administrators'. */
export async function seedKnownCalendarEntries(deps: Pick<ServiceDeps, 'db'>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Database;
    if (await claimSetting(db, 'calendar_seeded', new Date().toISOString())) {
      await insertCalendarEntriesIfAbsent(db, KNOWN_CALENDAR_ENTRIES);
    }
  });
}

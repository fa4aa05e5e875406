import { withTransaction } from '../../platform/db/transaction.ts';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { METRICS } from '../../domain/standard-figures/index.ts';
import { rigaToday } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { bookingWindow } from '../../domain/booking/index.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { bookingRulesOf, placesOf, servicesOf } from '../appointments/places.ts';
import { freeSlots } from '../appointments/slot-search.service.ts';
import type { RefreshDeps } from './refresh.service.ts';

/**
 * The daily sample behind appointments.daysToFirstFreeSlot: for every place of every agency, the working days
 * from today to the earliest free slot of any of its services (none free within the booking horizon: the
 * horizon's working days, a lower bound). One row per place and day; a second run the same day replaces it.
 */
export async function sampleFirstFreeSlots(deps: RefreshDeps): Promise<{ sampled: number }> {
  const calendar = await loadCalendar(deps);
  const now = deps.clock();
  const today = rigaToday(deps.clock);
  let sampled = 0;
  for (const profile of deps.agencies.list()) {
    const window = bookingWindow(now, bookingRulesOf(profile), calendar);
    const services = servicesOf(profile);
    for (const place of placesOf(profile)) {
      let first: string | null = null;
      for (const service of services.filter((s) => place.services.includes(s.id))) {
        const slots = await freeSlots(deps.db, calendar, now, profile, service, [place], { from: window.today, to: window.latest });
        const date = slots[0]?.startIso.slice(0, 10) ?? null;
        if (date && (!first || date < first)) first = date;
      }
      const until = first ?? window.latest;
      const workingDays = Temporal.PlainDate.compare(Temporal.PlainDate.from(until), Temporal.PlainDate.from(today)) > 0 ? calendar.countWorkingDays(today, until) : 0;
      await writeSample(deps.db, profile.slug, today, place.id, workingDays);
      sampled += 1;
    }
  }
  return { sampled };
}

async function writeSample(db: Database, agency: string, day: string, centre: string, workingDays: number): Promise<void> {
  await withTransaction(db, async (t) => {
    await t.execute(sql`delete from standard_figure_days where agency = ${agency} and day = ${day} and metric = ${METRICS.firstFreeSlot} and centre_key = ${centre}`);
    await t.execute(sql`insert into standard_figure_days (agency, day, metric, centre_key, channel_key, bucket, n) values (${agency}, ${day}, ${METRICS.firstFreeSlot}, ${centre}, '', ${workingDays}, 1)`);
  });
}

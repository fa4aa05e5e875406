import type { AppDeps } from '../platform/deps.ts';
import { seedKnownCalendarEntries } from './calendar/calendar.service.ts';
import { seedKnowledgeBase } from './knowledge-base/faq.seed.ts';

/** Once-only seed data, run at every start (each seeder knows whether it already ran). */
export async function runSeeds(deps: Pick<AppDeps, 'db' | 'agencies'>): Promise<void> {
  await seedKnownCalendarEntries(deps);
  await seedKnowledgeBase(deps);
}

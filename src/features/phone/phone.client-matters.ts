import { sql } from 'drizzle-orm';
import type { ClientMatterSource } from '../client-access/client-matter-source.ts';
import type { Language } from '../../platform/i18n/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { rowsOf } from '../privacy/sql-template.ts';
import { phoneTopics } from './phone-lines.ts';

// The client's open callback requests at /{agency}/mani (collected in client-access/client-matters.ts). Callbacks
// have no person index: only open ones are listed, found on the callbacks work list's partial index (agency, open or
// taken) by the normalised e-mail the client gave. A client cannot cancel a callback (the phone feature has no such
// action), so the list shows the window and the state only.
const OPEN = sql`t.status in ('open', 'taken')`;

export const phoneClientMatters: ClientMatterSource = {
  name: 'callbacks',
  exists: async (db, p) => (await rowsOf(db, sql`select 1 from phone_callbacks t where t.agency = ${p.agency} and ${OPEN} and lower(btrim(t.email)) = ${p.email} limit 1`)).length > 0,
  collect: async (db, p, into) => {
    const rows = await rowsOf<{ id: string; status: string; topic: string; requested_at: string | Date; window_from: string | Date; window_to: string | Date }>(
      db,
      sql`select id::text as id, status, topic, requested_at, window_from, window_to from phone_callbacks t
          where t.agency = ${p.agency} and ${OPEN} and lower(btrim(t.email)) = ${p.email} order by window_from limit 50`,
    );
    const iso = (v: string | Date) => new Date(v).toISOString();
    into.callbacks.push(...rows.map((r) => ({ id: r.id, status: r.status, topic: r.topic, requestedAt: iso(r.requested_at), windowFrom: iso(r.window_from), windowTo: iso(r.window_to) })));
  },
};

/** A callback's topic as the client chose it (its id when the profile no longer has it). */
export function callbackTopicName(profile: AgencyProfile, id: string, lang: Language): string {
  return phoneTopics(profile).find((topic) => topic.id === id)?.name[lang] ?? id;
}

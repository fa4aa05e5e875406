import { sql } from 'drizzle-orm';
import type { ClientMatterSource } from '../client-access/client-matter-source.ts';
import { keyArray } from '../client-access/client-matter-source.ts';
import { rowsOf } from '../privacy/sql-template.ts';

// The client's own inquiries at /{agency}/mani (collected in client-access/client-matters.ts): found by the keyed
// hash of the e-mail (person_keys, GIN-indexed); followed on the public follow-up page with the access code.
export const inquiriesClientMatters: ClientMatterSource = {
  name: 'inquiries',
  exists: async (db, p) => (await rowsOf(db, sql`select 1 from inquiries t where t.agency = ${p.agency} and t.person_keys && ${keyArray(p.emailKey)}::text[] limit 1`)).length > 0,
  collect: async (db, p, into) => {
    const rows = await rowsOf<{ reference: string; status: string; received_on: string; deadline: string }>(
      db,
      sql`select reference, status, received_on::text as received_on, deadline::text as deadline from inquiries t
          where t.agency = ${p.agency} and t.person_keys && ${keyArray(p.emailKey)}::text[] order by received_at desc limit 200`,
    );
    into.inquiries.push(...rows.map((r) => ({ reference: r.reference, status: r.status, receivedOn: r.received_on, deadline: r.deadline })));
  },
};

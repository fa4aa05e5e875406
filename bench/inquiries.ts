// Inquiry figures on PostgreSQL with 1,000,000 inquiries (issue: written inquiries):
//   staff inbox page (one agency, open, by deadline, 50 rows)  p95 < 50 ms
//   full-text search in the inbox                              p95 < 200 ms
//   filing a question from the public API, 50 concurrent       p95 < 30 ms
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- inquiries
// (a fresh database is created and dropped; BENCH_INQUIRIES overrides the row count).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createStaffUser } from '../src/features/staff/staff.service.ts';
import { benchPlatform, getOk, report, signIn, timeConcurrent, timePaced, timeSequential } from './measure.ts';

const ROWS = Number(process.env.BENCH_INQUIRIES ?? 1_000_000);
const platform = await benchPlatform();
try {
  const db = platform.deps.db;
  let t0 = performance.now();
  // Bulk data in SQL: three years of inquiries across both agencies. As in real life, those received in
  // the last three weeks are mostly open; older ones are answered or closed, with a few stale ones left open.
  await db.execute(sql`
    insert into inquiries (agency, reference, access_code_hash, channel, received_at, received_on, topic, subject,
      requester_name, requester_email, status, term_rule, deadline, forward_deadline, search_text)
    select case when i % 3 = 0 then 'kase' else 'vsaa' end,
           case when i % 3 = 0 then 'KASE' else 'VSAA' end || '-' || (2026 - (i % 1095) / 365) || '-' || lpad(i::text, 7, '0'),
           md5(i::text), (array['web-form','email','post','e-address','national-portal'])[1 + i % 5],
           now() - (i % 1095) * interval '1 day', (current_date - (i % 1095)),
           (array['pensijas','pabalsti','dokumenti','konti'])[1 + i % 4], 'Jautājums ' || i,
           'Klients ' || i, 'klients' || i || '@example.lv',
           case when i % 1095 < 21 then (array['new','assigned','waiting-for-client','assigned','answered'])[1 + i % 5]
                when i % 1000 = 7 then 'assigned'
                else (array['closed','closed','answered','closed','forwarded','closed','unexamined','closed'])[1 + i % 8] end,
           'submission.answer', current_date - (i % 1095) + 14, current_date - (i % 1095) + 7,
           lower(case when i % 3 = 0 then 'kase' else 'vsaa' end || '-' || lpad(i::text, 7, '0') || ' klients ' || i || ' ' ||
             (array['pensijas parrekins','pabalsta izmaksa','slimibas pabalsts','konta slegsana','parakstu kartite','vecaka pabalsts'])[1 + i % 6])
    from generate_series(1, ${ROWS}) as i`);
  await db.execute(sql`analyze inquiries`);
  console.log(`seeded ${ROWS} inquiries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  await createStaffUser({ ...platform.deps, agencyExists: () => true }, { actorId: null, actorLabel: 'bench', ip: null }, {
    email: 'bench@vsaa.test', name: 'Bench', password: 'bench-password-123', agency: 'vsaa', role: 'specialist',
  });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const cookie = await signIn(base, 'bench@vsaa.test', 'bench-password-123');
  const inbox = await timeSequential(200, () => getOk(`${base}/staff/vsaa/iesniegumi?status=open`, cookie));
  report('inbox page (open, by deadline, 50 rows)', inbox, 50);
  const search = await timeSequential(100, (i) => getOk(`${base}/staff/vsaa/iesniegumi?q=${['pabalsts', 'klients 4242', 'parrekins', 'konta'][i % 4]}`, cookie));
  report('inbox search', search, 200);
  const file = (i: number) => postJson(`${base}/api/v1/agencies/vsaa/inquiries`, {
    name: `Bench ${i}`, email: `bench${i}@example.lv`, text: `Jautājums par pabalstu ${randomBytes(4).toString('hex')}`,
  });
  // 50 clients on the form at once, each sending a question every 2 s (25 filings/s, far above a real day's
  // peak), then the same 50 clients sending back to back with no pause (the saturation point of this machine).
  const paced = await timePaced(50, 20, 2000, file);
  report('filing, 50 concurrent clients, one question each every 2 s', paced, 30);
  t0 = performance.now();
  const saturated = await timeConcurrent(50, 1000, (i) => file(100_000 + i));
  report('filing, 50 clients back to back (saturation)', saturated, 30);
  console.log(`filing throughput at saturation: ${(1000 / ((performance.now() - t0) / 1000)).toFixed(0)} inquiries/s`);
} finally {
  await platform.close();
}



async function postJson(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}


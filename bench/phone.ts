// Phone line on PostgreSQL with 1,000,000 logged calls (issue 15):
//   saving a logged call (row + hourly and duration aggregates + audit row)   p95 < 30 ms
//   phone figures for one year (per topic, day, hour, weekday×hour, outcomes,
//   median handling time, callbacks within the promise)                        p95 < 300 ms
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- phone
// (a fresh database is created and dropped; BENCH_PHONE_CALLS overrides the row count).
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { logCall } from '../src/features/phone/calls.service.ts';
import { computeFigures } from '../src/features/phone/figures.service.ts';
import { createStaffUser } from '../src/features/staff/staff.service.ts';
import { benchPlatform, getOk, report, signIn, timeConcurrent, timeSequential } from './measure.ts';

const CALLS = Number(process.env.BENCH_PHONE_CALLS ?? 1_000_000);

const platform = await benchPlatform();
try {
  const db = platform.deps.db;
  let t0 = performance.now();
  // One year of the Treasury line (the worst case: every call in one agency), working hours 08:30–17:15 Riga,
  // five topics, five outcomes, 30 s – 15 min.
  await db.execute(sql`
    insert into phone_calls (agency, line_id, topic, outcome, started_at, duration_seconds, staff_id, note)
    select 'kase', 'talrunis',
           (array['konti','parakstu-kartites','e-pakalpojumi','maksajumi','citi'])[1 + i % 5],
           (array['answered','answered','callback-arranged','written-inquiry-needed','forwarded','appointment-booked'])[1 + (i / 5) % 6],
           (date_trunc('day', now() at time zone 'Europe/Riga') - (i % 365) * interval '1 day' + interval '8 hours 30 minutes'
             + ((i::bigint * 7919) % 31500) * interval '1 second') at time zone 'Europe/Riga',
           30 + (i * 31) % 870, null, ''
    from generate_series(1, ${CALLS}) as i`);
  console.log(`seeded ${CALLS} calls in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now();
  await db.execute(sql`
    insert into phone_call_hours (agency, hour, topic, outcome, calls, seconds)
    select agency, date_trunc('hour', started_at), topic, coalesce(outcome, ''), count(*), sum(coalesce(duration_seconds, 0))
    from phone_calls group by 1, 2, 3, 4`);
  await db.execute(sql`
    insert into phone_call_durations (agency, day, duration_seconds, calls)
    select agency, (started_at at time zone 'Europe/Riga')::date, duration_seconds, count(*)
    from phone_calls where duration_seconds is not null group by 1, 2, 3`);
  await db.execute(sql`
    insert into phone_callbacks (agency, line_id, topic, name, phone, window_from, window_to, requested_at, call_by, status, closed_at, failed_attempts)
    select 'kase', 'talrunis', 'konti', 'Klients ' || i, '+3712' || lpad(i::text, 7, '0'),
           now() - (i % 365) * interval '1 day', now() - (i % 365) * interval '1 day' + interval '1 hour',
           now() - (i % 365) * interval '1 day' - interval '1 day', now() - (i % 365) * interval '1 day' + interval '8 hours',
           case when i % 10 = 0 then 'unreachable' else 'reached' end,
           now() - (i % 365) * interval '1 day' + case when i % 7 = 0 then interval '1 day' else interval '2 hours' end,
           case when i % 10 = 0 then 3 else 0 end
    from generate_series(1, 20000) as i`);
  await db.execute(sql`analyze`);
  const sizes = (await db.execute(sql`select (select count(*) from phone_call_hours)::int as hours, (select count(*) from phone_call_durations)::int as durations`)) as unknown as { rows: Array<{ hours: number; durations: number }> };
  console.log(`built the aggregates (${sizes.rows[0]?.hours} hour rows, ${sizes.rows[0]?.durations} duration rows) and 20,000 callbacks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const users = await Promise.all(
    ['specialist', 'supervisor'].map((role) =>
      createStaffUser({ ...platform.deps, agencyExists: () => true }, { actorId: null, actorLabel: 'bench', ip: null }, {
        email: `${role}@kase.test`, name: `Bench ${role}`, password: 'bench-password-123', agency: 'kase', role: role as 'specialist' | 'supervisor',
      }),
    ),
  );
  const specialist = users[0] as { id: string; email: string; name: string };
  const scope = { actor: { id: specialist.id, email: specialist.email, name: specialist.name, memberships: [{ agency: 'kase', role: 'specialist' as const }], sessionId: 'bench' }, agency: 'kase', role: 'specialist' as const };
  const origin = { actorId: specialist.id, actorLabel: specialist.email, ip: '127.0.0.1' };
  const topics = ['konti', 'parakstu-kartites', 'e-pakalpojumi', 'maksajumi', 'citi'];
  const save = (i: number) =>
    logCall(platform.deps, scope, origin, { topic: topics[i % 5] as string, outcome: 'answered', duration: String(30 + (i % 600)), note: 'Bench', ...(i % 4 === 0 ? { personalCode: '010101-10006' } : {}) }, 'lv').then((r) => {
      if (r.kind !== 'logged') throw new Error(`save ${i}: ${JSON.stringify(r)}`);
    });
  report('logCall: save one call (sequential)', await timeSequential(500, save), 30);
  report('logCall: save one call (10 specialists at once)', await timeConcurrent(10, 1000, (i) => save(i + 10_000)), 30);

  const today = Temporal.Now.plainDateISO('Europe/Riga');
  const year = { from: today.subtract({ days: 364 }).toString(), to: today.toString() };
  report('computeFigures: one year, 1,000,000 calls', await timeSequential(50, () => computeFigures(db, 'kase', year, Temporal.Now.instant()).then(() => undefined)), 300);

  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const cookie = await signIn(base, 'supervisor@kase.test', 'bench-password-123');
  report('GET /staff/kase/talrunis/skaitli (one year, page with charts)', await timeSequential(30, () => getOk(`${base}/staff/kase/talrunis/skaitli?from=${year.from}&to=${year.to}`, cookie)), 300);
  report('GET /staff/kase/talrunis/skaitli.csv (one year)', await timeSequential(30, () => getOk(`${base}/staff/kase/talrunis/skaitli.csv?from=${year.from}&to=${year.to}`, cookie)), 300);
} finally {
  await platform.close();
}

// "Is the standard kept?" on PostgreSQL (issue 19): one agency (VSAA), one year of records —
//   1,000,000 inquiries (90 % answered), 1,000,000 queue tickets, 1,000,000 survey responses, 200,000 appointments
//   and 500,000 logged calls.
//   staff dashboard /staff/vsaa/standarts          p95 < 300 ms
//   public page /vsaa/standarts/izpilde           p95 < 100 ms
//   plus: the full rebuild of the aggregates and the every-minute refresh (today + yesterday), reported.
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- standard-figures
// (a fresh database is created and dropped; BENCH_SF_SCALE=0.1 seeds a tenth of the rows).
import { sql } from 'drizzle-orm';
import { rebuildAll, refreshRecent } from '../src/features/standard-figures/refresh.service.ts';
import { createStaffUser } from '../src/features/staff/staff.service.ts';
import { rigaToday } from '../src/platform/clock.ts';
import { benchPlatform, getOk, report, signIn, timeSequential } from './measure.ts';

const SCALE = Number(process.env.BENCH_SF_SCALE ?? 1);
const INQUIRIES = Math.round(1_000_000 * SCALE);
const TICKETS = Math.round(1_000_000 * SCALE);
const RESPONSES = Math.round(1_000_000 * SCALE);
const APPOINTMENTS = Math.round(200_000 * SCALE);
const CALLS = Math.round(500_000 * SCALE);

const platform = await benchPlatform();
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
try {
  const db = platform.deps.db;
  const centres = (platform.deps.agencies.get('vsaa')?.serviceCentres ?? []).map((c) => c.id);
  const centreArray = sql.raw(`array[${centres.map((c) => `'${c}'`).join(',')}]`);
  const channels = sql.raw(`array['web-form','email','e-address','post','national-portal','in-person','phone']`);
  let t0 = performance.now();
  // One year: record i falls on day i % 365 before today, at a working-hours time.
  await db.execute(sql`
    insert into inquiries (agency, reference, access_code_hash, channel, received_at, received_on, status, term_rule, deadline, forward_deadline, requester_name)
    select 'vsaa', 'VSAA/B/' || i, 'x', (${channels})[1 + i % 7], r, (r at time zone 'Europe/Riga')::date,
           case when i % 10 = 0 then 'assigned' when i % 50 = 1 then 'forwarded' else 'answered' end,
           'submission.answer', (r at time zone 'Europe/Riga')::date + 14, (r at time zone 'Europe/Riga')::date + 7, 'Klients ' || i
    from (select i, date_trunc('day', now()) - (i % 365) * interval '1 day' + interval '7 hours' + (i % 540) * interval '1 minute' as r
          from generate_series(1, ${INQUIRIES}) as i) s`);
  console.log(`seeded ${INQUIRIES} inquiries in ${seconds(t0)} s`);
  t0 = performance.now();
  await db.execute(sql`
    insert into inquiry_events (inquiry_id, at, kind, to_status)
    select id, received_at + ((abs(hashtext(reference)) % 20) * interval '1 day'),
           case when status = 'answered' then 'replied' else 'forwarded' end, status
    from inquiries where status in ('answered', 'forwarded')`);
  console.log(`seeded the answer / forward events in ${seconds(t0)} s`);
  t0 = performance.now();
  await db.execute(sql`
    insert into queue_tickets (agency, centre_id, service_id, day, running_number, number, status, channel, issued_at, first_called_at, called_at, updated_at)
    select 'vsaa', (${centreArray})[1 + i % ${centres.length}], 'pensijas', (t at time zone 'Europe/Riga')::date, i, 'P' || i, 'served', 'kiosk',
           t, t + (abs(hashtext(i::text)) % 3600) * interval '1 second', t + interval '10 minutes', t
    from (select i, date_trunc('day', now()) - (i % 365) * interval '1 day' + interval '7 hours' + (i % 540) * interval '1 minute' as t
          from generate_series(1, ${TICKETS}) as i) s`);
  console.log(`seeded ${TICKETS} queue tickets in ${seconds(t0)} s`);
  t0 = performance.now();
  await db.execute(sql`
    insert into feedback_invitations (agency, contact_kind, contact_ref, centre_id, month, created_at, expires_at, used_at)
    select 'vsaa', 'ticket', 'SF-' || i, (${centreArray})[1 + i % ${centres.length}], date_trunc('month', c)::date, c, c + interval '14 days', c + interval '1 hour'
    from (select i, now() - (i % 365) * interval '1 day' as c from generate_series(1, ${RESPONSES}) as i) s`);
  await db.execute(sql`
    insert into feedback_responses (invitation_id, agency, contact_kind, centre_id, month, ratings, submitted_at)
    select id, agency, contact_kind, centre_id, month,
           jsonb_build_object('overall', 1 + h % 5, 'competence', 1 + (h / 5) % 5, 'courtesy', 1 + (h / 25) % 5, 'clarity', 1 + (h / 125) % 5, 'timeliness', 1 + (h / 625) % 5),
           used_at
    from (select *, abs(hashtext(id::text)) as h from feedback_invitations) inv`);
  console.log(`seeded ${RESPONSES} survey invitations and responses in ${seconds(t0)} s`);
  t0 = performance.now();
  await db.execute(sql`
    insert into appointment_slots (agency, centre_id, service_id, starts_at, ends_at, capacity, taken)
    select 'vsaa', (${centreArray})[1 + i % ${centres.length}], 'pensijas', s, s + interval '20 minutes', 1, 1
    from (select i, date_trunc('day', now()) - (i % 365) * interval '1 day' + interval '7 hours' + (i / 365) * interval '1 minute' as s
          from generate_series(1, ${APPOINTMENTS}) as i) x`);
  await db.execute(sql`
    insert into appointments (agency, centre_id, service_id, slot_id, starts_at, ends_at, status, booking_code, manage_token_hash, channel, client_name, cancelled_at, cancel_reason)
    select agency, centre_id, service_id, id, starts_at, ends_at,
           (array['served','served','served','no-show','cancelled','arrived'])[1 + n % 6], 'B' || n, 'h', 'web', 'Klients ' || n,
           case when n % 6 = 4 then starts_at - interval '2 days' end, case when n % 6 = 4 then (case when n % 12 = 4 then 'client' else 'Slimība' end) end
    from (select *, row_number() over () as n from appointment_slots) s`);
  console.log(`seeded ${APPOINTMENTS} appointments in ${seconds(t0)} s`);
  t0 = performance.now();
  await db.execute(sql`
    insert into phone_calls (agency, topic, outcome, started_at, duration_seconds)
    select 'vsaa', (array['pensijas','pabalsti','citi'])[1 + i % 3], (array['answered','answered','callback-arranged','written-inquiry-needed'])[1 + i % 4],
           date_trunc('day', now()) - (i % 365) * interval '1 day' + interval '7 hours' + (i % 540) * interval '1 minute', 60 + i % 600
    from generate_series(1, ${CALLS}) as i`);
  console.log(`seeded ${CALLS} logged calls in ${seconds(t0)} s`);
  await db.execute(sql`analyze`);

  t0 = performance.now();
  await rebuildAll(platform.deps);
  console.log(`full rebuild of the aggregates (both agencies, a year of records): ${seconds(t0)} s`);
  const rows = (await db.execute(sql`select (select count(*) from standard_figure_days)::int as days, (select count(*) from standard_figure_months)::int as months`)) as unknown as { rows: Array<{ days: number; months: number }> };
  console.log(`aggregate rows: ${rows.rows[0]?.days} per day, ${rows.rows[0]?.months} per month`);
  await db.execute(sql`analyze`);
  report('every-minute refresh (today + yesterday, both agencies)', await timeSequential(10, () => refreshRecent(platform.deps, 2).then(() => undefined)));

  await createStaffUser({ ...platform.deps, agencyExists: () => true }, { actorId: null, actorLabel: 'bench', ip: null }, {
    email: 'bench@vsaa.test', name: 'Bench', password: 'bench-password-123', agency: 'vsaa', role: 'supervisor',
  });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const cookie = await signIn(base, 'bench@vsaa.test', 'bench-password-123');
  const today = rigaToday(platform.deps.clock);
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  report('GET /staff/vsaa/standarts (this month, 12-month trend)', await timeSequential(100, () => getOk(`${base}/staff/vsaa/standarts?period=month&month=${month}`, cookie)), 300);
  report('GET /staff/vsaa/standarts (quarter, 12-quarter trend)', await timeSequential(50, () => getOk(`${base}/staff/vsaa/standarts?period=quarter&quarter=${year}-Q1`, cookie)), 300);
  report('GET /staff/vsaa/standarts (year + centre filter)', await timeSequential(50, (i) => getOk(`${base}/staff/vsaa/standarts?period=year&year=${year}&centre=${centres[i % centres.length]}`, cookie)), 300);
  report('GET /staff/vsaa/standarts (from–to 90 days, day aggregates)', await timeSequential(50, () => getOk(`${base}/staff/vsaa/standarts?period=range&from=${year - 1}-10-01&to=${year - 1}-12-29`, cookie)), 300);
  report('GET /api/v1/staff/vsaa/standard-figures (this month)', await timeSequential(100, () => getOk(`${base}/api/v1/staff/vsaa/standard-figures?period=month&month=${month}`, cookie)), 300);
  // The figures are cached until the next refresh: the lines above are what a reader sees between refreshes.
  // Below, every request follows a "refresh" (refreshed_at moved on), so each one computes its figures afresh.
  const bump = () => db.execute(sql`update standard_figure_refreshes set refreshed_at = refreshed_at + interval '1 millisecond'`);
  report('GET /staff/vsaa/standarts (this month) — uncached', await timeSequential(50, async () => { await bump(); await getOk(`${base}/staff/vsaa/standarts?period=month&month=${month}`, cookie); }), 300);
  report('GET /staff/vsaa/standarts (year + centre) — uncached', await timeSequential(50, async (i) => { await bump(); await getOk(`${base}/staff/vsaa/standarts?period=year&year=${year}&centre=${centres[i % centres.length]}`, cookie); }), 300);
  report('GET /staff/vsaa/standarts (from–to 90 days) — uncached', await timeSequential(50, async () => { await bump(); await getOk(`${base}/staff/vsaa/standarts?period=range&from=${year - 1}-10-01&to=${year - 1}-12-29`, cookie); }), 300);
  report('GET /vsaa/standarts/izpilde (12 months) — uncached', await timeSequential(100, async () => { await bump(); await getOk(`${base}/vsaa/standarts/izpilde`, ''); }), 100);
  report('GET /vsaa/standarts/izpilde (12 months)', await timeSequential(200, () => getOk(`${base}/vsaa/standarts/izpilde`, '')), 100);
  report('GET /api/v1/agencies/vsaa/standard-figures (12 months)', await timeSequential(200, () => getOk(`${base}/api/v1/agencies/vsaa/standard-figures`, '')), 100);
  report('GET /api/v1/agencies/vsaa/standard-figures.csv (12 months)', await timeSequential(100, () => getOk(`${base}/api/v1/agencies/vsaa/standard-figures.csv`, '')), 100);
} finally {
  await platform.close();
}

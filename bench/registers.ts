// Registers on PostgreSQL with 100,000 entries in each register of one agency (issue 16):
//   list page (incidents, service errors, gifts), unfiltered and filtered    p95 < 50 ms
// Seeded with generate_series (VSAA 100,000 per register, the Treasury another 25,000 each; service errors with
// 1–4 steps). Measured over HTTP on a listening server, signed in as a supervisor (the page renders, the view is
// audited); a specialist's own list too.
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- registers
// (a fresh database is created and dropped; BENCH_REGISTER_ROWS overrides 100,000; BENCH_ROUNDS the 100 requests).
import { sql } from 'drizzle-orm';
import { createStaffUser } from '../src/features/staff/staff.service.ts';
import { benchPlatform, getOk, report, signIn, timeSequential } from './measure.ts';

const ROWS = Number(process.env.BENCH_REGISTER_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const ONLY_PLANS = process.env.BENCH_ONLY_PLANS === '1';
const TARGET_MS = 50;

const platform = await benchPlatform();
try {
  const db = platform.deps.db;
  const origin = { actorId: null, actorLabel: 'bench', ip: null };
  const supervisor = await createStaffUser({ ...platform.deps, agencyExists: () => true }, origin, { email: 'vaditajs@vsaa.test', name: 'Vadītājs', password: 'bench-password-123', agency: 'vsaa', role: 'supervisor' });
  const specialist = await createStaffUser({ ...platform.deps, agencyExists: () => true }, origin, { email: 'specialists@vsaa.test', name: 'Speciālists', password: 'bench-password-123', agency: 'vsaa', role: 'specialist' });
  const centres = (platform.deps.agencies.get('vsaa')?.serviceCentres ?? []).map((c) => c.id);
  const centreArray = sql.raw(`array[${centres.map((c) => `'${c}'`).join(',')}]`);
  const total = Math.round(ROWS * 1.25);
  // i % 5 = 0: the Treasury; one VSAA entry in ten is the specialist's.
  const agencyOf = sql.raw(`case when i % 5 = 0 then 'kase' else 'vsaa' end`);
  const recorder = sql`case when i % 10 = 1 then ${specialist.id}::uuid else ${supervisor.id}::uuid end`;

  let t0 = performance.now();
  await db.execute(sql`
    insert into register_incidents (agency, occurred_at, centre_id, channel_id, kind, description, actions, status, recorded_by, created_at, client)
    select ${agencyOf}, now() - (i % 1460) * interval '1 day' - (i % 600) * interval '1 minute',
      case when i % 7 <> 0 then (${centreArray})[1 + i % ${centres.length}] end, case when i % 7 = 0 then 'info-talrunis' end,
      (array['unauthorised-recording','intoxication','aggressive-behaviour','offensive-behaviour','public-order','other'])[1 + i % 6],
      'Incidents ' || i || ': klients uzvedās aizskaroši pret darbinieku.', '["warned","asked-to-leave"]'::jsonb,
      case when i % 3 = 0 then 'open' else 'closed' end, ${recorder}, now() - (i % 1460) * interval '1 day',
      case when i % 4 = 0 then 'Klients ' || i end
    from generate_series(1, ${total}) as i`);
  console.log(`seeded ${total} incidents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  t0 = performance.now();
  await db.execute(sql`
    insert into register_service_errors (agency, concerns_kind, concerns_id, centre_id, description, came_to_light, consequences, status, recorded_by, created_at, closed_at)
    select ${agencyOf}, 'inquiry', gen_random_uuid(), (${centreArray})[1 + i % ${centres.length}],
      'Kļūda ' || i || ': nepareizi aprēķināts pabalsts.', (array['client-complaint','staff','audit'])[1 + i % 3], 'Izmaksa aizkavējās.',
      (array['open','acknowledged','apology-sent','remedied','closed'])[1 + i % 5], ${recorder},
      now() - (i % 1460) * interval '1 day', case when i % 5 = 4 then now() - (i % 1460) * interval '1 day' + interval '9 days' end
    from generate_series(1, ${total}) as i`);
  await db.execute(sql`
    insert into register_service_error_steps (error_id, agency, step, text, taken_by, taken_at)
    select e.id, e.agency, s.step, 'Solis', e.recorded_by, e.created_at + s.n * interval '2 days'
    from register_service_errors e
    cross join lateral (select n, (array['acknowledged','apology-sent','remedied','closed'])[n] as step
      from generate_series(1, array_position(array['open','acknowledged','apology-sent','remedied','closed'], e.status) - 1) as n) s`);
  console.log(`seeded ${total} service errors with their steps in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  t0 = performance.now();
  await db.execute(sql`
    insert into register_gifts (agency, offered_on, offered_by, what, kind, estimated_value_cents, declined, reason, declared_by, created_at, acknowledged_at, acknowledged_by)
    select ${agencyOf}, current_date - (i % 1460), case when i % 2 = 0 then 'Klients' end, 'Konfekšu kārba ' || i,
      (array['gift','hospitality','money','other-benefit'])[1 + i % 4], 100 * (i % 300), i % 20 <> 0,
      case when i % 20 = 0 then 'Protokola dāvana, nodota iestādei' end, ${recorder}, now() - (i % 1460) * interval '1 day',
      case when i % 8 <> 0 then now() end, case when i % 8 <> 0 then ${supervisor.id}::uuid end
    from generate_series(1, ${total}) as i`);
  console.log(`seeded ${total} gifts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await db.execute(sql`analyze`);
  const counts = (await db.execute(sql`select (select count(*) from register_incidents where agency = 'vsaa')::int as incidents,
    (select count(*) from register_service_errors where agency = 'vsaa')::int as errors, (select count(*) from register_service_error_steps)::int as steps,
    (select count(*) from register_gifts where agency = 'vsaa')::int as gifts`)) as unknown as { rows: Array<Record<string, number>> };
  console.log('VSAA rows:', counts.rows[0]);

  // The plans of the list queries (server-side execution time, without the page around it).
  const explain = async (name: string, query: ReturnType<typeof sql>) => {
    const plan = (await db.execute(sql`explain (analyze, buffers) ${query}`)) as unknown as { rows: Array<{ 'QUERY PLAN': string }> };
    const lines = plan.rows.map((r) => r['QUERY PLAN']);
    console.log(`${name.padEnd(66)} ${lines.find((l) => l.startsWith('Execution Time')) ?? ''} | ${lines[1]?.trim().slice(0, 90) ?? ''}`);
  };
  await explain('incidents newest 50', sql`select * from register_incidents where agency = 'vsaa' order by occurred_at desc, id desc limit 51`);
  await explain('incidents kind+status+year', sql`select * from register_incidents where agency = 'vsaa' and kind = 'intoxication' and status = 'open' and occurred_at >= '2025-01-01' and occurred_at < '2026-01-01' order by occurred_at desc, id desc limit 51`);
  await explain('incidents own (specialist)', sql`select * from register_incidents where agency = 'vsaa' and recorded_by = ${specialist.id} order by occurred_at desc, id desc limit 51`);
  await explain('service errors open', sql`select * from register_service_errors where agency = 'vsaa' and status <> 'closed' order by created_at desc, id desc limit 51`);
  await explain('service errors status+cameToLight+centre', sql`select * from register_service_errors where agency = 'vsaa' and status = 'remedied' and came_to_light = 'audit' and centre_id = ${centres[0]} order by created_at desc, id desc limit 51`);
  await explain('gifts kind+unacknowledged+period', sql`select * from register_gifts where agency = 'vsaa' and kind = 'money' and acknowledged_at is null and offered_on between '2024-01-01' and '2025-06-30' order by offered_on desc, id desc limit 51`);

  if (!ONLY_PLANS) await measurePages(centres);
} finally {
  await platform.close();
}

async function measurePages(centres: string[]): Promise<void> {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const cookie = await signIn(base, 'vaditajs@vsaa.test', 'bench-password-123');
  const own = await signIn(base, 'specialists@vsaa.test', 'bench-password-123');
  const R = `${base}/staff/vsaa/registri`;
  const page = async (name: string, path: (i: number) => string, who = cookie) => report(name, await timeSequential(ROUNDS, (i) => getOk(path(i), who)), TARGET_MS);
  const kinds = ['unauthorised-recording', 'intoxication', 'aggressive-behaviour', 'offensive-behaviour', 'public-order', 'other'];

  // The same machine's floor: a staff page with no register query (session, layout, no audit row).
  report('baseline: GET /staff/vsaa (workplace page, no register query)', await timeSequential(ROUNDS, () => getOk(`${base}/staff/vsaa`, cookie)));
  await page('GET /registri/incidenti (newest 50)', () => `${R}/incidenti`);
  await page('GET /registri/incidenti?kind&status&from&to', (i) => `${R}/incidenti?kind=${kinds[i % 6]}&status=open&from=2025-01-01&to=2025-12-31`);
  await page('GET /registri/incidenti?centre (one of 10)', (i) => `${R}/incidenti?centre=${centres[i % centres.length]}`);
  await page('GET /registri/incidenti?page=20', () => `${R}/incidenti?page=20`);
  await page('GET /registri/incidenti (specialist: own only)', () => `${R}/incidenti`, own);
  await page('GET /registri/kludas (newest 50, with steps)', () => `${R}/kludas`);
  await page('GET /registri/kludas?open=yes', () => `${R}/kludas?open=yes`);
  await page('GET /registri/kludas?status&cameToLight&centre', (i) => `${R}/kludas?status=remedied&cameToLight=audit&centre=${centres[i % centres.length]}`);
  await page('GET /registri/davanas (newest 50)', () => `${R}/davanas`);
  await page('GET /registri/davanas?kind&status=unacknowledged&period', (i) => `${R}/davanas?kind=${['gift', 'money'][i % 2]}&status=unacknowledged&from=2024-01-01&to=2025-06-30`);
  await page('GET /api/v1/staff/vsaa/incidents (JSON, newest 50)', () => `${base}/api/v1/staff/vsaa/incidents`);
  report('GET /registri/davanas/kopsavilkums (yearly summary)', await timeSequential(20, () => getOk(`${R}/davanas/kopsavilkums`, cookie)));
}

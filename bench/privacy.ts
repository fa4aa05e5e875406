// Privacy figures on PostgreSQL (issue 17):
//   subject-access search over 1,000,000 inquiries + 1,000,000 tickets (by personal code, e-mail, phone)   p95 < 200 ms
//   retention run over 1,000,000 expired records                                                            < 5 min
//   bookings during the run keep p95 within 20 % of the same load without it (measured in the same run)
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- privacy
// (a fresh database is created and dropped; BENCH_PRIVACY_ROWS overrides the 1,000,000; BENCH_PRIVACY_PART=search|retention runs one part:
// retention alone seeds 500,000 visits, i.e. 1,000,000 expired appointments and tickets).
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { loadCalendar } from '../src/features/calendar/calendar.service.ts';
import { findService, placesOf } from '../src/features/appointments/places.ts';
import { freeSlots } from '../src/features/appointments/slot-search.service.ts';
import { seedInquiries, seedVisits, seededPersonalCode } from '../src/features/privacy/privacy-bulk.testing.ts';
import { RECORD_KINDS } from '../src/features/privacy/record-kinds.ts';
import { runRetention } from '../src/features/privacy/retention.service.ts';
import { subjectAccess } from '../src/features/privacy/subject-access.service.ts';
import type { AgencyScope } from '../src/platform/access/policy.ts';
import { runHttpClients } from './http-clients.ts';
import { benchPlatform, percentile, report, timeSequential } from './measure.ts';

const ROWS = Number(process.env.BENCH_PRIVACY_ROWS ?? 1_000_000);
const PART = process.env.BENCH_PRIVACY_PART ?? 'all';
const CHUNK = 100_000;
const ORIGIN = { actorId: null, actorLabel: 'bench', ip: null };

const platform = await benchPlatform();
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
try {
  const db = platform.deps.db;
  // Expired under the VSAA profile: inquiries closed in 2015 (5 years), visits in 2024 (12 months). The search part
  // needs 1,000,000 inquiries and 1,000,000 tickets; the retention part alone (BENCH_PRIVACY_PART=retention) seeds
  // just the visits whose appointments and tickets make ROWS expired records.
  const searching = PART === 'all' || PART === 'search';
  let t0 = performance.now();
  if (searching) {
    for (let from = 1; from <= ROWS; from += CHUNK) {
      await seedInquiries(db, { agency: 'vsaa', from, count: Math.min(CHUNK, ROWS - from + 1), at: new Date('2015-06-01T10:00:00Z') });
    }
    console.log(`seeded ${ROWS} inquiries (keyed person index filled by the trigger) in ${seconds(t0)} s`);
  }
  const visits = searching ? ROWS : Math.ceil(ROWS / 2);
  t0 = performance.now();
  for (let from = 1; from <= visits; from += CHUNK) {
    await seedVisits(db, { agency: 'vsaa', from, count: Math.min(CHUNK, visits - from + 1), at: new Date('2024-03-01T08:00:00Z'), centreId: 'riga-lacplesa', serviceId: 'pensijas' });
  }
  console.log(`seeded ${visits} appointments with ${visits} queue tickets in ${seconds(t0)} s`);
  await db.execute(sql`vacuum analyze`);

  if (PART === 'all' || PART === 'search') {
    const scope: AgencyScope = { actor: { id: '00000000-0000-4000-8000-000000000001', email: 'bench@vsaa.test', name: 'Bench', memberships: [], sessionId: 'x' }, agency: 'vsaa', role: 'supervisor' };
    const pick = (i: number) => 1 + ((i * 7919) % ROWS);
    const byCode = await timeSequential(200, async (i) => {
      const report = await subjectAccess(platform.deps, scope, ORIGIN, { personalCode: seededPersonalCode(pick(i)), reason: 'Bench request' });
      if (report.sections.find((s) => s.kind === 'queue-ticket')?.records.length !== 1) throw new Error('ticket not found');
    });
    report(`subject access by personal code (${ROWS} inquiries + ${ROWS} tickets)`, byCode, 200);
    const byEmail = await timeSequential(200, async (i) => {
      await subjectAccess(platform.deps, scope, ORIGIN, { email: `client${pick(i + 1000)}@example.test`, reason: 'Bench request' });
    });
    report('subject access by e-mail', byEmail, 200);
    const byPhone = await timeSequential(200, async (i) => {
      await subjectAccess(platform.deps, scope, ORIGIN, { phone: `+371 2${String(pick(i + 2000)).padStart(7, '0')}`, reason: 'Bench request' });
    });
    report('subject access by phone', byPhone, 200);
  }

  if (PART === 'all' || PART === 'retention') {
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const address = platform.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const profile = platform.deps.agencies.get('vsaa');
    if (!profile) throw new Error('no vsaa profile');
    const centres = placesOf(profile).filter((p) => p.kind === 'centre');
    const calendar = await loadCalendar(platform.deps);
    const today = Temporal.Now.plainDateISO('Europe/Riga');
    const targets: Array<{ centre: string; service: string; start: string }> = [];
    for (const serviceId of ['dokumenti', 'pabalsti', 'pensijas']) {
      const service = findService(profile, serviceId);
      if (!service) continue;
      const free = await freeSlots(db, calendar, platform.deps.clock(), profile, service, centres, { from: today.add({ days: 1 }).toString(), to: today.add({ days: 30 }).toString() });
      for (const slot of free) for (let seat = 0; seat < slot.free; seat++) targets.push({ centre: slot.centre, service: serviceId, start: slot.startIso });
    }
    // A steady booking load: 8 clients, each booking every 100 ms (≈ 80 bookings/s), the same load in both phases.
    const CLIENTS = 8;
    const PER_PHASE = Number(process.env.BENCH_PRIVACY_BOOKINGS ?? 1600);
    let next = 0;
    const bookings = (count: number) =>
      runHttpClients(
        base,
        targets.slice(next, (next += count)).map((target, i) => ({ method: 'POST' as const, path: '/api/v1/agencies/vsaa/appointments', body: { ...target, name: `Bench ${next + i}`, phone: '+371 20000000' } })),
        { concurrency: CLIENTS, expected: [201, 409] },
      );
    if (targets.length < PER_PHASE * 3) throw new Error(`only ${targets.length} free seats`);
    const quiet = await bookings(PER_PHASE);
    report('bookings without the retention run', quiet.times);

    const expired = (await runRetention(platform.deps, { dryRun: true, origin: ORIGIN, kinds: RECORD_KINDS })).lines.reduce((sum, l) => sum + l.count, 0);
    t0 = performance.now();
    const run = runRetention(platform.deps, { dryRun: false, origin: ORIGIN });
    let running = true;
    void run.finally(() => (running = false));
    const during: number[] = [];
    while (running) {
      const outcome = await bookings(Math.min(200, targets.length - next));
      during.push(...outcome.times);
      if (next >= targets.length) break;
    }
    const result = await run;
    const runSeconds = (performance.now() - t0) / 1000;
    const changed = result.lines.reduce((sum, l) => sum + l.count, 0);
    for (const line of result.lines.filter((l) => l.count > 0)) console.log(`  ${line.agency ?? 'platform'} ${line.kind} (${line.table}): ${line.action} ${line.count} in ${line.batches} batches`);
    console.log(`retention run: ${changed} of ${expired} expired records in ${runSeconds.toFixed(1)} s  target < 300 s  ${runSeconds < 300 ? 'OK' : 'MISSED'}`);
    report('bookings during the retention run', during);
    const ratio = percentile(during, 95) / percentile(quiet.times, 95);
    console.log(`booking p95 during ÷ without: ${ratio.toFixed(2)}  target ≤ 1.20  ${ratio <= 1.2 ? 'OK' : 'MISSED'}`);
  }
} finally {
  await platform.close();
}

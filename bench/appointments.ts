// Appointment figures on PostgreSQL (issue 5):
//   slot search over 30 days for one service across 30 centres, 50,000 existing appointments   p95 < 30 ms
//   booking throughput, 200 concurrent clients                                                  ≥ 1,000 bookings/s
//   … measured in the same run as pgbench (TPC-B-like) on the same server, and the ratio printed.
// The HTTP clients run in a worker thread (their own event loop), the server in the main thread.
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- appointments
// BENCH_WORKERS=1,2 also books over HTTP against the platform as `npm start` runs it (compiled, separate processes,
// WORKERS=n) for each n listed, and compares the best with pgbench (issue 18). With Debian's wrk installed each of
// those servers is booked again by wrk, a C client like pgbench (bench/support/wrk.ts), in BENCH_BOOKING_ROUNDS
// rounds (3), each followed by a 10 s pgbench run of the booking statement: the ratio is the median of the rounds.
// Each wrk round also prints the CPU time per booking of the server and of PostgreSQL's processes (/proc).
// BENCH_FLOOR=1 (with wrk) books, in as many rounds, the floor too: Fastify and pg running the same statement and
// nothing else (bench/support/booking-floor.ts), each round beside its own pgbench run — what this machine leaves for
// the platform's own work per booking.
// BENCH_SPLIT_CORES=1 runs all of it with PostgreSQL on a core of its own (bench/support/cores.ts).
// A generated VSAA profile with 30 centres is used (agencies/vsaa.yaml's centres repeated); a fresh database
// is created and dropped, and pgbench initialises and drops its own database.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { parse, stringify } from 'yaml';
import { createTestPlatform } from '../test/support/test-platform.ts';
import { loadCalendar } from '../src/features/calendar/calendar.service.ts';
import { findService, placesOf } from '../src/features/appointments/places.ts';
import { freeSlots } from '../src/features/appointments/slot-search.service.ts';
import { PgDialect } from 'drizzle-orm/pg-core';
import { bookingStatement } from '../src/features/appointments/appointments.repository.ts';
import { runHttpClients, type HttpCall } from './http-clients.ts';
import { runWrk, wrkAvailable } from './support/wrk.ts';
import { splitCores } from './support/cores.ts';
import type { FloorConfig } from './support/booking-floor.ts';
import { buildOnce, postgresCpuMs, postgresCpuMsBetween, serverCpuMs, startBookingFloor, startPlatform, type Server } from './support/servers.ts';
import { percentile, report, timeSequential } from './measure.ts';

const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 50_000);
const CENTRES = 30;
const CLIENTS = 200;
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 6_000);
const BOOKING_ROUNDS = Number(process.env.BENCH_BOOKING_ROUNDS ?? 3);
const PAIRED_SECONDS = 10;
const BOOKING_DAYS = 90;
const PGBENCH = '/usr/lib/postgresql/15/bin/pgbench';
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; this benchmark is for PostgreSQL.');
  process.exit(2);
}
process.env.TEST_DATABASE_URL = adminUrl;
const unsplit = process.env.BENCH_SPLIT_CORES ? splitCores() : () => {};

// A VSAA profile with 30 centres: the real ones, then copies in the same cities.
const agenciesDir = mkdtempSync(join(tmpdir(), 'apkalpe-bench-agencies-'));
const root = new URL('../agencies/', import.meta.url).pathname;
const vsaa = parse(readFileSync(join(root, 'vsaa.yaml'), 'utf8')) as { serviceCentres: Array<Record<string, unknown>>; booking: { horizonDays: number } };
// Bookings go BOOKING_DAYS ahead (the profile's horizon widened to match), so that every run has its own seats.
vsaa.booking.horizonDays = BOOKING_DAYS;
const real = vsaa.serviceCentres;
vsaa.serviceCentres = Array.from({ length: CENTRES }, (_, i) => {
  const centre = structuredClone(real[i % real.length] ?? {});
  if (i >= real.length) {
    centre.id = `${String(centre.id)}-${i}`;
    centre.name = { lv: `Bench KAC ${i}`, en: `Bench centre ${i}` };
  }
  return centre;
});
writeFileSync(join(agenciesDir, 'vsaa.yaml'), stringify(vsaa, { aliasDuplicateObjects: false }));
writeFileSync(join(agenciesDir, 'kase.yaml'), readFileSync(join(root, 'kase.yaml')));

const platform = await createTestPlatform('postgres', { agenciesDir });
try {
  const db = platform.deps.db;
  const profile = platform.deps.agencies.get('vsaa');
  if (!profile) throw new Error('no vsaa profile');
  const centres = placesOf(profile).filter((p) => p.kind === 'centre');
  console.log(`profile: ${centres.length} centres`);

  // 50,000 appointments in SQL: every service's slots over the 30 days before and the 30 days after today,
  // on weekdays, about two in three taken.
  let t0 = performance.now();
  const services: Array<[string, number]> = profile.services.filter((s) => centres[0]?.services.includes(s.id)).map((s) => [s.id, s.durationMinutes + s.bufferMinutes]);
  const centreIds = centres.map((c) => c.id);
  await db.execute(sql`
    with slot as (
      select c.id as centre_id, s.service_id,
             ((d::date + time '08:30') at time zone 'Europe/Riga') + (k * s.step) * interval '1 minute' as starts_at
      from unnest(string_to_array(${centreIds.join(',')}::text, ',')) as c(id)
      cross join unnest(string_to_array(${services.map((s) => s[0]).join(',')}::text, ','), string_to_array(${services.map((s) => s[1]).join(',')}::text, ',')::int[]) as s(service_id, step)
      cross join generate_series(current_date - 30, current_date + 30, interval '1 day') as d
      cross join generate_series(0, 33) as k
      where extract(isodow from d) < 6 and (k + 1) * s.step <= 510
    ), chosen as (
      select * from slot where abs(hashtext(centre_id || service_id || starts_at::text)) % 100 < 70 limit ${APPOINTMENTS}
    ), seats as (
      insert into appointment_slots (agency, centre_id, service_id, starts_at, ends_at, capacity, taken)
      select 'vsaa', centre_id, service_id, starts_at, starts_at + interval '15 minutes', 1, 1 from chosen
      returning id, centre_id, service_id, starts_at, ends_at
    )
    insert into appointments (agency, centre_id, service_id, slot_id, starts_at, ends_at, booking_code, manage_token_hash, channel, client_name, client_phone)
    select 'vsaa', centre_id, service_id, id, starts_at, ends_at, 'Z' || lpad((row_number() over ())::text, 5, '0'), md5(id::text || 'x'), 'web', 'Klients', '+371 20000000'
    from seats`);
  await db.execute(sql`analyze appointment_slots`);
  await db.execute(sql`analyze appointments`);
  const counted = await db.execute(sql`select count(*)::int as n from appointments`);
  console.log(`seeded ${(counted as unknown as { rows: Array<{ n: number }> }).rows[0]?.n} appointments in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const today = Temporal.Now.plainDateISO('Europe/Riga');
  const from = today.toString();
  const to = today.add({ days: 30 }).toString();

  // 1. Slot search: one service, all 30 centres, 30 days, over HTTP, one client asking again as soon as answered.
  const searches = process.env.BENCH_SKIP_SEARCH ? 0 : 200;
  if (searches > 0) {
    const calls = Array.from({ length: searches }, () => ({ method: 'GET' as const, path: `/api/v1/agencies/vsaa/slots?service=pensijas&from=${from}&to=${to}` }));
    const search = await runHttpClients(base, calls, { concurrency: 1, expected: [200], warmUp: 20 });
    if (search.unexpected.length > 0) throw new Error(`slots: ${search.unexpected.join('; ')}`);
    const slotCount = (JSON.parse(search.lastBody) as { slots: unknown[] }).slots.length;
    report(`slot search, 30 days × ${centres.length} centres (${slotCount} free slots)`, search.times, 30);
  }
  // The same search without HTTP and JSON, to show where the time goes.
  const pension = findService(profile, 'pensijas');
  if (pension && searches > 0) {
    const direct = await timeSequential(200, async () => {
      await freeSlots(db, await loadCalendar(platform.deps), platform.deps.clock(), profile, pension, centres, { from, to });
    });
    report('  of which the search itself (in-process, no HTTP/JSON)', direct, 30);
  }

  // 2. Booking throughput: 200 concurrent clients, each booking a distinct free slot over HTTP.
  const calendar = await loadCalendar(platform.deps);
  const targets: Array<{ centre: string; service: string; start: string }> = [];
  for (const serviceId of ['dokumenti', 'pabalsti', 'pensijas']) {
    const service = findService(profile, serviceId);
    if (!service) continue;
    const free = await freeSlots(db, calendar, platform.deps.clock(), profile, service, centres, { from: today.add({ days: 1 }).toString(), to: today.add({ days: BOOKING_DAYS }).toString() });
    for (const slot of free) for (let seat = 0; seat < slot.free; seat++) targets.push({ centre: slot.centre, service: serviceId, start: slot.startIso });
  }
  const workerCounts = (process.env.BENCH_WORKERS ?? '').split(',').filter(Boolean).map(Number);
  // Each npm start server is also booked by wrk (a C client, as pgbench is), when Debian's wrk is installed.
  const withWrk = (workerCounts.length > 0 || Boolean(process.env.BENCH_FLOOR)) && wrkAvailable();
  if ((workerCounts.length > 0 || process.env.BENCH_FLOOR) && !withWrk) console.log('wrk not installed (apt-get install wrk): the npm start servers are booked by the Node clients only, the floor not at all');
  // Each wrk round is followed at once by pgbench running the booking statement (PAIRED_SECONDS): this machine's
  // speed drifts by a third within minutes, so a ratio is taken between neighbours, and the median of the rounds.
  const rounds = withWrk ? BOOKING_ROUNDS : 0;
  const floorCounts = withWrk ? (process.env.BENCH_FLOOR ?? '').split(',').filter(Boolean).map(Number) : [];
  const runs = 1 + (workerCounts.length + floorCounts.length) * (1 + rounds);
  const total = Math.min(BOOKINGS, Math.floor(targets.length / runs));
  let run = 0; // each run books its own share of the seats
  const nextCalls = (): HttpCall[] =>
    targets.slice(run * total, ++run * total).map((target, i) => ({ method: 'POST', path: '/api/v1/agencies/vsaa/appointments', body: { ...target, name: `Bench ${i}`, phone: '+371 20000000' } }));
  let bookingsPerSecond = await bookOver(base, nextCalls(), 'in the benchmark process');
  // The same bookings against the server as `npm start` runs it, as separate processes (WORKERS=n) on the same database.
  if (workerCounts.length > 0) buildOnce();
  const pairedRatios = new Map<number, number[]>(); // WORKERS → bookings/s ÷ pgbench tps of each round
  for (const workers of workerCounts) {
    const server = await startPlatform({ DATABASE_URL: scratchUrlOf(platform), AGENCIES_DIR: agenciesDir, WORKERS: String(workers), LOG_LEVEL: 'warn' });
    try {
      bookingsPerSecond = Math.max(bookingsPerSecond, await bookOver(server.base, nextCalls(), `npm start, WORKERS=${workers}`));
      const paired = await pairedRounds(server, `npm start, WORKERS=${workers}`, rounds, nextCalls);
      bookingsPerSecond = Math.max(bookingsPerSecond, ...paired.perSecond);
      if (paired.ratios.length > 0) pairedRatios.set(workers, paired.ratios);
    } finally {
      await server.stop();
    }
  }
  for (const workers of floorCounts) await bookTheFloor(workers, rounds, nextCalls);
  if (workerCounts.length > 0) console.log(`best: ${bookingsPerSecond.toFixed(0)} bookings/s`);
  const pairedRatio = bestMedian(pairedRatios);
  if (pairedRatio) {
    console.log(
      `ratio bookings/s ÷ pgbench booking tps, wrk rounds each beside its own pgbench run (WORKERS=${pairedRatio.workers}, median of ` +
        `${pairedRatio.ratios.map((r) => r.toFixed(2)).join(', ')}): ${pairedRatio.median.toFixed(2)}  target ≥ 0.5  ${pairedRatio.median >= 0.5 ? 'OK' : 'MISSED'}`,
    );
  }

  const overbooked = (await db.execute(sql`select count(*)::int as n from appointment_slots where taken > capacity`)) as unknown as { rows: Array<{ n: number }> };
  console.log(`overbooked seats: ${overbooked.rows[0]?.n}`);

  // 3. pgbench running the booking's own prepared statement (the database's own limit for this work), same server,
  // same database, as many connections as the platform's pool.
  if (!process.env.BENCH_SKIP_PGBENCH) {
    const bookingTps = runPgbenchBooking(scratchUrlOf(platform), 15);
    console.log(`pgbench, the booking statement (prepared, 10 clients = the pool, 2 threads, 15 s): ${bookingTps.toFixed(0)} tps`);
    const verdict = pairedRatio ? '(the paired ratio above is the figure)' : `target ≥ 0.5  ${bookingsPerSecond / bookingTps >= 0.5 ? 'OK' : 'MISSED'}`;
    console.log(`ratio best bookings/s ÷ this pgbench run: ${(bookingsPerSecond / bookingTps).toFixed(2)}  ${verdict}`);
  }
  // 4. pgbench TPC-B-like on the same server, in its own database (the earlier yardstick, kept for comparison).
  const tps = process.env.BENCH_SKIP_PGBENCH ? Number.NaN : runPgbench(adminUrl);
  console.log(`pgbench TPC-B-like (scale 10, 50 clients, 2 threads, 15 s): ${tps.toFixed(0)} tps`);
  console.log(`ratio bookings/s ÷ pgbench tps: ${(bookingsPerSecond / tps).toFixed(2)}`);
} finally {
  await platform.close();
  rmSync(agenciesDir, { recursive: true, force: true });
  unsplit();
}

async function bookOver(base: string, calls: HttpCall[], where: string): Promise<number> {
  const t0 = performance.now();
  // 503: the load shedder's fast refusal (issue 13), counted as shed; the client tries the same booking again 100 ms later.
  const outcome = await runHttpClients(base, calls, { concurrency: CLIENTS, expected: [201, 409], retryShedMs: 100 });
  const seconds = (performance.now() - t0) / 1000;
  if (outcome.unexpected.length > 0) throw new Error(`booking failed: ${outcome.unexpected.join('; ')}`);
  const booked = outcome.statuses[201] ?? 0;
  const perSecond = booked / seconds;
  report(`booking via POST /appointments (${CLIENTS} concurrent, ${where})`, outcome.times);
  console.log(
    `booking throughput (${where}): ${perSecond.toFixed(0)} bookings/s (${booked} booked, ${outcome.statuses[409] ?? 0} conflicts, ` +
      `${outcome.statuses[503] ?? 0} shed, ${seconds.toFixed(1)} s)  target ≥ 1000  ${perSecond >= 1000 ? 'OK' : 'MISSED'}`,
  );
  return perSecond;
}

async function bookWithWrk(server: Server, calls: HttpCall[], where: string): Promise<number> {
  const pid = server.process.pid as number;
  const cpuBefore = { server: serverCpuMs(pid), database: postgresCpuMs() };
  const outcome = await runWrk(server.base, calls, CLIENTS);
  const cpu = { server: serverCpuMs(pid) - cpuBefore.server, database: postgresCpuMsBetween(cpuBefore.database, postgresCpuMs()) };
  const booked = outcome.statuses[201] ?? 0;
  const other = Object.entries(outcome.statuses).filter(([status]) => !['201', '409', '503'].includes(status));
  if (other.length > 0) throw new Error(`booking failed (wrk): statuses ${JSON.stringify(outcome.statuses)}`);
  const perSecond = booked / outcome.seconds;
  console.log(
    `booking throughput (${where}): ${perSecond.toFixed(0)} bookings/s (${booked} booked, ${outcome.statuses[409] ?? 0} conflicts, ` +
      `${outcome.statuses[503] ?? 0} shed and not retried, ${outcome.seconds.toFixed(1)} s; p50 ${outcome.p50Ms.toFixed(0)} ms, p95 ${outcome.p95Ms.toFixed(0)} ms)`,
  );
  // Where the machine's two cores went: the ratio to pgbench is about the database's share of a booking's CPU.
  console.log(`  CPU per booking: server ${(cpu.server / booked).toFixed(2)} ms, PostgreSQL ${(cpu.database / booked).toFixed(2)} ms (from /proc, 10 ms ticks)`);
  return perSecond;
}

/** wrk rounds, each followed at once by pgbench running the booking statement: bookings/s of each, and its ratio. */
async function pairedRounds(server: Server, label: string, rounds: number, nextCalls: () => HttpCall[]): Promise<{ perSecond: number[]; ratios: number[] }> {
  const outcome = { perSecond: [] as number[], ratios: [] as number[] };
  for (let round = 1; round <= rounds; round++) {
    const perSecond = await bookWithWrk(server, nextCalls(), `${label}, wrk, round ${round} of ${rounds}`);
    outcome.perSecond.push(perSecond);
    if (process.env.BENCH_SKIP_PGBENCH) continue;
    const tps = runPgbenchBooking(scratchUrlOf(platform), PAIRED_SECONDS);
    outcome.ratios.push(perSecond / tps);
    console.log(`  pgbench right after it (booking statement, ${PAIRED_SECONDS} s): ${tps.toFixed(0)} tps — ratio ${(perSecond / tps).toFixed(2)}`);
  }
  return outcome;
}

/**
 * The floor's rounds with `workers` processes: one warm-up booking run, then wrk and pgbench at once, as the
 * platform's; the floor's own ratio is printed, not the figure.
 */
async function bookTheFloor(workers: number, rounds: number, nextCalls: () => HttpCall[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'apkalpe-floor-'));
  const query = new PgDialect().sqlToQuery(bookingStatement(false));
  const profile = platform.deps.agencies.get('vsaa');
  const places: FloorConfig['places'] = {};
  for (const place of profile ? placesOf(profile) : []) {
    for (const service of profile?.services ?? []) places[`${place.id}|${service.id}`] = { seats: place.seatsFor(service.id), minutes: service.durationMinutes };
  }
  const config: FloorConfig = { databaseUrl: scratchUrlOf(platform), sql: query.sql, names: query.params.map((p) => (p as { name: string }).name), places };
  writeFileSync(join(dir, 'floor.json'), JSON.stringify(config));
  const floor = await startBookingFloor(join(dir, 'floor.json'), workers);
  let ratios: number[] = [];
  try {
    const label = `floor: Fastify + pg and the statement only, ${workers} process(es)`;
    await bookWithWrk(floor, nextCalls(), `${label}, wrk, warm-up`);
    ratios = (await pairedRounds(floor, label, rounds, nextCalls)).ratios;
  } finally {
    await floor.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (ratios.length > 0) console.log(`floor ratio, ${workers} process(es) (median of ${ratios.map((r) => r.toFixed(2)).join(', ')}): ${percentile(ratios, 50).toFixed(2)} — the ceiling of the platform's ratio on this machine`);
}

function scratchUrlOf(p: typeof platform): string {
  const url = (p.deps.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString;
  if (!url) throw new Error('no connection string of the benchmark database');
  return url;
}

/** The SQL expression pgbench puts in place of each parameter of the booking statement. */
function bookingValues(): Record<string, string> {
  return {
  agency: "'vsaa'", centreId: "'riga-lacplesa'", serviceId: "'pensijas'",
  startsAt: "(timestamptz '2031-01-06 06:00+00' + :n * interval '1 second')",
  endsAt: "(timestamptz '2031-01-06 06:15+00' + :n * interval '1 second')",
  seatDate: "'2031-01-06'", profileSeats: '1', id: 'gen_random_uuid()',
  // 32 hex digits: with 8, two of the ~40,000 codes of a 15 s run were equal in about one run in six, and the
  // unique index ended that pgbench client (exit status 2, no figure).
  bookingCode: "upper(md5(gen_random_uuid()::text))", manageTokenHash: 'md5(gen_random_uuid()::text)',
  idempotencyKey: 'null', channel: "'web'", clientName: "'Bench'", clientEmail: 'null', clientPhone: "'+371 20000000'",
  clientPersonalCode: 'null', reason: 'null', companion: "'none'", language: "'lv'", createdBy: 'null', createdAt: 'now()',
  audit_at: 'now()', audit_actorId: 'null', audit_actorLabel: "'client'", audit_agency: "'vsaa'", audit_action: "'appointment.booked'",
  audit_recordType: "'appointment'", audit_recordId: 'null', audit_ip: "'127.0.0.1'", audit_details: `'{"centre":"riga-lacplesa","service":"pensijas"}'`,
  };
}

/** The WORKERS whose paired ratios have the highest median, with them. */
function bestMedian(byWorkers: Map<number, number[]>): { workers: number; ratios: number[]; median: number } | undefined {
  let best: { workers: number; ratios: number[]; median: number } | undefined;
  for (const [workers, ratios] of byWorkers) {
    const median = percentile(ratios, 50);
    if (!best || median > best.median) best = { workers, ratios, median };
  }
  return best;
}

/** pgbench -M prepared with a custom script: the booking statement of bookSeat (without mail, as the HTTP bookings). */
function runPgbenchBooking(url: string, seconds: number): number {
  const query = new PgDialect().sqlToQuery(bookingStatement(false));
  const values = bookingValues();
  const text = query.sql.replace(/\$(\d+)/g, (_m, index: string) => {
    const name = (query.params[Number(index) - 1] as { name?: string }).name ?? '';
    const value = values[name];
    if (value === undefined) throw new Error(`no pgbench value for the booking parameter ${name}`);
    return value;
  });
  const dir = mkdtempSync(join(tmpdir(), 'apkalpe-pgbench-'));
  const script = join(dir, 'booking.sql');
  // One line per statement: pgbench ends a statement at the end of the line unless it continues with a backslash.
  writeFileSync(script, `\\set n random(1, 900000000)\n${text.replace(/\s*\n\s*/g, ' ').trim()};\n`);
  try {
    const out = execFileSync(PGBENCH, ['-n', '-M', 'prepared', '-f', script, '-c', '10', '-j', '2', '-T', String(seconds), url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const match = /tps = ([\d.]+)/.exec(out);
    return match ? Number(match[1]) : Number.NaN;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runPgbench(url: string): number {
  const name = `apkalpe_pgbench_${Date.now()}`;
  const admin = new URL(url);
  const target = new URL(url);
  target.pathname = `/${name}`;
  execFileSync('psql', [admin.toString(), '-qc', `create database ${name}`]);
  try {
    execFileSync(PGBENCH, ['-i', '-q', '-s', '10', target.toString()], { stdio: ['ignore', 'ignore', 'ignore'] });
    const out = execFileSync(PGBENCH, ['-c', '50', '-j', '2', '-T', '15', '-n', target.toString()], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /tps = ([\d.]+)/.exec(out);
    return match ? Number(match[1]) : Number.NaN;
  } finally {
    execFileSync('psql', [admin.toString(), '-qc', `drop database if exists ${name} with (force)`]);
  }
}

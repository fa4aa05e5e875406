// Proof in CI (issue 13): bookings and inquiry filings under concurrent load against a real server process, `kill -9`
// of that process mid-load, a restart on the same database, and then every acknowledged record (a 2xx with its id or
// reference) is found intact and no appointment slot holds more appointments than seats. On PostgreSQL (a fresh
// database on TEST_DATABASE_URL's server) and on PGlite (a data directory in a temporary folder). Each restart checks
// everything acknowledged before it through the server's own API; after the last kill the test opens the database
// itself and checks every record of every round, and every slot.
//
// The server is the production bundle `npm start` runs (bin/build.mjs, built once per test process into a folder of its
// own so that it never races `npm start`'s own build of dist/), started with NODE_ENV=production.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/client.ts';
import { freePort } from '../support/ports.ts';
import { createScratchPostgresDatabase, PGLITE_SNAPSHOT_ENV, testTargets } from '../support/test-platform.ts';

const root = new URL('../../', import.meta.url).pathname;
/** kill -9 per database (CRASH_KILLS overrides): each costs a server start, the bulk of this test's time. */
const KILLS = Number(process.env.CRASH_KILLS ?? 3);
/** Clients sending at once, each one request after the other. */
const CLIENTS = 12;
/** Fresh slots each round is booked into: a few seats for many clients, so the seats run out under the load. */
const SLOTS_PER_ROUND = 6;
const AGENCY = 'vsaa';
const SERVICE = 'pabalsti';
const CENTRE = 'riga-lacplesa';

type Answer = { status: number; body: string };
type Booking = { id: string; manageToken: string; start: string; name: string };
type Filing = { reference: string; accessCode: string; text: string };

/** A small seeded generator: the kill delays and the slot choices follow the same sequence on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A read that a shedding server (503, Retry-After) answers again after a moment; the test's own wait is short, not Retry-After's. */
async function read(agent: Agent, port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    const answer = await call(agent, port, 'GET', path, { headers });
    if (answer.status !== 503 || attempt >= 100) return answer;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function call(agent: Agent, port: number, method: string, path: string, options: { json?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

type Server = { child: ChildProcess; port: number; log: () => string; exited: Promise<void> };

async function startServer(bundle: string, env: Record<string, string>): Promise<Server & { startMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SMTP_INTAKE_PORT: '', SMTP_URL: '', WORKERS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const agent = new Agent({ keepAlive: false });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ok = await call(agent, port, 'GET', '/api/health').then((a) => a.status === 200, () => false);
    if (ok) break;
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start: ${log.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, port, log: () => log, exited, startMs: performance.now() - started };
}

/** The next `count` free slots of the service that no earlier round used, at least two days ahead (no slot turns past mid-test). */
async function freshSlots(port: number, used: Set<string>, count: number): Promise<string[]> {
  const agent = new Agent({ keepAlive: false });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const answer = await read(agent, port, `/api/v1/agencies/${AGENCY}/slots?service=${SERVICE}&centre=${CENTRE}&from=${day(2)}&to=${day(60)}`);
  assert.equal(answer.status, 200, answer.body);
  const { slots } = JSON.parse(answer.body) as { slots: Array<{ start: string; free: number }> };
  const chosen = slots.filter((s) => !used.has(s.start)).slice(0, count).map((s) => s.start);
  assert.equal(chosen.length, count, 'enough free slots ahead');
  chosen.forEach((s) => used.add(s));
  return chosen;
}

type RoundFigures = { bookingsAcked: number; filingsAcked: number; refused: number; cutOff: number; statuses: Record<string, number> };

/**
 * CLIENTS clients book (into `slots`) and file questions, one request after the other each, until `killAfterMs`,
 * when the server gets SIGKILL. Every 2xx whose body arrived whole is acknowledged; a request cut off by the kill is not.
 */
async function loadThenKill(server: Server, round: number, slots: string[], killAfterMs: number, random: () => number, bookings: Booking[], filings: Filing[]): Promise<RoundFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const figures: RoundFigures = { bookingsAcked: 0, filingsAcked: 0, refused: 0, cutOff: 0, statuses: {} };
  let killed = false;
  const client = async (n: number) => {
    for (let i = 0; !killed; i++) {
      const tag = `${round}-${n}-${i}`;
      const booking = (n + i) % 2 === 0;
      try {
        if (booking) {
          // Every client's first booking goes for the round's first slot (two seats) at the same moment; then any.
          const start = (i < 2 ? slots[0] : slots[Math.floor(random() * slots.length)]) as string;
          const name = `Klients ${tag}`;
          const answer = await call(agent, server.port, 'POST', `/api/v1/agencies/${AGENCY}/appointments`, {
            json: { service: SERVICE, centre: CENTRE, start, name, email: `k${tag}@example.lv` },
          });
          figures.statuses[answer.status] = (figures.statuses[answer.status] ?? 0) + 1;
          if (answer.status === 503) await new Promise((resolve) => setTimeout(resolve, 100)); // shed: a moment's pause, as a client would
          if (answer.status === 201) {
            const created = JSON.parse(answer.body) as { id: string; manageToken: string; start: string };
            bookings.push({ id: created.id, manageToken: created.manageToken, start: created.start, name });
            figures.bookingsAcked++;
          } else figures.refused++;
        } else {
          const text = `Jautājums ${tag} ${randomUUID()}`;
          const answer = await call(agent, server.port, 'POST', `/api/v1/agencies/${AGENCY}/inquiries`, {
            json: { name: `Iesniedzējs ${tag}`, email: `j${tag}@example.lv`, text },
          });
          figures.statuses[answer.status] = (figures.statuses[answer.status] ?? 0) + 1;
          if (answer.status === 503) await new Promise((resolve) => setTimeout(resolve, 100)); // shed: a moment's pause, as a client would
          if (answer.status === 201) {
            const created = JSON.parse(answer.body) as { reference: string; accessCode: string };
            filings.push({ reference: created.reference, accessCode: created.accessCode, text });
            figures.filingsAcked++;
          } else figures.refused++;
        }
      } catch {
        // Cut off by the kill (reset, refused, or a body that never finished): not acknowledged.
        figures.cutOff++;
        if (!killed) throw new Error(`request ${tag} failed before the kill; server log: ${server.log().slice(-2000)}`);
      }
    }
  };
  const load = Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  // The kill comes `killAfterMs` after the load is flowing (a booking and a filing acknowledged): a process just
  // started on a busy machine may shed its first requests (503) while its event loop is slow.
  const flowing = Date.now() + 30_000;
  while ((figures.bookingsAcked === 0 || figures.filingsAcked === 0) && Date.now() < flowing) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  killed = true;
  server.child.kill('SIGKILL');
  await Promise.all([load, server.exited]);
  agent.destroy();
  assert.equal(server.child.signalCode, 'SIGKILL');
  return figures;
}

/** Through the restarted server: each acknowledged booking and filing opens with its token or code, as it was answered. */
async function checkThroughServer(server: Server, bookings: Booking[], filings: Filing[]): Promise<string[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const lost: string[] = [];
  const queue = [...bookings.map((b) => ({ booking: b })), ...filings.map((f) => ({ filing: f }))];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if ('booking' in item) {
        const b = item.booking;
        const answer = await read(agent, server.port, `/api/v1/appointments/${b.id}`, { authorization: `Bearer ${b.manageToken}` });
        const row = answer.status === 200 ? (JSON.parse(answer.body) as { status: string; start: string; name: string }) : undefined;
        if (!row || row.status !== 'booked' || row.start !== b.start || row.name !== b.name) lost.push(`booking ${b.id}: ${answer.status} ${answer.body.slice(0, 200)}`);
      } else {
        const f = item.filing;
        const answer = await read(agent, server.port, `/api/v1/inquiries/${f.reference}`, { 'x-access-code': f.accessCode });
        const view = answer.status === 200 ? (JSON.parse(answer.body) as { reference: string; messages: Array<{ direction: string; text: string }> }) : undefined;
        if (!view || view.reference !== f.reference || !view.messages.some((m) => m.direction === 'in' && m.text === f.text)) lost.push(`filing ${f.reference}: ${answer.status} ${answer.body.slice(0, 200)}`);
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  agent.destroy();
  return lost;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

// The production bundle, built once for this file into a folder of its own (never dist/, which `npm start` may be writing).
const buildDir = join(root, '.scratch', `crash-test-${process.pid}`);
let built: Promise<string> | undefined;
function productionBundle(): Promise<string> {
  built ??= (async () => {
    const { buildServer } = (await import(join(root, 'bin/build.mjs'))) as { buildServer: (o: { outdir: string }) => Promise<number> };
    await buildServer({ outdir: buildDir });
    return join(buildDir, 'main.js');
  })();
  return built;
}
after(() => rmSync(buildDir, { recursive: true, force: true }));

for (const target of testTargets()) {
  describe(`crash test: kill -9 under load, restart, nothing acknowledged lost (${target})`, { timeout: 240_000 }, () => {
    let bundle: string;
    let env: Record<string, string>;
    let dataDir: string | undefined;
    let scratch: { url: string; drop: () => Promise<void> } | undefined;
    let server: Server | undefined;

    before(async () => {
      bundle = await productionBundle();
      if (target === 'postgres') {
        scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL as string, 'apkalpe_crash');
        env = { DATABASE_URL: scratch.url, DATABASE_READ_URL: '' };
      } else {
        dataDir = mkdtempSync(join(tmpdir(), 'apkalpe-crash-'));
        // The run's migrated snapshot (test/run.ts) unpacked into the data directory, so that the first start does not
        // spend its time on initdb and the migrations; alone, the server makes and migrates it itself.
        const snapshot = process.env[PGLITE_SNAPSHOT_ENV];
        if (snapshot && existsSync(snapshot)) {
          const handle = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite'), loadDataDir: new Blob([readFileSync(snapshot)]) });
          await handle.close();
        }
        env = { DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_READ_URL: '' };
      }
    });

    after(async () => {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      await scratch?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it(`${KILLS} × kill -9 mid-load: every acknowledged booking and filing is intact after the restart, no slot overbooked`, async (t) => {
      const random = seeded(13);
      const bookings: Booking[] = [];
      const filings: Filing[] = [];
      const used = new Set<string>();
      const statuses: Record<string, number> = {};
      let cutOff = 0;
      const startTimes: number[] = [];
      const roundsStarted = performance.now();
      for (let round = 1; round <= KILLS; round++) {
        const started = await startServer(bundle, env);
        server = started;
        startTimes.push(started.startMs);
        // Restarted on the database the last kill left: everything acknowledged so far opens through the server.
        if (round > 1) assert.deepEqual(await checkThroughServer(started, bookings, filings), [], `acknowledged records lost after kill ${round - 1}`);
        const slots = await freshSlots(started.port, used, SLOTS_PER_ROUND);
        // Killed at a different moment each round, with the load in full swing.
        const figures = await loadThenKill(started, round, slots, 300 + Math.floor(random() * 1200), random, bookings, filings);
        for (const [status, n] of Object.entries(figures.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
        cutOff += figures.cutOff;
        assert.ok(figures.bookingsAcked > 0 && figures.filingsAcked > 0, `round ${round}: the load was acknowledged before the kill (${JSON.stringify(figures)})`);
      }
      const roundsMs = performance.now() - roundsStarted;

      // After the last kill the database is opened here (PGlite recovers its data directory as the server would at its
      // next start): every acknowledged record of every round is whole — as answered, still booked, with its audit event
      // (written in the same transaction) — and no slot holds more appointments than seats, nor counts other than it holds.
      const database: DatabaseHandle = await openDatabase(target === 'postgres' ? { kind: 'postgres', url: scratch?.url as string } : { kind: 'pglite', dataDir: join(dataDir as string, 'pglite') });
      try {
        const ids = `{${bookings.map((b) => b.id).join(',')}}`;
        const references = `{${filings.map((f) => f.reference).join(',')}}`;
        const storedBookings = rowsOf<{ id: string; start: Date | string; name: string; status: string; audited: boolean }>(
          await database.db.execute(sql`select a.id::text as id, a.starts_at as start, a.client_name as name, a.status,
            exists (select 1 from audit_log l where l.action = 'appointment.booked' and l.record_id = a.id::text) as audited
            from appointments a where a.id = any(${ids}::uuid[])`),
        );
        const storedFilings = rowsOf<{ reference: string; text: string | null; audited: boolean }>(
          await database.db.execute(sql`select i.reference,
            (select m.body_text from inquiry_messages m where m.inquiry_id = i.id and m.direction = 'in' order by m.at limit 1) as text,
            exists (select 1 from audit_log l where l.action = 'inquiry.filed' and l.record_id = i.id::text) as audited
            from inquiries i where i.reference = any(${references}::text[])`),
        );
        const bookingById = new Map(storedBookings.map((row) => [row.id, row]));
        const filingByReference = new Map(storedFilings.map((row) => [row.reference, row]));
        const lost = [
          ...bookings.flatMap((b) => {
            const row = bookingById.get(b.id);
            const intact = row && row.audited && row.status === 'booked' && row.name === b.name && new Date(row.start).getTime() === Date.parse(b.start);
            return intact ? [] : [`booking ${b.id}: ${JSON.stringify(row ?? 'missing')}`];
          }),
          ...filings.flatMap((f) => {
            const row = filingByReference.get(f.reference);
            return row && row.audited && row.text === f.text ? [] : [`filing ${f.reference}: ${JSON.stringify(row ?? 'missing')}`];
          }),
        ];
        const overbooked = rowsOf<{ start: string; capacity: number; taken: number; held: number }>(
          await database.db.execute(sql`select s.starts_at::text as start, s.capacity, s.taken, count(a.id) filter (where a.status <> 'cancelled')::int as held
            from appointment_slots s left join appointments a on a.slot_id = s.id group by s.id
            having count(a.id) filter (where a.status <> 'cancelled') > s.capacity or count(a.id) filter (where a.status <> 'cancelled') <> s.taken`),
        );
        const [slotFigures] = rowsOf<{ slots: number; seats: number; held: number }>(
          await database.db.execute(sql`select count(*)::int as slots, coalesce(sum(capacity), 0)::int as seats, coalesce(sum(taken), 0)::int as held from appointment_slots`),
        );
        t.diagnostic(
          `crash test (${target}): ${KILLS} × kill -9 under load of ${CLIENTS} clients; acknowledged ${bookings.length} bookings + ${filings.length} filings = ${bookings.length + filings.length}, ` +
            `lost ${lost.length}; requests cut off by the kills ${cutOff}; answers ${JSON.stringify(statuses)}; ` +
            `slots ${slotFigures?.slots} with ${slotFigures?.seats} seats, ${slotFigures?.held} held, overbooked ${overbooked.length}; ` +
            `server starts ${startTimes.map((ms) => (ms / 1000).toFixed(1)).join('/')} s, rounds ${(roundsMs / 1000).toFixed(1)} s`,
        );
        assert.deepEqual(lost, [], 'every acknowledged booking and filing is stored as answered, with its audit event');
        assert.deepEqual(overbooked, [], 'no slot holds more appointments than seats');
        assert.ok((statuses['409'] ?? 0) > 0, 'clients met a full slot (the overbooking check was tested at the limit)');
        assert.equal(statuses['500'] ?? 0, 0, 'no 500 under the load');
      } finally {
        await database.close();
      }
    });
  });
}

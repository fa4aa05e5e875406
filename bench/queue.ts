// Queue figures on PostgreSQL (issue: walk-in queue):
//   500 display boards connected (SSE): from "call next" to the event on every board  p95 < 200 ms
//   "call next" itself (POST …/call-next over HTTP)                                   p95 < 20 ms
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- queue
// (a fresh database is created and dropped; BENCH_BOARDS and BENCH_CALLS override the counts).
// The 500 boards are HTTP clients in a worker thread (their own event loop, as separate screens would be); the
// staff member's "call next" and the server share the main thread.
import { Worker } from 'node:worker_threads';
import { actOnTicket, callNext, staffCentre } from '../src/features/queue/queue-counters.service.ts';
import { createStaffUser } from '../src/features/staff/staff.service.ts';
import { Temporal } from 'temporal-polyfill';
import { createTestPlatform } from '../test/support/test-platform.ts';
import { report, signIn } from './measure.ts';

const BOARDS = Number(process.env.BENCH_BOARDS ?? 500);
const CALLS = Number(process.env.BENCH_CALLS ?? 100);
const COUNTERS = 8;
const CENTRE = 'riga-lacplesa';
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; this benchmark is for PostgreSQL.');
  process.exit(2);
}
process.env.TEST_DATABASE_URL = adminUrl;

// A running clock from Thursday 19 November 2026, 10:00 in Riga (the centre is open), so calls keep their order.
const BEGIN = Temporal.Instant.from('2026-11-19T08:00:00Z').epochMilliseconds;
const startedAt = Date.now();
const clock = () => Temporal.Instant.fromEpochMilliseconds(BEGIN + (Date.now() - startedAt));
const platform = await createTestPlatform('postgres', { clock });
try {
  const user = await createStaffUser({ ...platform.deps, agencyExists: () => true }, { actorId: null, actorLabel: 'bench', ip: null }, {
    email: 'bench@vsaa.test', name: 'Bench', password: 'bench-password-123', agency: 'vsaa', role: 'specialist',
  });
  const base = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(base).port);
  const cookie = await signIn(base, 'bench@vsaa.test', 'bench-password-123');
  const staffApi = `${base}/api/v1/staff/vsaa/queue`;

  for (let c = 1; c <= COUNTERS; c++) await post(`${staffApi}/centres/${CENTRE}/counters/${c}/open`, { services: ['pensijas', 'pabalsti', 'dokumenti'] }, cookie, 200);
  for (let i = 0; i < CALLS + 20; i++) await post(`${base}/api/v1/agencies/vsaa/centres/${CENTRE}/tickets`, { service: ['pensijas', 'pabalsti', 'dokumenti'][i % 3] }, '', 201);

  const boards = await connectBoards(port, `/api/v1/agencies/vsaa/centres/${CENTRE}/board/events`, BOARDS);
  console.log(`${BOARDS} boards connected`);

  const callTimes: number[] = [];
  const deliveryTimes: number[] = [];
  const current = new Map<number, string>();
  for (let round = 0; round < CALLS; round++) {
    const counter = (round % COUNTERS) + 1;
    const previous = current.get(counter);
    if (previous) {
      await post(`${staffApi}/tickets/${previous}/served`, undefined, cookie, 200);
      await new Promise((resolve) => setTimeout(resolve, 100)); // let that event settle: we time the call's own
    }
    const started = performance.timeOrigin + performance.now(); // one clock for both threads
    const called = (await post(`${staffApi}/centres/${CENTRE}/counters/${counter}/call-next`, undefined, cookie, 200)) as { ticket: { id: string; number: string } | null };
    callTimes.push(performance.timeOrigin + performance.now() - started);
    if (!called.ticket) throw new Error('nobody waiting: seed more tickets');
    current.set(counter, called.ticket.id);
    for (const at of await boards.waitForAll(called.ticket.number)) deliveryTimes.push(at - started);
  }
  report(`"call next" → event on each of ${BOARDS} boards`, deliveryTimes, 200);
  report('"call next" (POST …/call-next)', callTimes, 20);
  await boards.close();

  // The same use-case without HTTP and the session lookup: what the database work itself costs here.
  const scope = { actor: { id: user.id, email: 'bench@vsaa.test', name: 'Bench', memberships: [{ agency: 'vsaa', role: 'specialist' as const }], sessionId: 'bench' }, agency: 'vsaa', role: 'specialist' as const };
  const origin = { actorId: user.id, actorLabel: 'bench@vsaa.test', ip: null };
  const centre = staffCentre(platform.deps, scope, CENTRE);
  for (const id of current.values()) await actOnTicket(platform.deps, scope, origin, id, { action: 'served' });
  for (let i = 0; i < CALLS; i++) await post(`${base}/api/v1/agencies/vsaa/centres/${CENTRE}/tickets`, { service: 'dokumenti' }, '', 201);
  const serviceTimes: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    const ticket = await callNext(platform.deps, scope, origin, centre, 1);
    serviceTimes.push(performance.now() - started);
    if (ticket) await actOnTicket(platform.deps, scope, origin, ticket.id, { action: 'served' });
  }
  report('"call next" (service call, no HTTP)', serviceTimes, 20);
} finally {
  await platform.close();
}


type Boards = { waitForAll: (number: string) => Promise<number[]>; close: () => Promise<void> };

// Each board keeps the arrival time (timeOrigin + now: the same clock in both threads) of the first event showing
// a number as the latest call; "wait" answers once every board has shown it.
// A function, not a constant: the benchmark's top-level code runs before constants further down are set.
function boardsCode(): string {
  return `
  const { parentPort, workerData } = require('node:worker_threads');
  const http = require('node:http');
  const { port, path, count } = workerData;
  const agent = new http.Agent({ keepAlive: true, maxSockets: count + 10 });
  const arrivals = new Map(); // number -> arrival times
  const waiting = new Map(); // number -> true while the main thread waits for it
  const requests = [];
  function answer(number) {
    const times = arrivals.get(number) ?? [];
    if (waiting.has(number) && times.length === count) {
      waiting.delete(number);
      parentPort.postMessage({ number, times });
    }
  }
  function connect() {
    return new Promise((resolve, reject) => {
      const seen = new Set();
      const req = http.request({ host: '127.0.0.1', port, path, agent, headers: { accept: 'text/event-stream' } }, (response) => {
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          const at = performance.timeOrigin + performance.now();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\\n\\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\\n').find((line) => line.startsWith('data: '));
            if (!data) continue;
            const latest = JSON.parse(data.slice(6)).calls[0]?.number;
            if (latest && !seen.has(latest)) {
              seen.add(latest);
              if (!arrivals.has(latest)) arrivals.set(latest, []);
              arrivals.get(latest).push(at);
              answer(latest);
            }
          }
        });
        resolve();
      });
      req.on('error', reject);
      req.end();
      requests.push(req);
    });
  }
  Promise.all(Array.from({ length: count }, connect)).then(() => parentPort.postMessage({ connected: count }));
  parentPort.on('message', (message) => {
    if (message.close) {
      for (const req of requests) req.destroy();
      agent.destroy();
      parentPort.postMessage({ closed: true });
      return;
    }
    waiting.set(message.wait, true);
    answer(message.wait);
  });
`;
}

/** `count` display boards in a worker thread, connected to the SSE stream at `path`. */
function connectBoards(port: number, path: string, count: number): Promise<Boards> {
  const worker = new Worker(boardsCode(), { eval: true, workerData: { port, path, count } });
  const pending = new Map<string, (times: number[]) => void>();
  let closed: (() => void) | undefined;
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { connected?: number; number?: string; times?: number[]; closed?: boolean }) => {
      if (message.connected !== undefined) {
        resolve({
          waitForAll: (number) =>
            new Promise((done, fail) => {
              const timer = setTimeout(() => fail(new Error(`not every board showed ${number}`)), 10_000);
              pending.set(number, (times) => {
                clearTimeout(timer);
                done(times);
              });
              worker.postMessage({ wait: number });
            }),
          close: async () => {
            await new Promise<void>((done) => {
              closed = done;
              worker.postMessage({ close: true });
            });
            await worker.terminate();
          },
        });
      } else if (message.closed) closed?.();
      else if (message.number && message.times) pending.get(message.number)?.(message.times);
    });
  });
}

async function post(url: string, body: unknown, cookie: string, status: number): Promise<unknown> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: 'POST', headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (res.status !== status) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}


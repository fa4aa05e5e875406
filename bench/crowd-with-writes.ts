// The public crowd of a pension day with its writes (issue 18): 200 connections on the public pages (autocannon), first
// alone, then with clients filing questions and booking seats beside it, against the platform as `npm start` runs it
// on PostgreSQL. Each write drops from the page cache only the kept answers it can change (src/app/public-cache-routes.ts);
// this shows what the writes cost the crowd. No target of its own; printed for docs/performance.md.
// Run: BENCH_DATABASE_URL=postgres://… npm run bench -- crowd-with-writes
// Settings: BENCH_SECONDS per phase (15); BENCH_WRITERS (4 question writers and 4 booking writers); BENCH_WRITE_EVERY_MS
// (200: each writer's pace, so 4 + 4 writers send about 20 questions and 20 bookings a second).
import { Temporal } from 'temporal-polyfill';
import { describeCrowd, sendCrowd, shedAndFailed } from './support/crowd.ts';
import { benchDatabase, buildOnce, startPlatform, type Server } from './support/servers.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const WRITE_EVERY_MS = Number(process.env.BENCH_WRITE_EVERY_MS ?? 200);
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server.');
  process.exit(2);
}
const PAGES = ['/', '/vsaa', '/vsaa/standarts', '/kase/kontakti', '/vsaa/buj', '/vsaa/buj?q=pensija', '/vsaa/jautajums', '/vsaa/pieraksts', '/vsaa/rinda/riga-lacplesa', '/vsaa/rinda/riga-lacplesa/tablo', '/kalendars'];

type Writes = { questions: number; bookings: number; refused: number };

/** The free seats of the next weeks, one booking body each. */
async function freeSeats(base: string): Promise<Array<Record<string, string>>> {
  const today = Temporal.Now.plainDateISO('Europe/Riga');
  const seats: Array<Record<string, string>> = [];
  for (const service of ['pensijas', 'pabalsti', 'dokumenti']) {
    const url = `${base}/api/v1/agencies/vsaa/slots?service=${service}&from=${today.add({ days: 1 })}&to=${today.add({ days: 30 })}`;
    const { slots } = (await (await fetch(url)).json()) as { slots: Array<{ start: string; centre: string; free: number }> };
    for (const slot of slots) for (let seat = 0; seat < slot.free; seat++) seats.push({ service, centre: slot.centre, start: slot.start });
  }
  return seats;
}

/** Writers filing questions and booking seats, each at its pace, until `stop()`. */
function startWriters(base: string, seats: Array<Record<string, string>>): { stop: () => Promise<Writes> } {
  const writes: Writes = { questions: 0, bookings: 0, refused: 0 };
  let running = true;
  let n = 0;
  const post = async (path: string, body: unknown, counted: 'questions' | 'bookings') => {
    const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    if (res.status === 201) writes[counted]++;
    else writes.refused++;
  };
  const loop = async (write: () => Promise<void>) => {
    while (running) {
      const started = performance.now();
      await write();
      const wait = WRITE_EVERY_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  const question = () => post('/api/v1/agencies/vsaa/inquiries', { name: `Crowd ${n}`, email: `crowd${n++}@example.lv`, text: 'Jautājums par pensijas pārrēķinu' }, 'questions');
  const booking = async () => {
    const seat = seats.pop();
    if (seat) await post('/api/v1/agencies/vsaa/appointments', { ...seat, name: `Crowd ${n++}`, phone: '+371 20000000' }, 'bookings');
  };
  const loops = [...Array.from({ length: WRITERS }, () => loop(question)), ...Array.from({ length: WRITERS }, () => loop(booking))];
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return writes;
    },
  };
}

async function crowd(app: Server, label: string, writes?: () => Promise<Writes>): Promise<number> {
  const r = await sendCrowd(app.base, PAGES.map((path) => ({ path })), SECONDS, 200);
  const done = writes ? await writes() : undefined;
  const { shed, failed } = shedAndFailed(r);
  const written = done ? `; beside it ${(done.questions / SECONDS).toFixed(1)} questions/s and ${(done.bookings / SECONDS).toFixed(1)} bookings/s (${done.refused} refused)` : '';
  console.log(`${label}: ${describeCrowd(r)}, shed (503) ${shed}, other 5xx ${failed}${written}`);
  return r.requestsPerSecond;
}

buildOnce();
const { env, cleanup } = await benchDatabase('postgres', adminUrl);
const app = await startPlatform({ ...env, LOG_LEVEL: 'warn' });
try {
  for (const page of PAGES) await (await fetch(app.base + page)).arrayBuffer();
  const seats = await freeSeats(app.base);
  const alone = [await crowd(app, 'the crowd alone')];
  const withWrites = [await crowd(app, 'the crowd with writes', startWriters(app.base, seats).stop)];
  alone.push(await crowd(app, 'the crowd alone'));
  withWrites.push(await crowd(app, 'the crowd with writes', startWriters(app.base, seats).stop));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`crowd with writes ÷ crowd alone (means of two interleaved runs each): ${(mean(withWrites) / mean(alone)).toFixed(2)}`);
} finally {
  await app.stop();
  await cleanup();
}

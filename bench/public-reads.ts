// Baseline latency of the public read paths, in process (app.inject, no sockets), on PGlite.
// Run: npm run bench -- public-reads. Prints p50/p95 per route; results are written up in docs/performance.md.
import { fixedClock } from '../src/platform/clock.ts';
import { createTestPlatform } from '../test/support/test-platform.ts';
import { percentile } from './measure.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const routes = [
  '/api/v1/agencies/kase/channels',
  '/api/v1/agencies/vsaa',
  '/kase/kontakti',
  '/vsaa/standarts',
  '/api/v1/calendar?from=2026-01-01&to=2026-12-31',
  '/api/v1/calendar/deadline?rule=submission.answer&from=2026-03-27',
];


const platform = await createTestPlatform('pglite', { clock: fixedClock('2026-11-23T08:00:00Z') });
try {
  console.log(`rounds per route: ${ROUNDS} (after 20 warm-up requests)`);
  for (const url of routes) {
    for (let i = 0; i < 20; i++) await platform.app.inject(url);
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      const res = await platform.app.inject(url);
      times.push(performance.now() - start);
      status = res.statusCode;
    }
    times.sort((a, b) => a - b);
    console.log(`${url.padEnd(62)} status ${status}  p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms`);
  }
} finally {
  await platform.close();
}

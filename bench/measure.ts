// Timing helpers shared by the benchmarks, and the platform they measure.
import { createTestPlatform, type TestPlatform } from '../test/support/test-platform.ts';

/**
 * The platform a benchmark measures: a fresh PostgreSQL database (created and dropped by the test platform) on the
 * server of BENCH_DATABASE_URL or TEST_DATABASE_URL; exits with a hint when neither is set.
 */
export async function benchPlatform(): Promise<TestPlatform> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; this benchmark is for PostgreSQL.');
    process.exit(2);
  }
  process.env.TEST_DATABASE_URL = adminUrl;
  return createTestPlatform('postgres');
}

export function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export async function timeSequential(rounds: number, work: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, rounds); i++) await work(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** `total` calls, `concurrency` at a time; the latency of each call. */
export async function timeConcurrent(concurrency: number, total: number, work: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const start = performance.now();
      await work(i);
      times.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times;
}

/** `clients` clients, each starting a call every `intervalMs` (a client that is late starts at once): latencies under a steady load. */
export async function timePaced(clients: number, rounds: number, intervalMs: number, work: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  const client = async (c: number) => {
    let next = performance.now() + (intervalMs * c) / clients; // spread the starts over one interval
    for (let r = 0; r < rounds; r++) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const start = performance.now();
      await work(c * rounds + r);
      times.push(performance.now() - start);
      next += intervalMs;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return times;
}

/** One line per figure: p50, p95 and, when there is a target, whether it is met. */
export function report(name: string, times: number[], targetMs?: number): void {
  const p95 = percentile(times, 95);
  const verdict = targetMs === undefined ? '' : `  target < ${targetMs} ms  ${p95 < targetMs ? 'OK' : 'MISSED'}`;
  console.log(`${name.padEnd(66)} n=${times.length} p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms${verdict}`);
}

/** GET that must answer 200 (body read to the end). */
export async function getOk(url: string, cookie: string): Promise<void> {
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  await res.arrayBuffer();
}

/** Signs in at /staff/login like a browser (CSRF token from the form); returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${base}/staff/login`);
  const jar = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${base}/staff/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ email, password, _csrf: token }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('apkalpe_session='))?.split(';')[0];
  if (!session) throw new Error(`sign-in failed: ${res.status}`);
  return session;
}

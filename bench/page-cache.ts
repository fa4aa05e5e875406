// npm run bench -- page-cache: the server's RSS (process memory) after start and after many different public URLs —
// knowledge-base searches, each asked once, as a crowd of clients searching for their own words would — with the page
// cache on as by default (PAGE_CACHE_MS 1 s). It reads the process from outside: it shows what such a load leaves in
// memory, not what the cache itself holds (src/platform/http/page-cache.test.ts shows that). Settings:
// BENCH_DB=postgres|pglite (pglite), BENCH_URLS (4000), BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL.
import { benchDatabase, buildOnce, rssMb, startPlatform } from './support/servers.ts';

const URLS = Number(process.env.BENCH_URLS ?? 4000);
const CLIENTS = 20;
const database = process.env.BENCH_DB ?? 'pglite';

buildOnce();
const { env, cleanup } = await benchDatabase(database, process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
const app = await startPlatform({ ...env, WORKERS: '1', LOG_LEVEL: 'warn' });
try {
  const pid = app.process.pid as number;
  console.log(`--- ${database}: ${URLS} different FAQ searches, ${CLIENTS} clients ---`);
  console.log(`RSS after start: ${rssMb(pid).total.toFixed(0)} MB`);
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < URLS; i = next++) {
        const res = await fetch(`${app.base}/vsaa/buj?q=pensija+${i}`);
        if (res.status !== 200) throw new Error(`search ${i}: ${res.status}`);
        bytes += (await res.arrayBuffer()).byteLength;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${URLS} searches in ${seconds.toFixed(1)} s (${(URLS / seconds).toFixed(0)}/s), ${(bytes / URLS / 1024).toFixed(0)} KB a page`);
  console.log(`RSS after the searches: ${rssMb(pid).total.toFixed(0)} MB`);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  console.log(`RSS 5 s later: ${rssMb(pid).total.toFixed(0)} MB`);
} finally {
  await app.stop();
  await cleanup();
}

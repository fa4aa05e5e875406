// npm run bench -- page-cache: the server's memory after many different public URLs (knowledge-base searches, each
// asked once, as a crowd of clients searching for their own words would), with the page cache on (PAGE_CACHE_MS as
// by default). Each answer is kept for 1 s; what the cache holds after the run should be what the last second made,
// not thousands of pages nobody asks for again. Settings: BENCH_DB=postgres|pglite (pglite), BENCH_URLS (4000),
// BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPostgresDatabase } from '../test/support/test-platform.ts';
import { buildOnce, rssMb, startPlatform } from './support/servers.ts';

const URLS = Number(process.env.BENCH_URLS ?? 4000);
const CLIENTS = 20;
const database = process.env.BENCH_DB ?? 'pglite';
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

async function databaseEnv(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (database === 'postgres') {
    if (!adminUrl) throw new Error('BENCH_DB=postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
    const scratch = await createScratchPostgresDatabase(adminUrl, 'apkalpe_bench');
    return { env: { DATABASE_URL: scratch.url }, cleanup: scratch.drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'apkalpe-bench-data-'));
  return { env: { DATA_DIR: dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

buildOnce();
const { env, cleanup } = await databaseEnv();
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

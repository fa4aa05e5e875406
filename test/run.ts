// The whole suite: unit and HTTP tests always (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), browser tests
// when Chromium is installed (test/support/chromium.ts). test/launch.mjs finds and compiles the files, then calls runSuite.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
// @ts-expect-error: a plain JavaScript reporter without types
import slowestFiles from './support/slowest-files.mjs';
import { CHROMIUM_PATH } from './support/chromium.ts';
import { createPostgresTemplate, PGLITE_SNAPSHOT_ENV, POSTGRES_TEMPLATE_ENV, writePgliteSnapshot } from './support/test-platform.ts';

const root = new URL('..', import.meta.url).pathname;

/** A test file: its source (relative to the project) and the JavaScript test/launch.mjs compiled it to. */
export type SuiteFile = { source: string; compiled: string };

const isBrowserTest = (file: SuiteFile) => file.source.startsWith('test/e2e/');

/** Leaves the browser files out, loudly, when there is no Chromium; fails instead when REQUIRE_BROWSER=1. */
function runnable(all: SuiteFile[]): SuiteFile[] {
  const browserTests = all.filter(isBrowserTest);
  if (existsSync(CHROMIUM_PATH) || browserTests.length === 0) return all;
  const banner = '!'.repeat(78);
  console.error(`\n${banner}\n!! BROWSER TESTS LEFT OUT: ${CHROMIUM_PATH} was not found.`);
  console.error('!! Install it with:  apt-get install chromium-headless-shell');
  console.error(`!! Not run (${browserTests.length}):\n${browserTests.map((f) => `!!   ${f.source}`).join('\n')}\n${banner}\n`);
  if (process.env.REQUIRE_BROWSER === '1') {
    console.error('REQUIRE_BROWSER=1: a missing browser is a failure.');
    process.exit(1);
  }
  return all.filter((file) => !isBrowserTest(file));
}

// The longest files start first, so that no long one runs alone at the end while the other cores idle: browser
// tests, then the hardening suites, then the rest; within each, the larger file first (a rough measure of length).
function longestFirst(files: SuiteFile[]): SuiteFile[] {
  const weight = ({ source }: SuiteFile) =>
    source.startsWith('test/e2e/') || source.includes('.browser.test.') ? 2 : source.startsWith('test/hardening/') ? 1 : 0;
  const size = new Map(files.map((file) => [file, statSync(join(root, file.source)).size]));
  return files.sort((a, b) => weight(b) - weight(a) || (size.get(b) ?? 0) - (size.get(a) ?? 0));
}

/** Runs the test files and exits with the suite's result. */
export async function runSuite(all: SuiteFile[]): Promise<void> {
  const files = longestFirst(runnable(all));
  console.log(
    `Database targets: PGlite${process.env.TEST_DATABASE_URL ? ' + PostgreSQL (TEST_DATABASE_URL)' : ' only (set TEST_DATABASE_URL to also run on a PostgreSQL server)'}`,
  );
  // Migrate once for the whole run: every test file starts its PGlite from this snapshot instead of initdb + migrations.
  const scratch = mkdtempSync(join(tmpdir(), 'apkalpe-test-'));
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  const snapshot = join(scratch, 'pglite-migrated.tar');
  const started = Date.now();
  const adminUrl = process.env.TEST_DATABASE_URL;
  const [template] = await Promise.all([adminUrl ? createPostgresTemplate(adminUrl) : undefined, writePgliteSnapshot(snapshot)]);
  console.log(`Migrated PGlite snapshot${template ? ' and PostgreSQL template' : ''} for this run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // TEST_CONCURRENCY=n runs n test files at a time (default: one per core, at least 2).
  const concurrency = Number(process.env.TEST_CONCURRENCY) || Math.max(2, availableParallelism());
  // Each file runs in its own process, started with this one's flags and environment. run() keeps the order given
  // (the --test command line sorts the files by name).
  Object.assign(process.env, {
    // The libraries' production builds, as `npm start` runs them: pages render with the React that ships (its
    // development build, with checks no test reads, took a quarter of the fuzz test's CPU).
    NODE_ENV: 'production',
    CHROMIUM_PATH,
    [PGLITE_SNAPSHOT_ENV]: snapshot,
    ...(template ? { [POSTGRES_TEMPLATE_ENV]: template.name } : {}),
    TEST_CONCURRENCY: String(concurrency),
  });
  process.chdir(root);
  const events = run({ files: files.map((file) => file.compiled), concurrency });
  // The runner's own summary (its last diagnostics), restated at the end as the plain closing line CI tools read.
  const summary = new Map<string, number>();
  events.on('test:diagnostic', (event: { nesting: number; message: string }) => {
    const count = /^(\w+) (\d+)$/.exec(event.message);
    if (count && event.nesting === 0) summary.set(count[1] as string, Number(count[2]));
  });
  const sourceOf = new Map(files.map((file) => [file.compiled, file.source]));
  events.compose((source: AsyncIterable<unknown>) => slowestFiles(source, sourceOf)).pipe(process.stderr);
  const report = events.compose(new spec());
  report.pipe(process.stdout);
  report.on('end', async () => {
    await template?.drop().catch((error: unknown) => console.error(`could not drop the PostgreSQL template: ${String(error)}`));
    const count = (label: string) => summary.get(label) ?? 0;
    const failed = count('fail') + count('cancelled');
    const skipped = count('skipped') + count('todo');
    console.log(`\n${count('pass')} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    process.exit(failed > 0 || count('pass') === 0 ? 1 : 0);
  });
}

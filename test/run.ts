// The whole suite: unit and HTTP tests always (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), browser tests when /usr/bin/chromium exists.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
// @ts-expect-error: a plain JavaScript reporter without types
import slowestFiles from './support/slowest-files.mjs';
import { createPostgresTemplate, PGLITE_SNAPSHOT_ENV, POSTGRES_TEMPLATE_ENV, writePgliteSnapshot } from './support/test-platform.ts';

const root = new URL('..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function findTests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    if (statSync(path).isDirectory()) return findTests(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const only = process.argv.slice(2);
const all = [...findTests(join(root, 'src')), ...findTests(join(root, 'test'))]
  .map((file) => relative(root, file))
  .filter((file) => only.length === 0 || only.some((pattern) => file.includes(pattern)))
  .sort();
const browserTests = all.filter((file) => file.startsWith('test/e2e/'));
const otherTests = all.filter((file) => !file.startsWith('test/e2e/'));
const browserAvailable = existsSync(CHROMIUM);

if (!browserAvailable && browserTests.length > 0) {
  const banner = '!'.repeat(78);
  console.error(`\n${banner}\n!! BROWSER TESTS LEFT OUT: ${CHROMIUM} was not found.`);
  console.error('!! Install it with:  apt-get install chromium');
  console.error(`!! Not run (${browserTests.length}):\n${browserTests.map((f) => `!!   ${f}`).join('\n')}\n${banner}\n`);
  if (process.env.REQUIRE_BROWSER === '1') {
    console.error('REQUIRE_BROWSER=1: a missing browser is a failure.');
    process.exit(1);
  }
}
console.log(
  `Database targets: PGlite${process.env.TEST_DATABASE_URL ? ' + PostgreSQL (TEST_DATABASE_URL)' : ' only (set TEST_DATABASE_URL to also run on a PostgreSQL server)'}`,
);

// The longest files start first, so that no long one runs alone at the end while the other cores idle: browser
// tests, then the hardening suites, then the rest; within each, the larger file first (a rough measure of length).
const weight = (file: string) => (file.startsWith('test/e2e/') || file.includes('.browser.test.') ? 2 : file.startsWith('test/hardening/') ? 1 : 0);
const size = new Map(all.map((file) => [file, statSync(join(root, file)).size]));
const files = (browserAvailable ? all : otherTests).sort((a, b) => weight(b) - weight(a) || (size.get(b) ?? 0) - (size.get(a) ?? 0));
// Migrate once for the whole run: every test file starts its PGlite from this snapshot instead of initdb + migrations.
const scratch = mkdtempSync(join(tmpdir(), 'apkalpe-test-'));
const snapshot = join(scratch, 'pglite-migrated.tar');
const started = Date.now();
const adminUrl = process.env.TEST_DATABASE_URL;
const [template] = await Promise.all([adminUrl ? createPostgresTemplate(adminUrl) : undefined, writePgliteSnapshot(snapshot)]);
console.log(`Migrated PGlite snapshot${template ? ' and PostgreSQL template' : ''} for this run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
// TEST_CONCURRENCY=n runs n test files at a time (default: one per core, at least 2).
const concurrency = Number(process.env.TEST_CONCURRENCY) || Math.max(2, availableParallelism());
// Each file runs in its own process, started with this one's flags (--import tsx) and environment. run() keeps the
// order given (the --test command line sorts the files by name).
Object.assign(process.env, {
  CHROMIUM_PATH: CHROMIUM,
  [PGLITE_SNAPSHOT_ENV]: snapshot,
  ...(template ? { [POSTGRES_TEMPLATE_ENV]: template.name } : {}),
  TEST_CONCURRENCY: String(concurrency),
});
process.chdir(root);
const events = run({ files: files.map((file) => join(root, file)), concurrency });
// The runner's own summary (its last diagnostics), restated at the end as the plain closing line CI tools read.
const summary = new Map<string, number>();
events.on('test:diagnostic', (event: { nesting: number; message: string }) => {
  const count = /^(\w+) (\d+)$/.exec(event.message);
  if (count && event.nesting === 0) summary.set(count[1] as string, Number(count[2]));
});
events.compose(slowestFiles).pipe(process.stderr);
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

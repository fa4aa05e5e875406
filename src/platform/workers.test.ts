import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { buildAsice, makeCa, makeSigner } from '../features/signatures/signatures.testing.ts';
import type { VerificationOutcome } from '../features/signatures/signatures.schema.ts';
import { createStaffUser } from '../features/staff/staff.service.ts';
import { insertCalendarEntry } from '../features/calendar/calendar.repository.ts';
import { CALENDAR_MAX_AGE_MS } from '../features/calendar/calendar.service.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { freePort } from '../../test/support/ports.ts';
import { createScratchPostgresDatabase } from '../../test/support/test-platform.ts';

const root = new URL('../../', import.meta.url).pathname;
const PASSWORD = 'correct horse battery';
const PAGE_CACHE_MS = 1000;

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One request on a new connection (no keep-alive), so that node:cluster hands each to the next process. */
function send(port: number, method: string, path: string, options: { cookie?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { connection: 'close' };
  if (options.cookie) headers.cookie = options.cookie;
  if (body !== undefined) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) });
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const cookiesOf = (answer: Answer) => ((answer.headers['set-cookie'] as string[] | undefined) ?? []).map((c) => c.split(';')[0]).join('; ');
const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function signInAttempt(port: number, email: string, password: string): Promise<Answer> {
  const page = await send(port, 'GET', '/staff/login');
  return send(port, 'POST', '/staff/login', { cookie: cookiesOf(page), form: { email, password, _csrf: tokenOf(page.body) } });
}

describe('WORKERS=n and the embedded database', () => {
  it('the settings refuse WORKERS > 1 without DATABASE_URL, with a clear message', () => {
    assert.throws(() => loadConfig({ WORKERS: '2' }), (error: Error) => error instanceof ConfigError && /WORKERS: 2 server processes need a PostgreSQL server \(DATABASE_URL\)/.test(error.message));
    assert.equal(loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://x@localhost/db' }).workers, 2);
    assert.equal(loadConfig({}).workers, 1);
  });

  it('npm start with WORKERS=2 on the embedded database stops at once and says why', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'apkalpe-workers-'));
    try {
      const run = spawnSync(process.execPath, [join(root, 'bin/start.mjs')], { cwd: root, env: { ...process.env, WORKERS: '2', DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0' }, encoding: 'utf8', timeout: 60_000 });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /Apkalpe cannot start[\s\S]*WORKERS: 2 server processes need a PostgreSQL server \(DATABASE_URL\)/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;
describe('WORKERS=2 on PostgreSQL: two server processes on one port behave as one', { skip: adminUrl ? false : 'needs TEST_DATABASE_URL (PostgreSQL)', timeout: 120_000 }, () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let database: DatabaseHandle;
  let server: ChildProcess;
  let port: number;
  let log = '';
  /** The process ids that logged an answer to `path` since `from` (an offset in the log). */
  const pidsServing = (path: string, from: number) => {
    const pids = new Set<number>();
    for (const line of log.slice(from).split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { pid: number; req?: { url?: string } };
      if (entry.req?.url?.split('?')[0] === path) pids.add(entry.pid);
    }
    return pids;
  };

  /** The server writes its log in blocks at least once a second (main.ts): wait up to 3 s for the lines. */
  const logged = async (seen: () => boolean) => {
    for (const until = Date.now() + 3000; !seen() && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
  };

  before(async () => {
    scratch = await createScratchPostgresDatabase(adminUrl as string, 'apkalpe_workers');
    port = await freePort();
    server = spawn(process.execPath, [join(root, 'bin/start.mjs')], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', WORKERS: '2', DATABASE_URL: scratch.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', PAGE_CACHE_MS: String(PAGE_CACHE_MS), SMTP_INTAKE_PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const until = Date.now() + 60_000;
    // Both processes listening (each logs it), and answering.
    for (;;) {
      const ok = await send(port, 'GET', '/api/health').then((a) => a.status === 200, () => false);
      if (ok && (log.match(/Server listening at/g) ?? []).length >= 2 && /Apkalpe is running/.test(log)) break;
      if (Date.now() > until || server.exitCode !== null) throw new Error(`server did not start: ${log.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    database = await openDatabase({ kind: 'postgres', url: scratch.url });
    const deps = { db: database.db, clock: systemClock, agencyExists: () => true };
    const origin = { actorId: null, actorLabel: 'test', ip: null };
    await createStaffUser(deps, origin, { email: 'both@vsaa.test', name: 'Abi', password: PASSWORD, agency: 'vsaa', role: 'specialist' });
    await createStaffUser(deps, origin, { email: 'limited@vsaa.test', name: 'Ierobežots', password: PASSWORD, agency: 'vsaa', role: 'specialist' });
  });

  after(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
    }
    await database?.close();
    await scratch?.drop();
  });

  it('a session made by one process is valid in the other', async () => {
    const answer = await signInAttempt(port, 'both@vsaa.test', PASSWORD);
    assert.equal(answer.status, 303);
    const session = cookiesOf(answer);
    assert.match(session, /apkalpe_session=/);
    const from = log.length;
    for (let i = 0; i < 8; i++) {
      const page = await send(port, 'GET', '/staff', { cookie: session });
      assert.equal(page.status, 200, `request ${i}: ${page.status} ${String(page.headers.location ?? '')}`);
    }
    await logged(() => pidsServing('/staff', from).size === 2);
    assert.equal(pidsServing('/staff', from).size, 2, 'both processes served the signed-in staff member');
  });

  it('the sign-in rate limit counts the failures of both processes together', async () => {
    const from = log.length;
    for (let i = 0; i < 5; i++) assert.notEqual((await signInAttempt(port, 'limited@vsaa.test', 'wrong password')).status, 303);
    const refused = await signInAttempt(port, 'limited@vsaa.test', PASSWORD);
    assert.notEqual(refused.status, 303, 'the right password is refused after five failures, whichever process counts them');
    await logged(() => pidsServing('/staff/login', from).size === 2);
    assert.equal(pidsServing('/staff/login', from).size, 2, 'the attempts were spread over both processes');
  });

  it('a calendar change written by another process is seen by both within the documented time', async () => {
    const url = '/api/v1/calendar?from=2027-06-08&to=2027-06-08';
    const working = async () => (JSON.parse((await send(port, 'GET', url)).body) as { days: Array<{ working: boolean }> }).days[0]?.working;
    assert.equal(await working(), true);
    assert.equal(await working(), true);
    // Written straight to the table, as the calendar import CLI or a third process would.
    await insertCalendarEntry(database.db, { kind: 'day-off', date: '2027-06-08', name: { lv: 'Brīvdiena (tests)', en: 'Day off (test)' }, source: 'tests' }, null);
    const written = Date.now();
    const bound = CALENDAR_MAX_AGE_MS + PAGE_CACHE_MS;
    await new Promise((resolve) => setTimeout(resolve, bound + 300));
    const answers = await Promise.all(Array.from({ length: 6 }, () => working()));
    assert.deepEqual(answers, Array(6).fill(false), `every process shows the change ${Date.now() - written} ms after it (documented bound ${bound} ms)`);
  });

  it('the production build seeds each agency’s first knowledge base from agencies/faq', async () => {
    const faq = JSON.parse((await send(port, 'GET', '/api/v1/agencies/vsaa/faq')).body) as { entries: unknown[] };
    assert.ok(faq.entries.length > 0, 'the bundle found agencies/faq/vsaa.yaml');
  });

  it('the production build’s signature worker verifies a signed container (a worker that fails to load would call it invalid)', async () => {
    const ca = await makeCa();
    const content = await buildAsice({ 'iesniegums.txt': new TextEncoder().encode('Lūdzu.') }, [await makeSigner(ca)]);
    const worker = new Worker(join(root, 'dist', 'verify.worker.js'), { workerData: { anchors: null } });
    try {
      const answer = new Promise<{ outcome?: VerificationOutcome; error?: string }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ id: 1, fileName: 'iesniegums.edoc', contentType: 'application/vnd.etsi.asic-e+zip', content, now: Date.now() });
      const { outcome, error } = await answer;
      assert.equal(error, undefined);
      assert.equal(outcome?.kind, 'report');
      const report = outcome?.kind === 'report' ? outcome.report : undefined;
      assert.equal(report?.status, 'qualification-not-checked', 'integrity checked, no trusted list given');
      assert.equal(report?.signatures[0]?.integrity, true);
    } finally {
      await worker.terminate();
    }
  });

  it('SIGTERM stops both processes cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal((log.match(/stopped cleanly/g) ?? []).length, 2, log.slice(-1500));
  });
});

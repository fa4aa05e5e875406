import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AgencyProfileError } from '../features/agencies/agency-profile.loader.ts';
import { preparePlatform } from './bootstrap.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('configuration', () => {
  it('defaults to port 3000, ./data and the embedded database', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, join(process.cwd(), 'data'));
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.logLevel, 'info');
  });

  it('reads PORT, DATA_DIR, DATABASE_URL and LOG_LEVEL', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@h/db', LOG_LEVEL: 'debug' });
    assert.deepEqual([config.port, config.dataDir, config.databaseUrl, config.logLevel], [8080, '/tmp/x', 'postgres://u@h/db', 'debug']);
  });

  it('SUBMISSION_EXTENSION switches the 2026 extension rule: on by default, off when asked, anything else refused', () => {
    assert.equal(loadConfig({}).submissionExtension, true);
    assert.equal(loadConfig({ SUBMISSION_EXTENSION: 'off' }).submissionExtension, false);
    assert.throws(() => loadConfig({ SUBMISSION_EXTENSION: 'maybe' }), /SUBMISSION_EXTENSION: Use on or off/);
  });

  it('names each bad setting', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }), (error: Error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PORT/);
      assert.match(error.message, /LOG_LEVEL/);
      assert.match(error.message, /DATABASE_URL must start with postgres/);
      return true;
    });
  });
});

describe('a broken profile stops the start before anything is written', () => {
  it('names the file, the field path and the problem', async () => {
    const dataDir = join(tmpdir(), `apkalpe-never-${process.pid}`);
    const config = { ...loadConfig({}), dataDir, agenciesDir: join(root, 'src/features/agencies/fixtures/broken') };
    await assert.rejects(preparePlatform(config), (error: Error) => {
      assert.ok(error instanceof AgencyProfileError);
      assert.match(error.message, /\.yaml/);
      assert.match(error.message, /: [\w[\].]+: /, 'has a field path');
      return true;
    });
    assert.equal(existsSync(dataDir), false, 'no database was created');
  });
});

type Running = { output: () => string; exited: Promise<number | null>; kill: (signal: NodeJS.Signals) => void };

const children: Array<{ kill: (signal: NodeJS.Signals) => void }> = [];
// A server left behind by a failed assertion must not outlive the test file.
after(() => children.forEach((child) => child.kill('SIGKILL')));

function startServer(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  children.push(child);
  return { output: () => output, exited, kill: (signal) => child.kill(signal) };
}

async function waitFor(running: Running, pattern: RegExp, ms = 120_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const match = running.output().match(pattern);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${pattern}; output so far:\n${running.output()}`);
}

describe('npm start: one process, embedded database, clean shutdown', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'apkalpe-start-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('starts on PGlite in DATA_DIR, prints the URL and demo users, serves, and stops on SIGTERM', async () => {
    const server = startServer({ DATA_DIR: dataDir });
    const [, url] = await waitFor(server, /Apkalpe is running: (http:\/\/localhost:\d+)/);
    assert.match(server.output(), /supervisor\.vsaa@demo\.apkalpe\.lv/);
    const health = await fetch(`${url}/api/health`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { database: { kind: string } }).database.kind, 'pglite');
    assert.equal((await fetch(`${url}/kase/standarts`)).status, 200);
    assert.ok(existsSync(join(dataDir, 'pglite')), 'the database lives in DATA_DIR');
    server.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    assert.match(server.output(), /stopped cleanly/);
  });

  it('a second start reuses the database and the demo users', async () => {
    const server = startServer({ DATA_DIR: dataDir });
    const [, url] = await waitFor(server, /Apkalpe is running: (http:\/\/localhost:\d+)/);
    assert.doesNotMatch(server.output(), /Demo staff users created/);
    const form = await fetch(`${url}/staff/login`);
    assert.equal(form.status, 200);
    server.kill('SIGTERM');
    assert.equal(await server.exited, 0);
  });

  it('refuses to start with a broken profile, naming the file', async () => {
    const server = startServer({ DATA_DIR: dataDir, AGENCIES_DIR: join(root, 'src/features/agencies/fixtures/broken') });
    assert.equal(await server.exited, 1);
    assert.match(server.output(), /Apkalpe cannot start/);
    assert.match(server.output(), /\.yaml: /);
  });
});

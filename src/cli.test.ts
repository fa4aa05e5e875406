import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { preparePlatform } from './app/bootstrap.ts';
import { platformOpener } from './app/cli.ts';
import { runCommandLine } from './app/cli.testing.ts';
import { loadConfig } from './platform/config.ts';
import { signIn } from './features/staff/staff.service.ts';

const root = new URL('../', import.meta.url).pathname;

/** The command line run in this process (as bin/apkalpe.mjs runs it), on the database in `env.DATA_DIR`. */
function apkalpe(args: string[], env: { DATA_DIR?: string } = {}) {
  const config = () => ({ ...loadConfig({}), logLevel: 'silent' as const, ...(env.DATA_DIR ? { dataDir: env.DATA_DIR } : {}) });
  return runCommandLine(args, platformOpener(config));
}

describe('bin/apkalpe.mjs (one spawned process: what an operator runs)', () => {
  it('runs a command and returns its exit code', () => {
    const result = spawnSync(process.execPath, [join(root, 'bin/apkalpe.mjs'), 'agencies', 'validate', 'agencies/kase.yaml'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /OK agencies\/kase\.yaml/);
    const wrong = spawnSync(process.execPath, [join(root, 'bin/apkalpe.mjs'), 'agencies', 'nonsense'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /Usage: npx apkalpe/);
  });
});

describe('npx apkalpe agencies validate', () => {
  it('accepts both real profiles', async () => {
    const run = await apkalpe(['agencies', 'validate', 'agencies/vsaa.yaml', 'agencies/kase.yaml']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /OK agencies\/vsaa\.yaml/);
    assert.match(run.stdout, /OK agencies\/kase\.yaml/);
  });

  it('rejects a broken profile naming the file, the field path and the problem', async () => {
    const run = await apkalpe(['agencies', 'validate', 'src/features/agencies/fixtures/broken/missing-english.yaml']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /missing-english\.yaml/);
    assert.match(run.stderr, /\.en: /);
  });

  it('explains its usage when called wrongly', async () => {
    const run = await apkalpe(['agencies', 'nonsense']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Usage: npx apkalpe/);
  });
});

describe('npx apkalpe users create', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'apkalpe-cli-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('creates a staff user who can then sign in with that role', async () => {
    const run = await apkalpe(
      ['users', 'create', '--agency', 'vsaa', '--role', 'supervisor', '--email', 'Anna@VSAA.gov.lv', '--name', 'Anna Bērziņa', '--password', 'ilgā-parole-123'],
      { DATA_DIR: dataDir },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Created anna@vsaa\.gov\.lv as supervisor of vsaa/);
    const { deps, database } = await preparePlatform({ ...loadConfig({}), dataDir });
    try {
      const result = await signIn(deps, { actorId: null, actorLabel: 'test', ip: '127.0.0.1', userAgent: null }, { email: 'anna@vsaa.gov.lv', password: 'ilgā-parole-123' });
      assert.ok(result.ok);
      if (result.ok) assert.deepEqual(result.actor.memberships, [{ agency: 'vsaa', role: 'supervisor' }]);
    } finally {
      await database.close();
    }
  });

  it('generates and prints a password when none is given', async () => {
    const run = await apkalpe(['users', 'create', '--agency', 'kase', '--role', 'auditor', '--email', 'janis@kase.gov.lv'], { DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Password: \S{12,}/);
  });

  it('refuses an unknown agency, role or a bad e-mail with a clear message', async () => {
    const agency = await apkalpe(['users', 'create', '--agency', 'nav', '--role', 'auditor', '--email', 'a@b.lv'], { DATA_DIR: dataDir });
    assert.equal(agency.code, 2);
    assert.match(agency.stderr, /Unknown agency "nav"/);
    const role = await apkalpe(['users', 'create', '--agency', 'vsaa', '--role', 'boss', '--email', 'a@b.lv'], { DATA_DIR: dataDir });
    assert.equal(role.code, 2);
    assert.match(role.stderr, /--role/);
    const email = await apkalpe(['users', 'create', '--agency', 'vsaa', '--role', 'auditor', '--email', 'nav-epasts'], { DATA_DIR: dataDir });
    assert.equal(email.code, 2);
    assert.match(email.stderr, /--email/);
  });
});

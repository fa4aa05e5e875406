import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = new URL('../../../', import.meta.url).pathname;

function apkalpe(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(root, 'bin/apkalpe.mjs'), ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npx apkalpe retention run', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'apkalpe-retention-cli-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('--dry-run counts per agency and kind; without it the run applies and says what it did', () => {
    const dry = apkalpe(['retention', 'run', '--dry-run'], { DATA_DIR: dataDir });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Dry run [0-9a-f-]{36}:/);
    assert.match(dry.stdout, /vsaa inquiry \(inquiries\): would anonymise 0/);
    assert.match(dry.stdout, /platform staff-session \(staff_sessions\): would delete 0/);
    const run = apkalpe(['retention', 'run'], { DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Retention run [0-9a-f-]{36}:/);
    assert.match(run.stdout, /kase appointment \(appointments\): anonymised 0 in 0 batch\(es\)/);
  });

  it('refuses an unknown option with the usage', () => {
    const run = apkalpe(['retention', 'run', '--force'], { DATA_DIR: dataDir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Usage: apkalpe retention run \[--dry-run\]/);
  });
});

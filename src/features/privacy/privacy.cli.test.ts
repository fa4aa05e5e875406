// `npx apkalpe retention run`, run in this process as bin/apkalpe.mjs runs it (src/cli.test.ts spawns the one
// process that shows the bin file itself works), on a migrated test platform.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, type TestPlatform } from '../../../test/support/test-platform.ts';
import { runCommandLine } from '../../app/cli.testing.ts';

describe('npx apkalpe retention run', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform('pglite');
  });
  after(() => platform.close());

  const apkalpe = (args: string[]) => runCommandLine(args, (work) => work(platform.deps));

  it('--dry-run counts per agency and kind; without it the run applies and says what it did', async () => {
    const dry = await apkalpe(['retention', 'run', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Dry run [0-9a-f-]{36}:/);
    assert.match(dry.stdout, /vsaa inquiry \(inquiries\): would anonymise 0/);
    assert.match(dry.stdout, /platform staff-session \(staff_sessions\): would delete 0/);
    const run = await apkalpe(['retention', 'run']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Retention run [0-9a-f-]{36}:/);
    assert.match(run.stdout, /kase appointment \(appointments\): anonymised 0 in 0 batch\(es\)/);
  });

  it('refuses an unknown option with the usage', async () => {
    const run = await apkalpe(['retention', 'run', '--force']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Usage: apkalpe retention run \[--dry-run\]/);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { APP_JOBS } from '../../app/jobs.ts';
import { defineJob, startJobs, type JobRunner } from './jobs.ts';
import { testDatabaseUrl, waitFor } from './jobs.testing.ts';

async function jobState(platform: TestPlatform, id: string): Promise<{ state: string; output: unknown } | undefined> {
  const result = await platform.deps.db.execute(sql`select state, output from pgboss.job where id = ${id}`);
  return (result as unknown as { rows: Array<{ state: string; output: unknown }> }).rows[0];
}

for (const target of testTargets()) {
  describe(`background jobs on pg-boss (${target})`, () => {
    let platform: TestPlatform;
    let runner: JobRunner;
    const echoed: unknown[] = [];
    let cronRuns = 0;
    let slowFinished = false;
    let slowStarted = false;

    before(async () => {
      platform = await createTestPlatform(target);
      const connectionString = await testDatabaseUrl(platform);
      runner = await startJobs(platform.deps, platform.database, {
        ...(connectionString ? { connectionString } : {}),
        pollingIntervalSeconds: 0.5,
        boss: { cronWorkerIntervalSeconds: 1, cronMonitorIntervalSeconds: 1 },
        jobs: [
          ...APP_JOBS,
          defineJob('test.echo', async (_deps, data) => {
            echoed.push(data);
            return { echoed: data.word };
          }),
          defineJob(
            'test.broken',
            async () => {
              throw new Error('broken on purpose');
            },
            { queue: { retryLimit: 0 } },
          ),
          defineJob(
            'test.every-minute',
            async () => {
              cronRuns += 1;
            },
            { cron: '* * * * *' },
          ),
          defineJob('test.slow', async () => {
            slowStarted = true;
            await new Promise((resolve) => setTimeout(resolve, 1500));
            slowFinished = true;
            return { slept: true };
          }),
        ],
      });
    });
    after(async () => {
      await runner.stop();
      await platform.close();
    });

    it('a sent job is worked by its handler and completes with its output', async () => {
      const id = await runner.boss.send('test.echo', { word: 'sveiki' });
      assert.ok(id);
      const done = await waitFor('test.echo completed', async () => {
        const job = await jobState(platform, id);
        return job?.state === 'completed' ? job : undefined;
      });
      assert.deepEqual(echoed, [{ word: 'sveiki' }]);
      assert.deepEqual(done.output, { echoed: 'sveiki' });
    });

    it('a job that throws is marked failed, and the worker keeps working', async () => {
      const id = await runner.boss.send('test.broken', {});
      assert.ok(id);
      const failed = await waitFor('test.broken failed', async () => {
        const job = await jobState(platform, id);
        return job?.state === 'failed' ? job : undefined;
      });
      assert.match(JSON.stringify(failed.output), /broken on purpose/);
      const next = await runner.boss.send('test.echo', { word: 'vēl' });
      await waitFor('the next echo', async () => (await jobState(platform, next as string))?.state === 'completed');
    });

    it('the deadline warnings are scheduled every working hour in Riga time; mail delivery only with SMTP_URL', async () => {
      const schedules = await runner.boss.getSchedules();
      const warnings = schedules.find((s) => s.name === 'inquiries.deadline-warnings');
      assert.equal(warnings?.cron, '0 8-17 * * 1-5');
      assert.equal((warnings as unknown as { timezone?: string })?.timezone, 'Europe/Riga');
      assert.equal(schedules.some((s) => s.name === 'mail.deliver'), false, 'no SMTP_URL in this platform');
      assert.equal(runner.jobs.some((j) => j.name === 'mail.deliver'), false);
      const queues = (await runner.boss.getQueues()).map((q) => q.name);
      assert.ok(queues.includes('inquiries.deadline-warnings') && queues.includes('mail.deliver'));
    });

    it('the deadline-warnings job runs sendDeadlineWarnings when sent', async () => {
      const id = await runner.boss.send('inquiries.deadline-warnings', {});
      const done = await waitFor('deadline warnings completed', async () => {
        const job = await jobState(platform, id as string);
        return job?.state === 'completed' ? job : undefined;
      });
      assert.equal(typeof (done.output as { queued?: unknown }).queued, 'number');
    });

    it('a cron schedule fires through the real queue', async () => {
      await waitFor('the every-minute job', () => cronRuns > 0, 20_000);
      assert.ok(cronRuns >= 1);
    });

    it('stop waits for an active job, then leaves the database usable and untouched', async () => {
      const id = await runner.boss.send('test.slow', {});
      await waitFor('the slow job to start', () => slowStarted);
      const t0 = Date.now();
      await runner.stop();
      assert.equal(slowFinished, true, 'the active job finished before stop returned');
      assert.ok(Date.now() - t0 < 10_000);
      assert.equal((await jobState(platform, id as string))?.state, 'completed');
      // Nothing works the queue any more: a job sent now stays created.
      const result = await platform.deps.db.execute(
        sql`insert into pgboss.job (name, data) values ('test.echo', '{"word":"after"}') returning id`,
      );
      const afterId = (result as unknown as { rows: Array<{ id: string }> }).rows[0]?.id as string;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal((await jobState(platform, afterId))?.state, 'created');
      assert.equal(echoed.length, 2);
      await runner.stop(); // a second stop is harmless
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { computeStandardFigures } from './figures.service.ts';
import { sampleFirstFreeSlots } from './first-free-slot.service.ts';
import { refreshDays } from './refresh.service.ts';
import { exec } from './standard-figures.testing.ts';

for (const target of testTargets()) {
  describe(`working days to the first free slot, sampled daily (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      // Wednesday 20 January 2027, 12:00 in Riga.
      platform = await createTestPlatform(target, { clock: fixedClock('2027-01-20T10:00:00Z') });
    });
    after(() => platform.close());

    it('VSAA (no notice) has free time today: 0; the Treasury (two working days of notice) first on Friday 22nd: 2', async () => {
      const { sampled } = await sampleFirstFreeSlots(platform.deps);
      assert.ok(sampled >= 10);
      await sampleFirstFreeSlots(platform.deps); // a second run the same day replaces the day's sample
      const rows = await exec(platform, sql`select agency, centre_key, bucket, n::int as n from standard_figure_days where metric = 'appointments.firstFreeSlot' and centre_key in ('riga-lacplesa', 'riga-smilsu') order by agency`);
      assert.deepEqual(rows, [
        { agency: 'kase', centre_key: 'riga-smilsu', bucket: 2, n: 1 },
        { agency: 'vsaa', centre_key: 'riga-lacplesa', bucket: 0, n: 1 },
      ]);
      // A refresh keeps the sample (it cannot be recomputed from records) and the month figure reads it.
      await refreshDays(platform.deps, 'kase', '2027-01-01', '2027-01-20');
      const base = platform.deps.agencies.get('kase') as AgencyProfile;
      const profile = { ...base, promises: [{ id: 'slot', words: { lv: 'x', en: 'x' }, indicator: 'appointments.daysToFirstFreeSlot', target: { atMost: 5, unit: 'workingDays' as const } }] };
      const figures = await computeStandardFigures(platform.deps, profile, { granularity: 'month', period: { from: '2027-01-01', to: '2027-01-31' } }, { centre: 'riga-smilsu' });
      assert.equal(figures.promises[0]?.current.value, 2);
      assert.equal(figures.promises[0]?.verdict, 'kept');
    });
  });
}

for (const target of testTargets()) {
  describe(`the refresh jobs (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock('2027-01-20T10:00:00Z') });
    });
    after(() => platform.close());

    it('the first minute run rebuilds all history; later minute runs only recent days; the nightly rebuild catches late corrections', async () => {
      const { inquiry, event } = await import('./standard-figures.testing.ts');
      const { rebuildAll, refreshRecent } = await import('./refresh.service.ts');
      const answeredInJune = async () => {
        const old = await inquiry(platform, { channel: 'post', receivedAt: '2026-06-01T08:00:00Z', receivedOn: '2026-06-01', deadline: '2026-06-15', status: 'answered' });
        await event(platform, old.id, '2026-06-10T08:00:00Z', 'replied', 'answered');
      };
      const juneCount = async () => Number((await exec(platform, sql`select coalesce(sum(n), 0)::int as n from standard_figure_months where agency = 'vsaa' and month = '2026-06-01' and metric = 'inquiries.answered.late'`))[0]?.n);
      await answeredInJune();
      await refreshRecent(platform.deps, 2);
      assert.equal(await juneCount(), 1, 'never rebuilt: the first run takes all history');
      await answeredInJune();
      await refreshRecent(platform.deps, 2);
      assert.equal(await juneCount(), 1, 'the minute run touches only today and yesterday');
      await rebuildAll(platform.deps);
      assert.equal(await juneCount(), 2);
      const jobs = (await import('../../app/jobs.ts')).APP_JOBS.map((j) => `${j.name} ${j.cron}`);
      assert.ok(jobs.includes('standard-figures.refresh * * * * *'), 'every minute: figures at most a few minutes old');
    });
  });
}

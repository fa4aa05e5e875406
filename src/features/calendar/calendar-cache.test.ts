import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { StaffActor } from '../../platform/access/policy.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { addCalendarEntry } from './calendar-entries.service.ts';
import { insertCalendarEntry } from './calendar.repository.ts';
import { loadCalendar } from './calendar.service.ts';

const day = (date: string) => ({ kind: 'day-off' as const, date, name: { lv: 'Brīvdiena (tests)', en: 'Day off (test)' }, source: 'tests' });

for (const target of testTargets()) {
  describe(`the calendar a process keeps (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
    });
    after(() => platform.close());

    it('is read once and reused while fresh', async () => {
      assert.equal(await loadCalendar(platform.deps), await loadCalendar(platform.deps));
    });

    it('sees another process’s change only when older than its maximum age', async () => {
      assert.equal((await loadCalendar(platform.deps)).day('2027-03-03').working, true);
      // Written straight to the table, as the import CLI or a second app process would.
      await insertCalendarEntry(platform.deps.db, day('2027-03-03'), null);
      assert.equal((await loadCalendar(platform.deps, 60_000)).day('2027-03-03').working, true, 'still the calendar read before');
      await sleep(30);
      assert.equal((await loadCalendar(platform.deps, 20)).day('2027-03-03').working, false, 'read again once older than 20 ms');
    });

    it('callers arriving while the table is read share that read', async () => {
      const before = await loadCalendar(platform.deps);
      await insertCalendarEntry(platform.deps.db, day('2027-03-05'), null);
      const calendars = await Promise.all(Array.from({ length: 20 }, () => loadCalendar(platform.deps, 0)));
      assert.notEqual(calendars[0], before, 'the changed table was read');
      assert.equal(new Set(calendars).size, 1, 'one calendar built for all twenty');
      assert.equal(calendars[0]?.day('2027-03-05').working, false);
    });

    it('sees a change made in this process at once', async () => {
      const manager: StaffActor = { id: '00000000-0000-4000-8000-000000000001', email: 'admin@example.lv', name: 'Admin', sessionId: 'test', memberships: [{ agency: 'vsaa', role: 'administrator' }] };
      assert.equal((await loadCalendar(platform.deps)).day('2027-03-04').working, true);
      const added = await addCalendarEntry(platform.deps, manager, { actorId: null, actorLabel: 'test', ip: null }, day('2027-03-04'));
      assert.equal(added.ok, true, JSON.stringify(added));
      assert.equal((await loadCalendar(platform.deps, 60_000)).day('2027-03-04').working, false);
    });
  });
}

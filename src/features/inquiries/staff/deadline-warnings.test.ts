import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import { sendDeadlineWarnings } from '../deadline-warnings.service.ts';
import type { InquiryRow } from '../inquiries.repository.ts';
import { addStaff, auditActions, fileTest, outboxTo, rows, setDeadline, setStatus, type TestStaff } from './inquiries-staff.testing.ts';

// Wednesday 15 April 2026 in Riga: two working days ahead is Friday 17 April.
const NOW = '2026-04-15T07:00:00Z';

for (const target of testTargets()) {
  describe(`deadline warnings (${target})`, () => {
    let platform: TestPlatform;
    let specialist: TestStaff;
    let supervisor: TestStaff;
    let assigned: InquiryRow;
    let unassigned: InquiryRow;
    let far: InquiryRow;
    let answered: InquiryRow;
    let overdue: InquiryRow;
    let treasury: InquiryRow;

    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      specialist = await addStaff(platform, 'specialiste@vsaa.test', 'vsaa', 'specialist');
      supervisor = await addStaff(platform, 'vaditaja@vsaa.test', 'vsaa', 'supervisor');
      await addStaff(platform, 'administrators@vsaa.test', 'vsaa', 'administrator');
      await addStaff(platform, 'vaditajs@kase.test', 'kase', 'supervisor');
      assigned = await fileTest(platform, { receivedOn: '2026-04-14' });
      unassigned = await fileTest(platform, { receivedOn: '2026-04-14' });
      far = await fileTest(platform, { receivedOn: '2026-04-14' });
      answered = await fileTest(platform, { receivedOn: '2026-04-14' });
      overdue = await fileTest(platform, { receivedOn: '2026-04-01' });
      treasury = await fileTest(platform, { agency: 'kase', receivedOn: '2026-04-14' });
      await setDeadline(platform, assigned.id, '2026-04-16');
      await setDeadline(platform, unassigned.id, '2026-04-17');
      await setDeadline(platform, far.id, '2026-04-20');
      await setDeadline(platform, answered.id, '2026-04-16');
      await setDeadline(platform, overdue.id, '2026-04-14');
      await setDeadline(platform, treasury.id, '2026-04-15');
      await setStatus(platform, answered.id, 'answered');
      await platform.deps.db.execute(sql`update inquiries set status = 'assigned', assignee_id = ${specialist.id} where id = ${assigned.id}`);
    });
    after(() => platform.close());

    it('queues one warning per recipient for open inquiries due within two working days: the assignee and the supervisors', async () => {
      const queued = await sendDeadlineWarnings(platform.deps);
      assert.equal(queued, 4, 'assigned: specialist + supervisor; unassigned: supervisor; Treasury: its supervisor');
      const toSpecialist = await outboxTo(platform, specialist.email);
      assert.equal(toSpecialist.length, 1);
      assert.ok(toSpecialist[0]?.subject.includes(assigned.reference));
      assert.match(toSpecialist[0]?.body_text ?? '', /\/staff\/vsaa\/iesniegumi\//);
      const toSupervisor = (await outboxTo(platform, supervisor.email)).map((m) => m.subject);
      assert.equal(toSupervisor.length, 2);
      assert.ok(toSupervisor.some((s) => s.includes(assigned.reference)) && toSupervisor.some((s) => s.includes(unassigned.reference)));
      assert.equal((await outboxTo(platform, 'vaditajs@kase.test')).length, 1, 'each agency warns its own supervisors');
      assert.equal((await outboxTo(platform, 'administrators@vsaa.test')).length, 0, 'administrators are not supervisors');
    });

    it('warns only near deadlines of open inquiries, and records the deadline it warned about', async () => {
      const warned = await rows<{ inquiry_id: string; deadline: string }>(
        platform,
        sql`select inquiry_id, details->>'deadline' as deadline from inquiry_events where kind = 'deadline-warning' order by inquiry_id`,
      );
      const ids = new Set(warned.map((w) => w.inquiry_id));
      assert.ok(ids.has(assigned.id) && ids.has(unassigned.id) && ids.has(treasury.id));
      for (const skipped of [far, answered, overdue]) assert.ok(!ids.has(skipped.id), skipped.reference);
      assert.equal(warned.find((w) => w.inquiry_id === assigned.id)?.deadline, '2026-04-16');
      assert.ok((await auditActions(platform, assigned.id)).includes('inquiry.deadline-warning'));
    });

    it('does not warn twice about the same deadline, but warns again about a new one', async () => {
      assert.equal(await sendDeadlineWarnings(platform.deps), 0);
      assert.equal((await outboxTo(platform, specialist.email)).length, 1);
      await setDeadline(platform, assigned.id, '2026-04-17');
      assert.equal(await sendDeadlineWarnings(platform.deps), 2);
      assert.equal((await outboxTo(platform, specialist.email)).length, 2);
      assert.equal(await sendDeadlineWarnings(platform.deps), 0);
    });
  });
}

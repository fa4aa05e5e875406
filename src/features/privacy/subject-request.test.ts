import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { rows } from '../feedback/feedback.testing.ts';
import { topicsFor } from '../inquiries/inquiries-public.service.ts';
import { PERSONAL_DATA_TOPIC } from './subject-request.ts';

for (const target of testTargets()) {
  describe(`a client's personal-data request through the question form (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock('2026-02-10T10:00:00Z') });
    });
    after(() => platform.close());

    const file = (topic: string) =>
      platform.app.inject({
        method: 'POST',
        url: '/api/v1/agencies/vsaa/inquiries',
        payload: { name: 'Anna Bērziņa', email: 'anna@example.test', text: 'Lūdzu, izsniedziet manus personas datus.', topic },
      });

    it('the topic is offered on the form of every agency', () => {
      for (const slug of ['vsaa', 'kase']) {
        const profile = platform.deps.agencies.get(slug);
        assert.ok(profile && topicsFor(profile).some((t) => t.id === PERSONAL_DATA_TOPIC && t.name.lv.startsWith('Personas dati')));
      }
    });

    it('files the inquiry with the GDPR one-month term alongside the Law on Submissions term', async () => {
      const res = await file(PERSONAL_DATA_TOPIC);
      assert.equal(res.statusCode, 201, res.body);
      const { reference } = res.json() as { reference: string };
      const [event] = await rows<{ details: { deadline: string; gdprDeadline?: string; gdprRule?: string } }>(
        platform,
        sql`select e.details from inquiry_events e join inquiries i on i.id = e.inquiry_id where i.reference = ${reference} and e.kind = 'received'`,
      );
      assert.equal(event?.details.gdprRule, 'gdpr.subjectRequest');
      assert.equal(event?.details.gdprDeadline, '2026-03-10', 'one month from 10 February');
      const [inquiry] = await rows<{ deadline: string; topic: string }>(platform, sql`select deadline::text as deadline, topic from inquiries where reference = ${reference}`);
      assert.equal(inquiry?.topic, PERSONAL_DATA_TOPIC);
      assert.ok(inquiry && inquiry.deadline <= '2026-03-10', 'the earlier of the two terms');
    });

    it('another topic gets no GDPR term', async () => {
      const res = await file('other');
      const { reference } = res.json() as { reference: string };
      const [event] = await rows<{ details: Record<string, unknown> }>(platform, sql`select e.details from inquiry_events e join inquiries i on i.id = e.inquiry_id where i.reference = ${reference} and e.kind = 'received'`);
      assert.equal(event?.details['gdprDeadline'], undefined);
    });
  });
}

// A specialist's day on one inquiry: the conversation and the answer box first, the rarer actions folded,
// a translated history, "next inquiry" after sending, an answer with a Reply-To the intake reads, and a client's
// message after the answer reopening the inquiry into the inbox.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../../platform/clock.ts';
import type { TestBrowser } from '../../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import { appendClientMessage } from '../inquiries.service.ts';
import { intakeAddressBook } from '../email-intake/email-intake.service.ts';
import { findInquiryInAgency } from '../inquiries.repository.ts';
import { addStaff, CLIENT, fileTest, outboxTo, rows, signedIn } from './inquiries-staff.testing.ts';

// Wednesday 15 April 2026, 10:00 in Riga.
const NOW = '2026-04-15T07:00:00Z';

for (const target of testTargets()) {
  describe(`the inquiry page for a day's work (${target})`, () => {
    let platform: TestPlatform;
    let specialist: TestBrowser;

    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      await addStaff(platform, 'darbs@vsaa.test', 'vsaa', 'specialist');
      specialist = await signedIn(platform, 'darbs@vsaa.test');
    });
    after(() => platform.close());

    it('shows the conversation and the answer box before the side panel and the folded actions; history in words', async () => {
      const inquiry = await fileTest(platform, { name: 'Ilze Liepa', email: 'ilze@example.lv', text: 'Kad pārrēķinās pensiju?' });
      const page = await specialist.get(`/staff/vsaa/iesniegumi/${inquiry.id}`);
      assert.equal(page.statusCode, 200);
      const body = page.body;
      const order = ['Kad pārrēķinās pensiju?', 'id="reply-title"', 'class="more-actions"', 'class="inquiry-side"'].map((s) => body.indexOf(s));
      assert.ok(order.every((i) => i > 0), `all parts present: ${order.join(',')}`);
      assert.deepEqual([...order].sort((a, b) => a - b), order, 'conversation → reply → more actions → side panel');
      assert.match(body, /<details class="more-actions" id="more-actions">/, 'closed when nothing was refused');
      assert.ok(!/more-actions" open/.test(body));
      // Translated history and medium: no raw keys or codes.
      assert.match(body, /kanāls: tīmekļa forma/);
      assert.match(body, /termiņš: 2026\. gada \d+\. aprīlis|termiņš: [^;<]*2026/);
      for (const raw of ['deadline:', 'channel:', 'to:', 'web-form<', 'veids: web-form']) assert.ok(!body.includes(raw), `no raw "${raw}"`);
      assert.equal(body.match(/Statusa vēsture/g)?.length, 2, 'the summary and the hidden caption, no second heading');
      assert.match(body, /<script src="\/static\/inquiry-templates.js" defer=""><\/script>/);
    });

    it('a refused action opens the disclosure so the error summary link lands on the field', async () => {
      const inquiry = await fileTest(platform, { text: 'Otrs' });
      const page = `/staff/vsaa/iesniegumi/${inquiry.id}`;
      const res = await specialist.submitForm(page, `${page}/extend`, { newDeadline: '2026-13-45', reason: '' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<details class="more-actions" open="" id="more-actions">/);
    });

    it('after sending an answer: "next inquiry" in deadline order, and the mail has a Reply-To the intake reads', async () => {
      const later = await fileTest(platform, { email: 'later@example.lv', text: 'Vēlāk' });
      const sooner = await fileTest(platform, { email: 'sooner@example.lv', text: 'Drīzāk' });
      await platform.deps.db.execute(sql`update inquiries set deadline = '2026-04-20' where id = ${sooner.id}`);
      await platform.deps.db.execute(sql`update inquiries set deadline = '2026-04-28' where id = ${later.id}`);
      const answered = await fileTest(platform, { email: 'answered@example.lv', text: 'Atbildams' });
      const page = `/staff/vsaa/iesniegumi/${answered.id}`;
      const res = await specialist.submitForm(page, `${page}/reply`, { subject: '', text: 'Atbilde.' });
      assert.equal(res.statusCode, 303);
      const after = await specialist.get(String(res.headers.location));
      const next = new RegExp(`href="/staff/vsaa/iesniegumi/${sooner.id}" class="button">Nākamais iesniegums pēc termiņa: ${sooner.reference}`);
      assert.match(after.body, next);
      // The answer (the survey invitation goes to the same address; same clock, so pick by the reference header).
      const mail = (await outboxTo(platform, 'answered@example.lv')).find((m) => m.headers['X-Apkalpe-Reference'] === answered.reference);
      assert.ok(mail, 'the answer is in the outbox');
      assert.equal(mail.headers['Reply-To'], 'konsultacijas@vsaa.gov.lv', "the agency's first e-mail channel, which the intake reads");
      assert.equal(intakeAddressBook(platform.deps.agencies).get(mail.headers['Reply-To'] ?? '')?.agency, 'vsaa', 'an address the SMTP intake files for VSAA');
    });

    it("a client's message after the answer reopens the inquiry: new term, back in the default inbox, reply form again", async () => {
      const inquiry = await fileTest(platform, { email: 'atkal@example.lv', text: 'Pirmais jautājums' });
      const page = `/staff/vsaa/iesniegumi/${inquiry.id}`;
      assert.equal((await specialist.submitForm(page, `${page}/reply`, { subject: '', text: 'Atbilde.' })).statusCode, 303);
      const answered = await findInquiryInAgency(platform.deps.db, 'vsaa', inquiry.id);
      assert.equal(answered?.status, 'answered');
      const inboxBefore = await specialist.get('/staff/vsaa/iesniegumi');
      assert.ok(!inboxBefore.body.includes(inquiry.reference), 'an answered inquiry is not in the open inbox');

      await appendClientMessage(platform.deps, CLIENT, answered!, { medium: 'email', text: 'Bet man vēl ir jautājums.' });
      const reopened = await findInquiryInAgency(platform.deps.db, 'vsaa', inquiry.id);
      assert.equal(reopened?.status, 'new', 'nobody was assigned: back to the unassigned inbox');
      assert.equal(reopened?.deadline, '2026-04-29', 'ten working days from the new message');
      const [event] = await rows<{ kind: string; from_status: string; to_status: string }>(
        platform,
        sql`select kind, from_status, to_status from inquiry_events where inquiry_id = ${inquiry.id} order by at desc, id desc limit 1`,
      );
      assert.deepEqual(event, { kind: 'reopened', from_status: 'answered', to_status: 'new' });
      const inbox = await specialist.get('/staff/vsaa/iesniegumi');
      assert.ok(inbox.body.includes(inquiry.reference), 'the reopened inquiry is back in the open inbox');
      const detail = await specialist.get(page);
      assert.match(detail.body, /id="reply-title"/, 'the reply form is there again');
      assert.match(detail.body, /atvērts no jauna pēc klienta ziņas/);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/http/problem.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import { findInquiryInAgency, listInquiryEvents, listInquiryMessages } from '../inquiries.repository.ts';
import { appendClientMessage } from '../inquiries.service.ts';
import { getInquiryDetail } from '../inquiries-staff.service.ts';
import { assignInquiry, closeInquiry, leaveUnexamined, mergeInquiry, replyToInquiry, requestInformation } from './inquiry-actions.service.ts';
import { applyComplexTerm, extendDeadline, forwardInquiry } from './inquiry-terms.service.ts';
import { addStaff, auditActions, CLIENT, countRows, fileTest, originOf, outboxTo, rows, scopeOf, type TestStaff } from './inquiries-staff.testing.ts';

const NOW = '2026-04-15T07:00:00Z';

async function refused(promise: Promise<unknown>, status: number, field?: string, code?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.status, status);
    if (field) assert.equal(error.fieldErrors[0]?.field, field);
    if (code) assert.equal(error.fieldErrors[0]?.code, code);
    return true;
  });
}

for (const target of testTargets()) {
  describe(`staff actions on inquiries (${target})`, () => {
    let platform: TestPlatform;
    let specialist: TestStaff;
    let colleague: TestStaff;
    let supervisor: TestStaff;
    let auditor: TestStaff;
    let treasurySpecialist: TestStaff;
    const act = () => ({ deps: platform.deps, scope: scopeOf(specialist), origin: originOf(specialist) });
    const status = async (id: string) => (await findInquiryInAgency(platform.deps.db, 'vsaa', id))?.status;

    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      specialist = await addStaff(platform, 'specialiste@vsaa.test', 'vsaa', 'specialist');
      colleague = await addStaff(platform, 'kolegis@vsaa.test', 'vsaa', 'specialist');
      supervisor = await addStaff(platform, 'vaditaja@vsaa.test', 'vsaa', 'supervisor');
      auditor = await addStaff(platform, 'auditors@vsaa.test', 'vsaa', 'auditor');
      treasurySpecialist = await addStaff(platform, 'specialists@kase.test', 'kase', 'specialist');
    });
    after(() => platform.close());

    it('assigns within the agency only; the event and the audit are written together', async () => {
      const inquiry = await fileTest(platform, { receivedOn: '2026-04-14' });
      const { deps, scope, origin } = act();
      await refused(assignInquiry(deps, scope, origin, inquiry.id, { assigneeId: treasurySpecialist.id }), 400, 'assigneeId', 'not_in_agency');
      await refused(assignInquiry(deps, scope, origin, inquiry.id, { assigneeId: auditor.id }), 400, 'assigneeId');
      await refused(assignInquiry(deps, scopeOf(auditor), originOf(auditor), inquiry.id, { assigneeId: colleague.id }), 403);
      const result = await assignInquiry(deps, scope, origin, inquiry.id, { assigneeId: colleague.id });
      assert.equal(result.inquiry.status, 'assigned');
      const stored = await findInquiryInAgency(platform.deps.db, 'vsaa', inquiry.id);
      assert.equal(stored?.assigneeId, colleague.id);
      const events = await listInquiryEvents(platform.deps.db, inquiry.id);
      assert.deepEqual(events.map((e) => [e.kind, e.fromStatus, e.toStatus]), [['received', null, 'new'], ['assigned', 'new', 'assigned']]);
      assert.deepEqual(await auditActions(platform, inquiry.id), ['inquiry.filed', 'inquiry.assigned']);
    });

    it("another agency's inquiry is not found, whatever the action", async () => {
      const treasury = await fileTest(platform, { agency: 'kase', receivedOn: '2026-04-14' });
      const { deps, scope, origin } = act();
      await refused(closeInquiry(deps, scope, origin, treasury.id, {}), 404);
      await refused(replyToInquiry(deps, scope, origin, treasury.id, { text: 'x' }), 404);
      await refused(mergeInquiry(deps, scopeOf(supervisor), originOf(supervisor), treasury.id, { into: 'VSAA-2026-000001' }), 404);
      assert.equal((await findInquiryInAgency(platform.deps.db, 'kase', treasury.id))?.status, 'new');
    });

    it('replies by e-mail to an e-mail inquiry: outbox, reference in the subject, threaded under the client message', async () => {
      const inquiry = await fileTest(platform, { channel: 'email', email: 'anna@example.lv', subject: 'Pensija', emailMessageId: '<msg-1@example.lv>', receivedOn: '2026-04-14' });
      const { deps, scope, origin } = act();
      const result = await replyToInquiry(deps, scope, origin, inquiry.id, { text: 'Jūsu pensija tiks pārrēķināta maijā.' });
      assert.equal(result.inquiry.status, 'answered');
      assert.equal(result.notice?.message.medium, 'email');
      // Both mails carry the same (fixed) time, so find each by what it is, not by its place in the list.
      const sent = await outboxTo(platform, 'anna@example.lv');
      const mail = sent.find((m) => m.subject.includes(inquiry.reference));
      const survey = sent.find((m) => m !== mail);
      assert.ok(mail);
      assert.ok(mail.subject.includes(inquiry.reference), mail.subject);
      // The answer is followed by a survey invitation (a signed link to /vsaa/aptauja/…), anonymous unless the client agrees.
      assert.match(survey?.body_text ?? '', /\/vsaa\/aptauja\/[A-Za-z0-9._~-]+/);
      const [invitation] = await rows<{ contact_kind: string; contact_ref: string }>(platform, sql`select contact_kind, contact_ref from feedback_invitations where contact_ref = ${inquiry.reference}`);
      assert.deepEqual([invitation?.contact_kind, invitation?.contact_ref], ['inquiry', inquiry.reference]);
      assert.match(mail.subject, /^Re: Pensija/);
      assert.equal(mail.headers['In-Reply-To'], '<msg-1@example.lv>');
      assert.match(mail.body_text, /pārrēķināta maijā/);
      const out = (await listInquiryMessages(platform.deps.db, inquiry.id)).filter((m) => m.direction === 'out');
      assert.equal(out.length, 1);
      assert.ok(out[0]?.outboxId);
      // answered → answered is not a transition: a second answer needs the inquiry reopened (assigned) first.
      await refused(replyToInquiry(deps, scope, origin, inquiry.id, { text: 'Vēlreiz' }), 409);
      assert.equal((await outboxTo(platform, 'anna@example.lv')).length, 2, 'a refused action sends nothing');
    });

    it('replies to a letter that came by post with a letter to print, not an e-mail', async () => {
      const before = await countRows(platform, 'mail_outbox');
      const inquiry = await fileTest(platform, { channel: 'post', email: 'janis@example.lv', address: 'Brīvības iela 1, Rīga', receivedOn: '2026-04-14' });
      const result = await replyToInquiry(act().deps, act().scope, act().origin, inquiry.id, { text: 'Atbilde vēstulē.' });
      assert.equal(result.notice?.message.medium, 'letter');
      assert.equal(result.notice?.mail, null);
      assert.equal(await countRows(platform, 'mail_outbox'), before);
    });

    it('requests more information: waiting for the client, who is told; their reply hands it back', async () => {
      const inquiry = await fileTest(platform, { email: 'maris@example.lv', receivedOn: '2026-04-14' });
      const { deps, scope, origin } = act();
      await requestInformation(deps, scope, origin, inquiry.id, { text: 'Lūdzu, norādiet personas kodu.' });
      assert.equal(await status(inquiry.id), 'waiting-for-client');
      const [mail] = await outboxTo(platform, 'maris@example.lv');
      assert.match(mail?.body_text ?? '', /norādiet personas kodu/);
      assert.ok(mail?.subject.includes(inquiry.reference));
      await refused(requestInformation(deps, scope, origin, inquiry.id, { text: 'Vēlreiz' }), 409);
      const current = await findInquiryInAgency(platform.deps.db, 'vsaa', inquiry.id);
      await appendClientMessage(platform.deps, CLIENT, current!, { medium: 'email', text: '010190-10001' });
      assert.equal(await status(inquiry.id), 'new');
    });

    it('forwards to a competent institution: recorded where and when, the institution mailed, the client told', async () => {
      // The profiles have no institution e-mail yet: add one for this test.
      platform.deps.agencies.get('vsaa')!.competentInstitutions.push({
        id: 'test-nva',
        name: { lv: 'Testa aģentūra', en: 'Test agency' },
        topics: { lv: 'darbs', en: 'work' },
        email: 'iestade@example.lv',
      });
      const inquiry = await fileTest(platform, {
        email: 'liga@example.lv',
        text: 'Kā reģistrēties kā bezdarbniekam?',
        receivedOn: '2026-04-14',
        attachments: [{ fileName: 'izziņa.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') }],
      });
      const { deps, scope, origin } = act();
      await refused(forwardInquiry(deps, scope, origin, inquiry.id, { mode: 'forward', institutionId: 'nezināma' }), 400, 'institutionId');
      await forwardInquiry(deps, scope, origin, inquiry.id, { mode: 'forward', institutionId: 'test-nva' });
      assert.equal(await status(inquiry.id), 'forwarded');
      const [toInstitution] = await outboxTo(platform, 'iestade@example.lv');
      assert.match(toInstitution?.body_text ?? '', /reģistrēties kā bezdarbniekam/);
      assert.equal(toInstitution?.attachments.length, 1);
      const [toClient] = await outboxTo(platform, 'liga@example.lv');
      assert.match(toClient?.body_text ?? '', /Testa aģentūra/);
      assert.match(toClient?.body_text ?? '', /nav Valsts sociālās apdrošināšanas aģentūras kompetencē/, 'the agency name in the genitive');
      const event = (await listInquiryEvents(platform.deps.db, inquiry.id)).at(-1);
      assert.equal(event?.kind, 'forwarded');
      assert.equal(event?.details.forwardedOn, '2026-04-15');
      assert.equal(event?.details.forwardDeadline, inquiry.forwardDeadline);
      assert.equal(event?.details.late, false);
      await refused(replyToInquiry(deps, scope, origin, inquiry.id, { text: 'x' }), 409);
    });

    it('tells the client where to turn, and a late forwarding is recorded as late', async () => {
      const inquiry = await fileTest(platform, { email: 'ilze@example.lv', receivedOn: '2026-04-01' });
      await forwardInquiry(act().deps, act().scope, act().origin, inquiry.id, { mode: 'refer', institutionId: 'vid' });
      const event = (await listInquiryEvents(platform.deps.db, inquiry.id)).at(-1);
      assert.equal(event?.kind, 'referred');
      assert.equal(event?.details.late, true, `forward deadline ${inquiry.forwardDeadline} passed before 2026-04-15`);
      const [mail] = await outboxTo(platform, 'ilze@example.lv');
      assert.match(mail?.body_text ?? '', /Valsts ieņēmumu dienests/);
      assert.match(mail?.body_text ?? '', /nav Valsts sociālās apdrošināšanas aģentūras kompetencē/);
      assert.deepEqual((await auditActions(platform, inquiry.id)).at(-1), 'inquiry.referred');
    });

    it('switches to the one-month term with a reason, only for inquiries received from 1 March 2026', async () => {
      const inquiry = await fileTest(platform, { email: 'karlis@example.lv', receivedOn: '2026-04-14' });
      assert.equal(inquiry.deadline, '2026-04-28');
      const { deps, scope, origin } = act();
      const result = await applyComplexTerm(deps, scope, origin, inquiry.id, { reason: 'other-institutions' });
      assert.equal(result.inquiry.deadline, '2026-05-14');
      assert.equal(result.inquiry.termRule, 'submission.answerComplex');
      const event = (await listInquiryEvents(platform.deps.db, inquiry.id)).at(-1);
      assert.deepEqual([event?.kind, event?.details.reason, event?.details.from, event?.details.to], ['term-complex', 'other-institutions', '2026-04-28', '2026-05-14']);
      assert.match((await outboxTo(platform, 'karlis@example.lv'))[0]?.body_text ?? '', /14\. maijs|14 May 2026/);
      await refused(applyComplexTerm(deps, scope, origin, inquiry.id, { reason: 'large-volume' }), 409);
      const old = await fileTest(platform, { receivedOn: '2026-02-20' });
      await refused(applyComplexTerm(deps, scope, origin, old.id, { reason: 'more-information' }), 400, 'reason', 'not_applicable');
      assert.equal((await findInquiryInAgency(platform.deps.db, 'vsaa', old.id))?.termRule, 'submission.answer');
    });

    it('extends the deadline with a reason, tells the client the new date, and never beyond four months', async () => {
      const inquiry = await fileTest(platform, { email: 'zane@example.lv', receivedOn: '2026-04-14' });
      const { deps, scope, origin } = act();
      const events = (await listInquiryEvents(platform.deps.db, inquiry.id)).length;
      await refused(extendDeadline(deps, scope, origin, inquiry.id, { newDeadline: '2026-08-17', reason: 'Jāsaņem dati no ārvalstīm' }), 400, 'newDeadline', 'beyond_maximum');
      await refused(extendDeadline(deps, scope, origin, inquiry.id, { newDeadline: '2026-04-20', reason: 'Agrāk' }), 400, 'newDeadline', 'not_later');
      assert.equal((await listInquiryEvents(platform.deps.db, inquiry.id)).length, events, 'refusals write nothing');
      assert.equal((await outboxTo(platform, 'zane@example.lv')).length, 0);
      const result = await extendDeadline(deps, scope, origin, inquiry.id, { newDeadline: '2026-08-14', reason: 'Jāsaņem dati no ārvalstīm' });
      assert.equal(result.inquiry.deadline, '2026-08-14');
      const [mail] = await outboxTo(platform, 'zane@example.lv');
      assert.match(mail?.body_text ?? '', /Jāsaņem dati no ārvalstīm/);
      assert.match(mail?.body_text ?? '', /2026\. gada 14\. augusts/);
      const event = (await listInquiryEvents(platform.deps.db, inquiry.id)).at(-1);
      assert.deepEqual([event?.kind, event?.details.from, event?.details.to, event?.details.max], ['deadline-extended', '2026-04-28', '2026-08-14', '2026-08-14']);
      assert.deepEqual((await auditActions(platform, inquiry.id)).at(-1), 'inquiry.deadline-extended');
    });

    it('with SUBMISSION_EXTENSION=off an inquiry received from 1 March 2026 cannot be extended; an older one still can', async () => {
      const inquiry = await fileTest(platform, { receivedOn: '2026-04-14' });
      const older = await fileTest(platform, { receivedOn: '2026-02-20' });
      const { deps, scope, origin } = act();
      const off = { ...deps, config: { ...deps.config, submissionExtension: false } };
      await refused(extendDeadline(off, scope, origin, inquiry.id, { newDeadline: '2026-05-20', reason: 'Jāsaņem dati' }), 400, 'newDeadline', 'extension_disabled');
      const result = await extendDeadline(off, scope, origin, older.id, { newDeadline: '2026-05-20', reason: 'Jāsaņem dati' });
      assert.equal(result.inquiry.deadline, '2026-05-20');
    });

    it('leaves unexamined under section 7: the client is told why, except anonymous and a further repeat', async () => {
      const { deps, scope, origin } = act();
      const offensive = await fileTest(platform, { email: 'rupjs@example.lv', receivedOn: '2026-04-14' });
      await leaveUnexamined(deps, scope, origin, offensive.id, { reason: 'offensive' });
      assert.equal(await status(offensive.id), 'unexamined');
      assert.match((await outboxTo(platform, 'rupjs@example.lv'))[0]?.body_text ?? '', /7\. pantu[\s\S]*klaji aizskarošs/);
      for (const reason of ['anonymous', 'repeat-further'] as const) {
        const inquiry = await fileTest(platform, { email: `${reason}@example.lv`, receivedOn: '2026-04-14' });
        await leaveUnexamined(deps, scope, origin, inquiry.id, { reason });
        assert.equal(await status(inquiry.id), 'unexamined');
        assert.equal((await outboxTo(platform, `${reason}@example.lv`)).length, 0, reason);
        assert.equal((await listInquiryMessages(platform.deps.db, inquiry.id)).filter((m) => m.direction === 'out').length, 0);
        const event = (await listInquiryEvents(platform.deps.db, inquiry.id)).at(-1);
        assert.deepEqual([event?.details.reason, event?.details.clientTold], [reason, false]);
      }
      await refused(leaveUnexamined(deps, scope, origin, offensive.id, { reason: 'illegible' }), 409);
    });

    it('merges a duplicate into the main inquiry of the same agency (supervisors); its messages stay readable', async () => {
      const main = await fileTest(platform, { name: 'Dace', text: 'Pirmā vēstule', receivedOn: '2026-04-14' });
      const duplicate = await fileTest(platform, { name: 'Dace', text: 'Tā pati vēstule vēlreiz', receivedOn: '2026-04-14' });
      const treasury = await fileTest(platform, { agency: 'kase', receivedOn: '2026-04-14' });
      await refused(mergeInquiry(platform.deps, scopeOf(specialist), originOf(specialist), duplicate.id, { into: main.reference }), 403);
      const sup = { deps: platform.deps, scope: scopeOf(supervisor), origin: originOf(supervisor) };
      await refused(mergeInquiry(sup.deps, sup.scope, sup.origin, duplicate.id, { into: treasury.reference }), 400, 'into', 'not_found');
      await refused(mergeInquiry(sup.deps, sup.scope, sup.origin, duplicate.id, { into: treasury.id }), 400, 'into', 'not_found');
      await refused(mergeInquiry(sup.deps, sup.scope, sup.origin, duplicate.id, { into: duplicate.reference }), 400, 'into', 'self');
      assert.equal(await status(duplicate.id), 'new');
      await mergeInquiry(sup.deps, sup.scope, sup.origin, duplicate.id, { into: main.reference.toLowerCase() });
      const stored = await findInquiryInAgency(platform.deps.db, 'vsaa', duplicate.id);
      assert.deepEqual([stored?.status, stored?.mergedInto], ['merged', main.id]);
      assert.equal((await listInquiryEvents(platform.deps.db, main.id)).at(-1)?.kind, 'merged-from');
      const detail = await getInquiryDetail(platform.deps, scopeOf(specialist), originOf(specialist), duplicate.id, 'api');
      assert.equal(detail.messages[0]?.bodyText, 'Tā pati vēstule vēlreiz');
      assert.equal(detail.inquiry.mergedTarget?.reference, main.reference);
      const mainDetail = await getInquiryDetail(platform.deps, scopeOf(specialist), originOf(specialist), main.id, 'api');
      assert.deepEqual(mainDetail.duplicates.map((d) => d.id), [duplicate.id]);
      await refused(closeInquiry(sup.deps, sup.scope, sup.origin, duplicate.id, {}), 409);
      await refused(assignInquiry(sup.deps, sup.scope, sup.origin, duplicate.id, { assigneeId: colleague.id }), 409);
    });

    it('closes, and an auditor may read but never change', async () => {
      const inquiry = await fileTest(platform, { receivedOn: '2026-04-14' });
      await refused(closeInquiry(platform.deps, scopeOf(auditor), originOf(auditor), inquiry.id, {}), 403);
      await closeInquiry(act().deps, act().scope, act().origin, inquiry.id, { note: 'Atrisināts pa tālruni' });
      assert.equal(await status(inquiry.id), 'closed');
      const detail = await getInquiryDetail(platform.deps, scopeOf(auditor), originOf(auditor), inquiry.id, 'api');
      assert.equal(detail.inquiry.status, 'closed');
      const audit = await rows<{ action: string; actor_label: string }>(platform, sql`select action, actor_label from audit_log where record_id = ${inquiry.id} order by id`);
      assert.deepEqual(audit.map((a) => `${a.action}:${a.actor_label}`), ['inquiry.filed:client', 'inquiry.closed:specialiste@vsaa.test', 'inquiry.viewed:auditors@vsaa.test']);
    });
  });
}

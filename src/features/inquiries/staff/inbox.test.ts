import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../../platform/clock.ts';
import type { TestBrowser } from '../../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import type { InquiryRow } from '../inquiries.repository.ts';
import { addStaff, auditActions, fileTest, rows, setDeadline, setStatus, signedIn, type TestStaff } from './inquiries-staff.testing.ts';

// Wednesday 15 April 2026, 10:00 in Riga. Two working days later: Friday 17 April.
const NOW = '2026-04-15T07:00:00Z';

type Item = { id: string; reference: string; overdue: boolean; dueSoon: boolean; deadline: string; status: string };

for (const target of testTargets()) {
  describe(`staff inbox (${target})`, () => {
    let platform: TestPlatform;
    let specialist: TestStaff;
    let vsaa: TestBrowser;
    let overdue: InquiryRow;
    let soon: InquiryRow;
    let later: InquiryRow;
    let answered: InquiryRow;
    let treasury: InquiryRow;
    let hostile: InquiryRow;

    const list = async (query = '') => {
      const res = await vsaa.get(`/api/v1/staff/vsaa/inquiries${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Item[]; nextCursor: string | null };
    };
    const refs = (items: Item[]) => items.map((i) => i.reference);

    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      specialist = await addStaff(platform, 'specialiste@vsaa.test', 'vsaa', 'specialist');
      await addStaff(platform, 'auditors@vsaa.test', 'vsaa', 'auditor');
      overdue = await fileTest(platform, { name: 'Anna Bērziņa', text: 'Lūdzu pārrēķināt pensiju.', topic: 'pensions', receivedOn: '2026-03-20' });
      soon = await fileTest(platform, { name: 'Jānis Kalniņš', channel: 'post', email: undefined, address: 'Rīga', text: 'Par pabalstu.', receivedOn: '2026-04-01' });
      later = await fileTest(platform, { name: 'Līga Ozola', channel: 'email', text: 'Vai saņemšu atbildi?', receivedOn: '2026-04-14' });
      answered = await fileTest(platform, { name: 'Pēteris Liepa', text: 'Paldies', receivedOn: '2026-03-02' });
      hostile = await fileTest(platform, { name: '<script>alert("x")</script>', subject: '<b>Trekns</b>', text: '<img src=x onerror=alert(1)>', receivedOn: '2026-04-14' });
      treasury = await fileTest(platform, { agency: 'kase', name: 'Anna Bērziņa', text: 'Konts', receivedOn: '2026-04-14' });
      await setDeadline(platform, overdue.id, '2026-04-10');
      await setDeadline(platform, soon.id, '2026-04-16');
      await setDeadline(platform, later.id, '2026-05-20');
      await setDeadline(platform, hostile.id, '2026-05-21');
      await setDeadline(platform, answered.id, '2026-04-01');
      await setStatus(platform, answered.id, 'answered');
      await platform.deps.db.execute(sql`update inquiries set status = 'assigned', assignee_id = ${specialist.id} where id = ${soon.id}`);
      vsaa = await signedIn(platform, specialist.email);
    });
    after(() => platform.close());

    it('lists the open inquiries of its own agency, nearest deadline first', async () => {
      const { items, nextCursor } = await list();
      assert.deepEqual(refs(items), [overdue.reference, soon.reference, later.reference, hostile.reference]);
      assert.equal(nextCursor, null);
      assert.ok(!refs(items).includes(treasury.reference), 'never another agency');
    });

    it('marks overdue and near-deadline inquiries; a closed one is never overdue', async () => {
      const { items } = await list('?status=all');
      const byRef = new Map(items.map((i) => [i.reference, i]));
      assert.deepEqual([byRef.get(overdue.reference)?.overdue, byRef.get(overdue.reference)?.dueSoon], [true, false]);
      assert.deepEqual([byRef.get(soon.reference)?.overdue, byRef.get(soon.reference)?.dueSoon], [false, true]);
      assert.deepEqual([byRef.get(later.reference)?.overdue, byRef.get(later.reference)?.dueSoon], [false, false]);
      assert.equal(byRef.get(answered.reference)?.overdue, false);
      assert.equal(items[0]?.reference, answered.reference, 'status=all includes answered ones, still by deadline');
    });

    it('filters by status, channel, topic, assignee, overdue and due within N working days', async () => {
      assert.deepEqual(refs((await list('?status=answered')).items), [answered.reference]);
      assert.deepEqual(refs((await list('?channel=post')).items), [soon.reference]);
      assert.deepEqual(refs((await list('?topic=pensions')).items), [overdue.reference]);
      assert.deepEqual(refs((await list('?assignee=me')).items), [soon.reference]);
      assert.deepEqual(refs((await list(`?assignee=${specialist.id}`)).items), [soon.reference]);
      assert.deepEqual(refs((await list('?assignee=none')).items), [overdue.reference, later.reference, hostile.reference]);
      assert.deepEqual(refs((await list('?overdue=true')).items), [overdue.reference]);
      assert.deepEqual(refs((await list('?dueWithin=2')).items), [soon.reference]);
      assert.deepEqual(refs((await list('?overdue=true&dueWithin=2')).items), [overdue.reference, soon.reference]);
      assert.deepEqual(refs((await list('?status=&topic=&channel=&q=')).items).length, 4, 'empty parameters mean "not given"');
    });

    it('searches names and texts without diacritics, and by exact reference', async () => {
      assert.deepEqual(refs((await list('?q=berzina')).items), [overdue.reference]);
      assert.deepEqual(refs((await list('?q=KALNINS')).items), [soon.reference]);
      assert.deepEqual(refs((await list(`?q=${encodeURIComponent('pārrēķināt pensiju')}`)).items), [overdue.reference]);
      assert.deepEqual(refs((await list(`?q=${later.reference.toLowerCase()}`)).items), [later.reference]);
      assert.deepEqual(refs((await list('?q=100%25')).items), [], 'LIKE wildcards are taken literally');
      assert.deepEqual(refs((await list(`?q=${treasury.reference}`)).items), [], "another agency's reference finds nothing");
    });

    it('refuses bad filters with field errors', async () => {
      const res = await vsaa.get('/api/v1/staff/vsaa/inquiries?status=lost&dueWithin=-1');
      assert.equal(res.statusCode, 400);
      const fields = (res.json().errors as Array<{ field: string }>).map((e) => e.field).sort();
      assert.deepEqual(fields, ['dueWithin', 'status']);
      const cursor = await vsaa.get('/api/v1/staff/vsaa/inquiries?cursor=bm9wZQ');
      assert.equal(cursor.statusCode, 400);
    });

    it('paginates 50 rows at a time on (deadline, id) without repeating or skipping', async () => {
      const bulk = await Promise.all(Array.from({ length: 53 }, (_, i) => fileTest(platform, { name: `Masveida ${i}`, receivedOn: '2026-04-14' })));
      await platform.deps.db.execute(
        sql`update inquiries set status = 'closed', deadline = case when name_number % 2 = 0 then date '2026-05-04' else date '2026-05-05' end
            from (select id as bid, row_number() over (order by id) as name_number from inquiries where requester_name like 'Masveida %') numbered
            where inquiries.id = numbered.bid`,
      );
      const first = await list('?status=closed');
      assert.equal(first.items.length, 50);
      assert.ok(first.nextCursor);
      const second = await list(`?status=closed&cursor=${first.nextCursor}`);
      assert.equal(second.items.length, 3);
      assert.equal(second.nextCursor, null);
      const seen = [...first.items, ...second.items];
      assert.equal(new Set(seen.map((i) => i.id)).size, bulk.length);
      const expected = await rows<{ id: string }>(platform, sql`select id from inquiries where status = 'closed' and agency = 'vsaa' order by deadline, id`);
      assert.deepEqual(seen.map((i) => i.id), expected.map((r) => r.id));
    });

    it('the inbox page shows the rows with overdue and near-deadline marked in words, and links the next page', async () => {
      const page = await vsaa.get('/staff/vsaa/iesniegumi');
      assert.equal(page.statusCode, 200);
      const overdueRow = page.body.slice(page.body.indexOf(overdue.reference), page.body.indexOf(soon.reference));
      assert.match(overdueRow, /Nokavēts/);
      assert.match(page.body, /Termiņš tuvojas/);
      assert.match(page.body, /Nokavēts: 1</);
      const closed = await vsaa.get('/staff/vsaa/iesniegumi?status=closed');
      assert.match(closed.body, /rel="next"/);
      assert.match(closed.body, /cursor=/);
      const bad = await vsaa.get('/staff/vsaa/iesniegumi?dueWithin=abc');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#field-dueWithin"/);
    });

    it('shows HTML and script in inquiry fields as text', async () => {
      for (const url of ['/staff/vsaa/iesniegumi', `/staff/vsaa/iesniegumi/${hostile.id}`]) {
        const page = await vsaa.get(url);
        assert.equal(page.statusCode, 200);
        assert.ok(!page.body.includes('<script>alert'), url);
        assert.ok(!page.body.includes('<img src=x'), url);
        assert.match(page.body, /&lt;script&gt;alert/);
      }
    });

    it('the detail shows requester, deadlines with their legal source, messages and history, and every view is audited', async () => {
      const page = await vsaa.get(`/staff/vsaa/iesniegumi/${overdue.id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Anna Bērziņa/);
      assert.match(page.body, /Iesniegumu likums, 5\. pants \(redakcijā no 01\.03\.2026\.\)/);
      assert.match(page.body, /Pārsūtīšanas termiņš/);
      assert.match(page.body, /Lūdzu pārrēķināt pensiju\./);
      assert.match(page.body, /Atbildes termiņš ir pagājis/);
      const api = await vsaa.get(`/api/v1/staff/vsaa/inquiries/${overdue.id}`);
      assert.equal(api.statusCode, 200);
      const detail = api.json();
      assert.equal(detail.inquiry.reference, overdue.reference);
      assert.equal(detail.deadlines.answer.rule, 'submission.answer');
      assert.match(detail.deadlines.forward.source.en, /five working days/);
      assert.equal(detail.events[0].kind, 'received');
      assert.equal(detail.messages[0].text, 'Lūdzu pārrēķināt pensiju.');
      const views = await rows<{ details: { via: string } }>(platform, sql`select details from audit_log where action = 'inquiry.viewed' and record_id = ${overdue.id} order by id`);
      assert.deepEqual(views.map((v) => v.details.via), ['page', 'api']);
      assert.ok((await auditActions(platform, overdue.id)).every((a) => a.startsWith('inquiry.')));
    });

    it("VSAA staff cannot see the Treasury's inquiries: 404 by id, 403 on the Treasury's paths", async () => {
      for (const url of [`/api/v1/staff/vsaa/inquiries/${treasury.id}`, `/staff/vsaa/iesniegumi/${treasury.id}`, `/staff/vsaa/iesniegumi/not-a-uuid`]) {
        assert.equal((await vsaa.get(url)).statusCode, 404, url);
      }
      for (const url of ['/api/v1/staff/kase/inquiries', `/api/v1/staff/kase/inquiries/${treasury.id}`, '/staff/kase/iesniegumi']) {
        assert.equal((await vsaa.get(url)).statusCode, 403, url);
      }
      const action = await vsaa.request({ method: 'POST', url: `/api/v1/staff/vsaa/inquiries/${treasury.id}/close`, json: {} });
      assert.equal(action.statusCode, 404);
      const [row] = await rows<{ status: string }>(platform, sql`select status from inquiries where id = ${treasury.id}`);
      assert.equal(row?.status, 'new');
      assert.equal((await auditActions(platform, treasury.id)).includes('inquiry.viewed'), false);
    });

    it('an anonymous request is sent to sign in; the API answers 401', async () => {
      assert.equal((await platform.app.inject('/staff/vsaa/iesniegumi')).statusCode, 303);
      assert.equal((await platform.app.inject('/api/v1/staff/vsaa/inquiries')).statusCode, 401);
    });
  });
}

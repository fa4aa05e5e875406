import { tinyZip } from '../../../../test/support/tiny-zip.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../../platform/clock.ts';
import type { TestBrowser } from '../../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import { findInquiryInAgency, listInquiryMessages } from '../inquiries.repository.ts';
import { addStaff, auditActions, countRows, csrfFrom, fileTest, multipartBody, outboxTo, rows, signedIn } from './inquiries-staff.testing.ts';

const NOW = '2026-04-15T07:00:00Z';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, 0x41)]);

for (const target of testTargets()) {
  describe(`staff inquiry pages, forms and the action API (${target})`, () => {
    let platform: TestPlatform;
    let specialist: TestBrowser;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let treasury: TestBrowser;

    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      await addStaff(platform, 'specialiste@vsaa.test', 'vsaa', 'specialist');
      await addStaff(platform, 'vaditaja@vsaa.test', 'vsaa', 'supervisor');
      await addStaff(platform, 'auditors@vsaa.test', 'vsaa', 'auditor');
      await addStaff(platform, 'vaditajs@kase.test', 'kase', 'supervisor');
      specialist = await signedIn(platform, 'specialiste@vsaa.test');
      supervisor = await signedIn(platform, 'vaditaja@vsaa.test');
      auditor = await signedIn(platform, 'auditors@vsaa.test');
      treasury = await signedIn(platform, 'vaditajs@kase.test');
    });
    after(() => platform.close());

    it('registers a letter received by post with its scan (multipart, CSRF in the body), then serves the scan for download', async () => {
      const form = await specialist.get('/staff/vsaa/iesniegumi/registret');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /enctype="multipart\/form-data"/i);
      const fields = { _csrf: csrfFrom(form.body), channel: 'post', receivedOn: '2026-04-10', name: 'Ērika Kļaviņa', address: 'Liepu iela 2, Cēsis', text: 'Lūdzu izsniegt izziņu.' };
      const { payload, contentType } = multipartBody(fields, [{ field: 'attachments', fileName: 'skenējums.pdf', contentType: 'application/pdf', content: PDF }]);
      const res = await platform.app.inject({ method: 'POST', url: '/staff/vsaa/iesniegumi/registret', payload, headers: { 'content-type': contentType, cookie: specialist.cookieHeader() } });
      assert.equal(res.statusCode, 200, res.body.slice(0, 500));
      const reference = /VSAA-2026-\d{6}/.exec(res.body)?.[0];
      assert.ok(reference);
      assert.match(res.body, /piekļuves kods[^:]*: [A-HJ-NP-Z2-9]{10}/);
      const [row] = await rows<{ id: string; channel: string; received_on: string; requester_name: string; deadline: string }>(
        platform,
        sql`select id, channel, received_on::text, requester_name, deadline::text from inquiries where reference = ${reference}`,
      );
      assert.deepEqual([row?.channel, row?.received_on, row?.requester_name], ['post', '2026-04-10', 'Ērika Kļaviņa']);
      assert.equal(row?.deadline, '2026-04-24', 'ten working days from the date of receipt, not from registration');

      const detail = await specialist.get(`/staff/vsaa/iesniegumi/${row!.id}`);
      const href = /href="(\/staff\/vsaa\/iesniegumi\/[^"]+\/pielikumi\/[^"]+)"/.exec(detail.body)?.[1];
      assert.ok(href, 'a download link');
      const file = await specialist.get(href);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.equal(file.headers['content-disposition'], `attachment; filename="skenejums.pdf"; filename*=UTF-8''${encodeURIComponent('skenējums.pdf')}`);
      assert.equal(file.rawPayload.length, PDF.length);
      assert.ok(file.rawPayload.equals(PDF));
      const views = await rows<{ via: string }>(platform, sql`select details->>'via' as via from audit_log where action = 'inquiry.viewed' and record_id = ${row!.id} order by id`);
      assert.deepEqual(views.map((v) => v.via), ['page', 'attachment']);
    });

    it('registers a letter by the JSON API with a base64 scan; bad input gets field errors and writes nothing; only working staff of the agency may', async () => {
      const url = '/api/v1/staff/vsaa/inquiries';
      const letter = { channel: 'e-address', receivedOn: '2026-04-13', name: 'Ilze Ozola', text: 'Lūdzu pārrēķināt pensiju.', attachments: [{ fileName: 'vēstule.pdf', contentType: 'application/pdf', contentBase64: PDF.subarray(0, 2048).toString('base64') }] };
      const created = await specialist.request({ method: 'POST', url, json: letter });
      assert.equal(created.statusCode, 201, created.body);
      const body = created.json() as { id: string; reference: string; accessCode: string; deadline: string };
      assert.match(body.reference, /^VSAA-2026-\d{6}$/);
      assert.match(body.accessCode, /^[A-HJ-NP-Z2-9]{10}$/);
      assert.equal(body.deadline, '2026-04-27', 'ten working days from 13 April, Easter Monday 6 April long past');
      const detail = (await specialist.get(`${url}/${body.id}`)).json() as { inquiry: { channel: string; receivedOn: string }; attachments: Array<{ fileName: string; size: number }> };
      assert.deepEqual([detail.inquiry.channel, detail.inquiry.receivedOn], ['e-address', '2026-04-13']);
      assert.deepEqual(detail.attachments.map((a) => [a.fileName, a.size]), [['vēstule.pdf', 2048]]);

      const before = await countRows(platform, 'inquiries');
      const refusals: Array<[Record<string, unknown>, string]> = [
        [{ ...letter, receivedOn: '2026-04-16' }, 'receivedOn'],
        [{ ...letter, text: '   ' }, 'text'],
        [{ ...letter, channel: 'carrier-pigeon' }, 'channel'],
        [{ ...letter, attachments: [{ fileName: 'run.exe', contentType: 'application/x-msdownload', contentBase64: 'TVqQAAMAAAAEAAAA' }] }, 'attachments.0'],
        [{ ...letter, attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: 'not base64 at all!' }] }, 'attachments.0.contentBase64'],
      ];
      for (const [payload, field] of refusals) {
        const res = await specialist.request({ method: 'POST', url, json: payload });
        assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
        const fields = (res.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
        assert.ok(fields.includes(field), `${field} in ${fields.join(', ')}`);
      }
      assert.equal(await countRows(platform, 'inquiries'), before, 'no refused letter was filed');
      assert.equal((await auditor.request({ method: 'POST', url, json: letter })).statusCode, 403);
      assert.equal((await treasury.request({ method: 'POST', url, json: letter })).statusCode, 403);
      assert.equal(await countRows(platform, 'inquiries'), before);
    });

    it('the API download never serves a claimed HTML type, and another agency cannot download', async () => {
      const inquiry = await fileTest(platform, {
        channel: 'e-address',
        receivedOn: '2026-04-14',
        attachments: [{ fileName: 'iesniegums.edoc', contentType: 'text/html', content: tinyZip('index.html', '<script>alert(1)</script>') }],
      });
      const detail = (await specialist.get(`/api/v1/staff/vsaa/inquiries/${inquiry.id}`)).json();
      const attachmentId = detail.attachments[0].id as string;
      const file = await specialist.get(`/api/v1/staff/vsaa/inquiries/${inquiry.id}/attachments/${attachmentId}`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/octet-stream');
      assert.equal(file.headers['x-content-type-options'], 'nosniff');
      assert.match(String(file.headers['content-disposition']), /^attachment; filename="iesniegums\.edoc"/);
      assert.equal((await treasury.get(`/api/v1/staff/kase/inquiries/${inquiry.id}/attachments/${attachmentId}`)).statusCode, 404);
      const views = await rows<{ via: string }>(platform, sql`select details->>'via' as via from audit_log where action = 'inquiry.viewed' and record_id = ${inquiry.id} order by id`);
      assert.deepEqual(views.map((v) => v.via), ['api', 'attachment']);
    });

    it('refuses registration without the CSRF token, with a future date, or with a forbidden file type', async () => {
      const form = await specialist.get('/staff/vsaa/iesniegumi/registret');
      const base = { channel: 'post', receivedOn: '2026-04-10', name: 'X', text: 'Y' };
      const noToken = multipartBody(base, []);
      const forged = await platform.app.inject({ method: 'POST', url: '/staff/vsaa/iesniegumi/registret', payload: noToken.payload, headers: { 'content-type': noToken.contentType, cookie: specialist.cookieHeader() } });
      assert.equal(forged.statusCode, 403);
      const future = multipartBody({ ...base, _csrf: csrfFrom(form.body), receivedOn: '2026-04-16' }, []);
      const res = await platform.app.inject({ method: 'POST', url: '/staff/vsaa/iesniegumi/registret', payload: future.payload, headers: { 'content-type': future.contentType, cookie: specialist.cookieHeader() } });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-receivedOn"/);
      const exe = multipartBody({ ...base, _csrf: csrfFrom(form.body) }, [{ field: 'attachments', fileName: 'virus.exe', contentType: 'application/x-msdownload', content: Buffer.from('MZ') }]);
      const bad = await platform.app.inject({ method: 'POST', url: '/staff/vsaa/iesniegumi/registret', payload: exe.payload, headers: { 'content-type': exe.contentType, cookie: specialist.cookieHeader() } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /1\. pielikuma faila veids nav atļauts\./);
      assert.doesNotMatch(bad.body, /virus\.exe/);
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(9 * 1024 * 1024, 0x42)]);
      const files = [1, 2, 3].map((n) => ({ field: 'attachments', fileName: `lapa-${n}.pdf`, contentType: 'application/pdf', content: big }));
      const tooMuch = multipartBody({ ...base, _csrf: csrfFrom(form.body) }, files);
      const total = await platform.app.inject({ method: 'POST', url: '/staff/vsaa/iesniegumi/registret', payload: tooMuch.payload, headers: { 'content-type': tooMuch.contentType, cookie: specialist.cookieHeader() } });
      assert.equal(total.statusCode, 400);
      assert.match(total.body, /kopā nedrīkst pārsniegt 25 MB/);
      assert.equal((await auditor.get('/staff/vsaa/iesniegumi/registret')).statusCode, 403);
      // Who may upload is checked before the body is read: anonymous callers and auditors never get that far.
      const anonymous = await platform.app.inject({ method: 'POST', url: '/staff/vsaa/iesniegumi/registret', payload: tooMuch.payload, headers: { 'content-type': tooMuch.contentType } });
      assert.equal(anonymous.statusCode, 303);
      const byAuditor = await platform.app.inject({ method: 'POST', url: '/staff/vsaa/iesniegumi/registret', payload: noToken.payload, headers: { 'content-type': noToken.contentType, cookie: auditor.cookieHeader() } });
      assert.equal(byAuditor.statusCode, 403);
      assert.equal(await countRows(platform, 'inquiries', "requester_name = 'X'"), 0);
    });

    it('a reply form posts with CSRF and redirects; a post inquiry gets a printable letter', async () => {
      const inquiry = await fileTest(platform, { channel: 'post', email: undefined, name: 'Ojārs Vācietis', address: 'Ozolu iela 3\nValmiera', receivedOn: '2026-04-14' });
      const page = `/staff/vsaa/iesniegumi/${inquiry.id}`;
      const withoutToken = await specialist.request({ method: 'POST', url: `${page}/reply`, form: { text: 'Atbilde' } });
      assert.equal(withoutToken.statusCode, 403);
      const res = await specialist.submitForm(page, `${page}/reply`, { subject: '', text: 'Jūsu iesniegums ir izskatīts.' });
      assert.equal(res.statusCode, 303);
      const location = String(res.headers.location);
      assert.match(location, /\?saved=1&letter=/);
      const after = await specialist.get(location);
      const letterHref = /href="(\/staff\/vsaa\/iesniegumi\/[^"]+\/vestule\/[^"]+)"/.exec(after.body)?.[1];
      assert.ok(letterHref);
      const letter = await specialist.get(letterHref);
      assert.equal(letter.statusCode, 200);
      // Its print styles come from a static stylesheet (the CSP allows no inline <style>).
      assert.match(letter.body, /<link rel="stylesheet" href="\/static\/letter.css"\/>/);
      assert.match((await platform.app.inject({ url: '/static/letter.css' })).body, /@media print/);
      assert.match(letter.body, /Jūsu iesniegums ir izskatīts\./);
      assert.match(letter.body, new RegExp(`Mūsu atsauce: ${inquiry.reference}`));
      assert.match(letter.body, /Ozolu iela 3\nValmiera/);
      assert.equal((await findInquiryInAgency(platform.deps.db, 'vsaa', inquiry.id))?.status, 'answered');
      assert.equal((await treasury.get(letterHref.replace('/vsaa/', '/kase/'))).statusCode, 404);
    });

    it('a refused form comes back with the error summary and the values kept (extension beyond four months)', async () => {
      const inquiry = await fileTest(platform, { receivedOn: '2026-04-14' });
      const page = `/staff/vsaa/iesniegumi/${inquiry.id}`;
      const res = await specialist.submitForm(page, `${page}/extend`, { newDeadline: '2026-09-01', reason: 'Ekspertīze' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-extend-newDeadline"/);
      assert.match(res.body, /vairāk kā līdz 2026-08-14/);
      assert.match(res.body, /value="2026-09-01"/);
      const missing = await specialist.submitForm(page, `${page}/extend`, { newDeadline: '2026-06-01', reason: '' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /href="#field-extend-reason"/);
      const closed = await specialist.submitForm(page, `${page}/close`, {});
      assert.equal(closed.statusCode, 303);
      const reclose = await specialist.submitForm(page, `${page}/close`, {});
      assert.equal(reclose.statusCode, 409);
      assert.match(reclose.body, /statuss ir «slēgts»/);
    });

    it('the action API validates bodies with field errors and answers with the new state', async () => {
      const inquiry = await fileTest(platform, { email: 'api@example.lv', receivedOn: '2026-04-14' });
      const url = `/api/v1/staff/vsaa/inquiries/${inquiry.id}`;
      const noReason = await specialist.request({ method: 'POST', url: `${url}/extend`, json: { newDeadline: '2026-06-01' } });
      assert.equal(noReason.statusCode, 400);
      assert.deepEqual(noReason.json().errors.map((e: { field: string }) => e.field), ['reason']);
      const beyond = await specialist.request({ method: 'POST', url: `${url}/extend`, json: { newDeadline: '2026-08-17', reason: 'X' } });
      assert.equal(beyond.statusCode, 400);
      assert.equal(beyond.json().errors[0].code, 'beyond_maximum');
      const ok = await specialist.request({ method: 'POST', url: `${url}/extend`, json: { newDeadline: '2026-06-01', reason: 'Ekspertīze' } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().deadline, '2026-06-01');
      assert.ok(ok.json().message.outboxId);
      const byAuditor = await auditor.request({ method: 'POST', url: `${url}/close`, json: {} });
      assert.equal(byAuditor.statusCode, 403);
      const reply = await specialist.request({ method: 'POST', url: `${url}/reply`, json: { text: 'Atbilde', extra: 1 } });
      assert.equal(reply.statusCode, 400, 'unknown fields are refused');
      const doc = (await platform.app.inject('/api/openapi.json')).json();
      for (const action of ['assign', 'reply', 'request-info', 'forward', 'complex', 'extend', 'unexamined', 'merge', 'close']) {
        assert.ok(doc.paths[`/api/v1/staff/{agency}/inquiries/{id}/${action}`]?.post, action);
      }
      assert.deepEqual(doc.paths['/api/v1/staff/{agency}/inquiries'].get.tags, ['inquiries']);
    });

    it('answer templates: supervisors create, edit and delete; specialists and auditors only read; per agency', async () => {
      const base = '/api/v1/staff/vsaa/answer-templates';
      const body = { title: 'Pensijas pārrēķins', bodyLv: 'Labdien, {name}! Jūsu iesniegums {reference} ir izskatīts.', bodyEn: '' };
      assert.equal((await specialist.request({ method: 'POST', url: base, json: body })).statusCode, 403);
      assert.equal((await auditor.request({ method: 'POST', url: base, json: body })).statusCode, 403);
      const created = await supervisor.request({ method: 'POST', url: base, json: body });
      assert.equal(created.statusCode, 201);
      const id = created.json().id as string;
      const updated = await supervisor.request({ method: 'PUT', url: `${base}/${id}`, json: { ...body, bodyEn: 'Hello {name}, {reference} is done.' } });
      assert.equal(updated.statusCode, 200);
      assert.equal(updated.json().bodyEn, 'Hello {name}, {reference} is done.');
      assert.equal((await specialist.request({ method: 'PUT', url: `${base}/${id}`, json: body })).statusCode, 403);
      const listed = await auditor.get(base);
      assert.deepEqual(listed.json().templates.map((t: { id: string }) => t.id), [id]);
      assert.equal((await treasury.request({ method: 'PUT', url: `/api/v1/staff/kase/answer-templates/${id}`, json: body })).statusCode, 404);
      assert.deepEqual((await treasury.get('/api/v1/staff/kase/answer-templates')).json().templates, []);

      const inquiry = await fileTest(platform, { name: 'Inese', receivedOn: '2026-04-14' });
      const page = await specialist.get(`/staff/vsaa/iesniegumi/${inquiry.id}?template=${id}`);
      assert.match(page.body, new RegExp(`Labdien, Inese! Jūsu iesniegums ${inquiry.reference} ir izskatīts\\.</textarea>`));
      const english = await specialist.get(`/staff/vsaa/iesniegumi/${inquiry.id}?template=${id}:en`);
      assert.match(english.body, new RegExp(`Hello Inese, ${inquiry.reference} is done\\.</textarea>`));

      const listPage = await supervisor.get('/staff/vsaa/iesniegumi/veidnes');
      assert.match(listPage.body, /Pensijas pārrēķins/);
      const removed = await supervisor.submitForm('/staff/vsaa/iesniegumi/veidnes', `/staff/vsaa/iesniegumi/veidnes/${id}/dzest`, {});
      assert.equal(removed.statusCode, 303);
      assert.deepEqual((await auditor.get(base)).json().templates, []);
      assert.deepEqual(await auditActions(platform, id), ['answer-template.created', 'answer-template.updated', 'answer-template.deleted']);
    });

    it('templates by form: a missing title is a field error; specialists get 403', async () => {
      const res = await supervisor.submitForm('/staff/vsaa/iesniegumi/veidnes', '/staff/vsaa/iesniegumi/veidnes', { title: '', bodyLv: 'Teksts', bodyEn: '' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-title"/);
      const made = await supervisor.submitForm('/staff/vsaa/iesniegumi/veidnes', '/staff/vsaa/iesniegumi/veidnes', { title: '<i>Veidne</i>', bodyLv: 'Teksts', bodyEn: '' });
      assert.equal(made.statusCode, 303);
      const list = await specialist.get('/staff/vsaa/iesniegumi/veidnes');
      assert.match(list.body, /&lt;i&gt;Veidne&lt;\/i&gt;/);
      // (The staff header's sign-out form is the only form with a CSRF token.)
      assert.ok(!/<form method="post" action="\/staff\/vsaa\/iesniegumi\/veidnes/.test(list.body), 'no editing forms for a specialist');
      assert.equal(list.body.split('name="_csrf"').length - 1, 1, 'only the sign-out form carries a token');
      const byForm = await specialist.submitForm('/staff/vsaa/iesniegumi/registret', '/staff/vsaa/iesniegumi/veidnes', { title: 'X', bodyLv: 'Y' });
      assert.equal(byForm.statusCode, 403);
    });

    it('merging by form needs a supervisor; across agencies it is refused and nothing changes', async () => {
      const main = await fileTest(platform, { receivedOn: '2026-04-14' });
      const duplicate = await fileTest(platform, { receivedOn: '2026-04-14' });
      const kase = await fileTest(platform, { agency: 'kase', receivedOn: '2026-04-14' });
      const page = `/staff/vsaa/iesniegumi/${duplicate.id}`;
      assert.ok(!(await specialist.get(page)).body.includes(`${page}/merge`), 'no merge form for a specialist');
      const across = await supervisor.submitForm(page, `${page}/merge`, { into: kase.reference });
      assert.equal(across.statusCode, 400);
      assert.match(across.body, /Šajā iestādē nav iesnieguma ar šādu atsauces numuru/);
      const done = await supervisor.submitForm(page, `${page}/merge`, { into: main.reference });
      assert.equal(done.statusCode, 303);
      const view = await specialist.get(page);
      assert.match(view.body, new RegExp(`apvienots ar ${main.reference}`));
      assert.equal((await findInquiryInAgency(platform.deps.db, 'kase', kase.id))?.status, 'new');
      assert.equal((await listInquiryMessages(platform.deps.db, duplicate.id)).length, 1);
    });

    it('the assign form offers only staff of the agency, and forwarding by form tells the client', async () => {
      const inquiry = await fileTest(platform, { email: 'forma@example.lv', receivedOn: '2026-04-14' });
      const page = `/staff/vsaa/iesniegumi/${inquiry.id}`;
      const html = (await specialist.get(page)).body;
      assert.match(html, /specialiste \(speciālists\)/);
      assert.ok(!html.includes('vaditajs@kase') && !html.includes('vaditajs ('), 'no Treasury staff offered');
      assert.ok(!html.includes('auditors ('), 'auditors cannot be assignees');
      const res = await specialist.submitForm(page, `${page}/forward`, { mode: 'refer', institutionId: '', institutionName: 'Pašvaldība', note: '' });
      assert.equal(res.statusCode, 303);
      const [mail] = await outboxTo(platform, 'forma@example.lv');
      assert.match(mail?.body_text ?? '', /Pašvaldība/);
      assert.ok(mail?.subject.includes(inquiry.reference));
    });
  });
}

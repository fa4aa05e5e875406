import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import { insertInquiryMessage } from '../inquiries.repository.ts';
import { fileInquiry } from '../inquiries.service.ts';
import { QuestionBrowser, countRows, csrfTokenIn, mainOf, movableClock, withoutCsrf } from './question-form.testing.ts';

const client = { actorId: null, actorLabel: 'client', ip: '10.0.0.1' };

for (const target of testTargets()) {
  describe(`client follow-up /{agency}/jautajums/{reference} (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-11-20T10:00:00Z');
    let reference = '';
    let accessCode = '';
    let kaseReference = '';
    let kaseCode = '';

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      const filed = await fileInquiry(platform.deps, client, {
        agency: 'vsaa',
        channel: 'web-form',
        name: 'Jānis <b>Ozols</b>',
        email: 'janis@example.lv',
        topic: 'pabalsti',
        text: 'Kad saņemšu pabalstu? <script>alert(1)</script>',
        attachments: [{ fileName: 'iesniegums.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') }],
      });
      reference = filed.inquiry.reference;
      accessCode = filed.accessCode;
      await insertInquiryMessage(platform.deps.db, { inquiryId: filed.inquiry.id, direction: 'out', medium: 'email', subject: 'Atbilde', bodyText: 'Pabalstu izmaksāsim 1. decembrī.' });
      await insertInquiryMessage(platform.deps.db, { inquiryId: filed.inquiry.id, direction: 'out', medium: 'note', subject: '', bodyText: 'IEKŠĒJA PIEZĪME' });
      const kase = await fileInquiry(platform.deps, client, { agency: 'kase', channel: 'web-form', name: 'SIA Piemērs', phone: '+371 20000000', text: 'Konta slēgšana' });
      kaseReference = kase.inquiry.reference;
      kaseCode = kase.accessCode;
    });
    after(() => platform.close());

    async function showWithCode(browser: QuestionBrowser, ref: string, code: string, agency = 'vsaa', lang = '') {
      const url = `/${agency}/jautajums/${ref}${lang}`;
      const page = await browser.get(url);
      return browser.request({ method: 'POST', url, form: { _csrf: csrfTokenIn(page.body), code } });
    }

    it('asks for the code first, saying nothing about the inquiry', async () => {
      const browser = new QuestionBrowser(platform.app);
      const page = await browser.get(`/vsaa/jautajums/${reference}`);
      assert.equal(page.statusCode, 200);
      const main = mainOf(page.body);
      assert.match(main, /<form[^>]* action="\/vsaa\/jautajums\/VSAA-2026-\d{6}" method="post"/);
      assert.match(main, /<label for="field-code"/);
      assert.doesNotMatch(main, /pabalstu|Ozols/i);
      const unknown = await browser.get('/vsaa/jautajums/VSAA-2026-999999');
      assert.equal(unknown.statusCode, 200, 'a form for any well-formed reference: no probing');
    });

    it('with the code shows status, deadline, correspondence and attachment names, escaped, and audits the view', async () => {
      const browser = new QuestionBrowser(platform.app);
      // The code is read however the client types it.
      const typed = `${accessCode.slice(0, 4).toLowerCase()}-${accessCode.slice(4)}`;
      const response = await showWithCode(browser, reference, typed);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const main = mainOf(response.body);
      assert.equal(main.match(/<h1/g)?.length, 1);
      assert.match(main, /id="inquiry-status">Saņemts</);
      assert.match(main, /2026\. gada 4\. decembris/);
      assert.match(main, /Konsultācija par pabalstiem un atlīdzībām/);
      assert.match(main, /Kad saņemšu pabalstu\? &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(main, /<script>alert/);
      assert.match(main, /Pabalstu izmaksāsim 1\. decembrī\./);
      assert.match(main, /iesniegums\.pdf/);
      assert.doesNotMatch(main, /IEKŠĒJA PIEZĪME/, 'staff notes stay inside');
      assert.doesNotMatch(main, new RegExp(accessCode), 'the code is not shown back');
      assert.equal(await countRows(platform, 'audit_log', `action = 'inquiry.viewed-by-client' and details->>'reference' = '${reference}'`), 1);
      const english = await showWithCode(browser, reference, accessCode, 'vsaa', '?lang=en');
      assert.match(english.body, /id="inquiry-status">Received</);
      assert.match(english.body, /4 December 2026/);
    });

    it('a wrong code answers exactly like an unknown reference, and a missing code asks for it', async () => {
      const browser = new QuestionBrowser(platform.app);
      const wrong = await showWithCode(browser, reference, 'AAAAAAAAAA');
      const missing = await showWithCode(browser, 'VSAA-2026-999999', 'AAAAAAAAAA');
      assert.equal(wrong.statusCode, 404);
      assert.equal(missing.statusCode, 404);
      assert.match(wrong.body, /<a href="#field-code">Jautājums ar šādu reģistrācijas numuru un piekļuves kodu nav atrasts/);
      assert.equal(withoutCsrf(wrong.body).replaceAll(reference, 'REF'), withoutCsrf(missing.body).replaceAll('VSAA-2026-999999', 'REF'));
      const before = await countRows(platform, 'audit_log', `action = 'inquiry.access-denied'`);
      const empty = await showWithCode(browser, reference, '');
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /<a href="#field-code">Ievadiet piekļuves kodu\.<\/a>/);
      assert.equal(await countRows(platform, 'audit_log', `action = 'inquiry.access-denied'`), before, 'nothing to count without a code');
    });

    it("another agency's reference is not a page here, even with its right code", async () => {
      const browser = new QuestionBrowser(platform.app);
      assert.equal((await browser.get(`/vsaa/jautajums/${kaseReference}`)).statusCode, 404);
      const vsaaPage = await browser.get(`/vsaa/jautajums/${reference}`);
      const post = await browser.request({ method: 'POST', url: `/vsaa/jautajums/${kaseReference}`, form: { _csrf: csrfTokenIn(vsaaPage.body), code: kaseCode } });
      assert.equal(post.statusCode, 404);
      assert.doesNotMatch(post.body, /Konta slēgšana/);
      assert.equal((await browser.get('/vsaa/jautajums/nav-numurs')).statusCode, 404);
      assert.equal((await browser.get(`/nav-tadas/jautajums/${reference}`)).statusCode, 404);
      const sekot = await browser.get('/vsaa/jautajums/sekot');
      const viaForm = await browser.request({ method: 'POST', url: '/vsaa/jautajums/sekot', form: { _csrf: csrfTokenIn(sekot.body), reference: kaseReference, code: kaseCode } });
      assert.equal(viaForm.statusCode, 404);
      assert.doesNotMatch(viaForm.body, /Konta slēgšana/);
    });

    it('the follow form takes the reference and the code in the body', async () => {
      const browser = new QuestionBrowser(platform.app);
      const page = await browser.get('/vsaa/jautajums/sekot');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<label for="field-reference"/);
      assert.match(page.body, /<form[^>]* action="\/vsaa\/jautajums\/sekot" method="post"/);
      const blank = await browser.request({ method: 'POST', url: '/vsaa/jautajums/sekot', form: { _csrf: csrfTokenIn(page.body), reference: '', code: '' } });
      assert.equal(blank.statusCode, 400);
      assert.match(blank.body, /href="#field-reference"/);
      assert.match(blank.body, /href="#field-code"/);
      const shown = await browser.request({ method: 'POST', url: '/vsaa/jautajums/sekot', form: { _csrf: csrfTokenIn(page.body), reference: ` ${reference.toLowerCase()} `, code: accessCode } });
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /Pabalstu izmaksāsim/);
    });

    it('failures on one reference from many addresses: growing delays (1, 2, 4 s …), never a lockout — the client gets in after the delay', async () => {
      const browser = new QuestionBrowser(platform.app);
      time.advanceMinutes(30); // a fresh window, whatever the tests before counted
      const attempt = async (code: string, remoteAddress: string) => {
        const page = await browser.get(`/vsaa/jautajums/${reference}`);
        return platform.app.inject({
          method: 'POST',
          url: `/vsaa/jautajums/${reference}`,
          remoteAddress,
          headers: { cookie: browser.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), code }).toString(),
        });
      };
      const denied = () => countRows(platform, 'audit_log', `action = 'inquiry.access-denied' and details->>'reference' = '${reference}'`);
      const deniedBefore = await denied();
      // A stranger, from a new address each time: the first five failures cost nothing.
      for (let i = 0; i < 5; i++) assert.equal((await attempt(`WRONG${i}`, `10.1.0.${i}`)).statusCode, 404, `attempt ${i + 1}`);
      // Then each next attempt on this reference waits, the delay doubling with each failure: 1 s, 2 s, 4 s.
      for (const [i, delay] of [[5, 1], [6, 2], [7, 4]] as const) {
        const limited = await showWithCode(browser, reference, accessCode);
        assert.equal(limited.statusCode, 429, `after ${i} failures`);
        assert.equal(limited.headers['retry-after'], String(delay));
        assert.match(limited.body, new RegExp(`Pārāk daudz neveiksmīgu mēģinājumu\\. Mēģiniet vēlreiz pēc ${delay} s\\.`));
        assert.doesNotMatch(limited.body, /Pabalstu izmaksāsim/);
        time.advanceSeconds(delay);
        assert.equal((await attempt(`WRONG${i}`, `10.1.0.${i}`)).statusCode, 404, `failure ${i + 1}, after the delay`);
      }
      // Refused attempts are not failures: knocking during the delay does not lengthen it.
      for (let i = 0; i < 5; i++) assert.equal((await attempt('WRONGAGAIN', '10.1.1.1')).statusCode, 429);
      assert.equal((await denied()) - deniedBefore, 8);
      // However long the stranger goes on, the client waits at most a minute, then gets in with the right code.
      time.advanceSeconds(8);
      const later = await showWithCode(browser, reference, accessCode);
      assert.equal(later.statusCode, 200);
      assert.match(later.body, /Pabalstu izmaksāsim/);
    });

    it('failures from one shared address: that address waits (for any reference), others do not, and the inquiry stays open to its client elsewhere', async () => {
      const browser = new QuestionBrowser(platform.app);
      time.advanceMinutes(30);
      const page = await browser.get(`/vsaa/jautajums/${reference}`);
      const post = (url: string, code: string, remoteAddress: string) =>
        platform.app.inject({
          method: 'POST',
          url,
          remoteAddress,
          headers: { cookie: browser.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), code }).toString(),
        });
      // 30 failures on 30 different references from one office address: none of those references is delayed.
      for (let i = 0; i < 30; i++) {
        assert.equal((await post(`/vsaa/jautajums/VSAA-2026-9${String(i).padStart(5, '0')}`, 'AAAAAAAAAA', '192.0.2.7')).statusCode, 404, `failure ${i + 1}`);
      }
      const limited = await post(`/vsaa/jautajums/${reference}`, accessCode, '192.0.2.7');
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.headers['retry-after'], '1');
      assert.equal((await post(`/vsaa/jautajums/${reference}`, accessCode, '192.0.2.8')).statusCode, 200, 'another address is not delayed');
      time.advanceSeconds(1);
      assert.equal((await post(`/vsaa/jautajums/${reference}`, accessCode, '192.0.2.7')).statusCode, 200, 'the shared address too, after its delay');
      assert.equal(await countRows(platform, 'audit_log', `action = 'inquiry.access-denied' and details->>'ip' = '192.0.2.7'`), 30);
    });

    it('the client adds text and a file to an open inquiry; bad input and a wrong code write nothing; a closed one cannot be added to', async () => {
      const filed = await fileInquiry(platform.deps, client, { agency: 'vsaa', channel: 'web-form', name: 'Līga', phone: '+371 21111111', text: 'Kā pieteikt pabalstu?' });
      const ref = filed.inquiry.reference;
      const browser = new QuestionBrowser(platform.app);
      const shown = await showWithCode(browser, ref, filed.accessCode);
      assert.equal(shown.statusCode, 200);
      const form = mainOf(shown.body);
      assert.match(form, new RegExp(`<form[^>]* action="/vsaa/jautajums/${ref}/papildinat"[^>]*enctype="multipart/form-data"`, 'i'));
      assert.match(form, new RegExp(`<input type="hidden" name="code" value="${filed.accessCode}"/>`));
      const action = `/vsaa/jautajums/${ref}/papildinat`;
      const messagesBefore = await countRows(platform, 'inquiry_messages', `inquiry_id = '${filed.inquiry.id}'`);

      const empty = await browser.postMultipart(action, { _csrf: csrfTokenIn(shown.body), code: filed.accessCode, text: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.match(mainOf(empty.body), /Ierakstiet papildu informāciju/);
      const exe = await browser.postMultipart(action, { _csrf: csrfTokenIn(shown.body), code: filed.accessCode, text: 'Pielikumā' }, [{ name: 'run.exe', type: 'application/x-msdownload', content: 'MZ' }]);
      assert.equal(exe.statusCode, 400);
      const wrong = await browser.postMultipart(action, { _csrf: csrfTokenIn(shown.body), code: 'AAAAAAAAAA', text: 'Cits' });
      assert.equal(wrong.statusCode, 404, 'a wrong code: the same answer as on the code form');
      assert.equal(await countRows(platform, 'inquiry_messages', `inquiry_id = '${filed.inquiry.id}'`), messagesBefore, 'nothing written');

      const added = await browser.postMultipart(action, { _csrf: csrfTokenIn(shown.body), code: filed.accessCode, text: 'Papildinu: <b>esmu pensionārs</b>' }, [{ name: 'izziņa.pdf', type: 'application/pdf', content: '%PDF-1.4 izziņa' }]);
      assert.equal(added.statusCode, 200);
      const page = mainOf(added.body);
      assert.match(page, /id="addition-added"/);
      assert.match(page, /Papildinu: &lt;b&gt;esmu pensionārs&lt;\/b&gt;/, 'shown escaped');
      assert.match(page, /izziņa\.pdf/);
      assert.equal(await countRows(platform, 'inquiry_messages', `inquiry_id = '${filed.inquiry.id}' and direction = 'in' and medium = 'web-form'`), messagesBefore + 1);
      assert.equal(await countRows(platform, 'inquiry_attachments', `inquiry_id = '${filed.inquiry.id}'`), 1);
      const noCsrf = await browser.postMultipart(action, { code: filed.accessCode, text: 'Bez žetona' });
      assert.equal(noCsrf.statusCode, 403);

      await platform.deps.db.execute(sql`update inquiries set status = 'closed' where id = ${filed.inquiry.id}`);
      const closed = await browser.postMultipart(action, { _csrf: csrfTokenIn(shown.body), code: filed.accessCode, text: 'Vēl' });
      assert.equal(closed.statusCode, 409);
      assert.match(mainOf(closed.body), /id="addition-closed"/);
      assert.doesNotMatch(mainOf(closed.body), /papildinat/, 'no form on a closed inquiry');
      assert.equal(await countRows(platform, 'inquiry_messages', `inquiry_id = '${filed.inquiry.id}'`), messagesBefore + 1);
    });
  });
}

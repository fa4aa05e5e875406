import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashAccessCode } from '../../../domain/inquiry/index.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../../platform/db/tables.ts';
import { findInquiryByReference, listInquiryAttachmentsMeta, listInquiryEvents } from '../inquiries.repository.ts';
import { CONFIRMATION_COOKIE } from '../inquiries-public.schema.ts';
import { suggestFaqAnswers } from './faq-suggestions.ts';
import { QuestionBrowser, countRows, csrfTokenIn, mainOf } from './question-form.testing.ts';

const FORM = '/vsaa/jautajums';
const NO_MATCH_TEXT = 'Zxqvbn plorf glimmergrost vrrkt?';
const valid = { name: 'Anna Bērziņa', email: ' anna@example.lv ', phone: '', personalCode: '01019010001', topic: 'pensijas', text: NO_MATCH_TEXT, step: 'preview' };

for (const target of testTargets()) {
  describe(`question form /{agency}/jautajums (${target})`, () => {
    let platform: TestPlatform;
    // Friday 20 November 2026 in Riga: 10 working days → Friday 4 December 2026.
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock('2026-11-20T10:00:00Z') });
    });
    after(() => platform.close());

    it('shows a labelled multipart form with the agency topics, in Latvian and English', async () => {
      const browser = new QuestionBrowser(platform.app);
      const page = await browser.get(FORM);
      assert.equal(page.statusCode, 200);
      const main = mainOf(page.body);
      assert.equal(main.match(/<h1/g)?.length, 1);
      assert.match(main, /enctype="multipart\/form-data"/i);
      for (const field of ['name', 'email', 'phone', 'personalCode', 'topic', 'text', 'attachments']) {
        assert.match(main, new RegExp(`<label for="field-${field}"`), field);
        assert.match(main, new RegExp(`id="field-${field}"`), field);
      }
      assert.match(main, /name="step" value="preview"/);
      assert.match(main, /aria-live="polite"/);
      assert.match(main, /src="\/static\/question-suggest.js"/);
      assert.match(main, /Uzdodiet jautājumu Valsts sociālās apdrošināšanas aģentūrai\./, 'the agency name in the dative');
      // VSAA: its services without the video consultation, plus "other".
      assert.match(main, /value="pensijas"/);
      assert.match(main, /value="other">Cits jautājums/);
      assert.doesNotMatch(main, /value="videokonsultacija"/);
      const kase = mainOf((await browser.get('/kase/jautajums')).body);
      assert.match(kase, /value="konti"/);
      assert.match(kase, /value="citi"/);
      assert.doesNotMatch(kase, /value="other"/);
      const english = await browser.get(`${FORM}?lang=en`);
      assert.match(english.body, /<h1>Ask a question<\/h1>/);
      assert.match(english.body, /<html lang="en"/);
    });

    it('the static enhancement script is served', async () => {
      const script = await platform.app.inject({ url: '/static/question-suggest.js' });
      assert.equal(script.statusCode, 200);
      assert.match(script.body, /aria-live|question-suggestions/);
    });

    it('the knowledge-base API answers the query the enhancement script sends', async () => {
      const response = await platform.app.inject({ url: `/api/v1/agencies/vsaa/faq?q=${encodeURIComponent('Kā pieteikties vecuma pensijai')}&lang=lv&limit=5` });
      assert.equal(response.statusCode, 200);
      const { hits } = response.json() as { hits: Array<{ id: string; questionHighlighted: string }> };
      assert.ok(hits.length > 0 && hits.length <= 5);
      assert.match(hits[0]?.questionHighlighted ?? '', /<mark>/);
    });

    it('files the question, then shows the reference, the code once and the deadline (post/redirect/get)', async () => {
      assert.deepEqual(await suggestFaqAnswers(platform.deps, 'vsaa', NO_MATCH_TEXT, 'lv'), [], 'precondition: no FAQ match');
      const browser = new QuestionBrowser(platform.app);
      const response = await browser.submitQuestion(FORM, valid, [{ name: 'izziņa.pdf', type: 'application/pdf', content: '%PDF-1.4 test' }]);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/vsaa/jautajums/iesniegts');
      const cookie = (response.cookies as Array<{ name: string; httpOnly?: boolean; maxAge?: number; path?: string }>).find((c) => c.name === CONFIRMATION_COOKIE);
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.maxAge, 600);
      assert.equal(cookie?.path, '/vsaa/jautajums');

      const confirmation = await browser.get('/vsaa/jautajums/iesniegts');
      assert.equal(confirmation.statusCode, 200);
      assert.equal(confirmation.headers['cache-control'], 'no-store');
      const reference = /id="inquiry-reference">([^<]+)</.exec(confirmation.body)?.[1] ?? '';
      const accessCode = /id="inquiry-access-code"[^>]*>([^<]+)</.exec(confirmation.body)?.[1] ?? '';
      assert.match(reference, /^VSAA-2026-\d{6}$/);
      assert.match(accessCode, /^[A-Z2-9]{10}$/);
      assert.match(confirmation.body, /2026\. gada 4\. decembris/);
      assert.match(confirmation.body, new RegExp(`href="/vsaa/jautajums/${reference}"`));

      const inquiry = await findInquiryByReference(platform.deps.db, reference);
      assert.ok(inquiry);
      assert.equal(inquiry.accessCodeHash, hashAccessCode(accessCode));
      assert.equal(inquiry.channel, 'web-form');
      assert.equal(inquiry.topic, 'pensijas');
      assert.equal(inquiry.requesterPersonalCode, '010190-10001', 'normalized');
      assert.equal(inquiry.requesterEmail, 'anna@example.lv', 'trimmed');
      assert.equal(inquiry.deadline, '2026-12-04');
      const files = await listInquiryAttachmentsMeta(platform.deps.db, inquiry.id);
      assert.deepEqual(files.map((f) => [f.fileName, f.contentType, f.size]), [['izziņa.pdf', 'application/pdf', 13]]);

      // The receipt e-mail: reference, code, deadline and the follow-up page, in Latvian and English.
      assert.match(confirmation.body, /id="receipt-sent">[^<]*anna@example\.lv/);
      const receipts = await platform.deps.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'anna@example.lv'));
      const receipt = receipts.find((m) => m.subject.includes(reference));
      assert.ok(receipt, 'a receipt was queued');
      assert.match(receipt.subject, /^Jūsu jautājums saņemts \/ Your question has been received \[VSAA-2026-\d{6}\]$/);
      assert.ok(receipt.bodyText.includes(`Piekļuves kods: ${accessCode}`) && receipt.bodyText.includes(`Access code: ${accessCode}`));
      assert.ok(receipt.bodyText.includes(`/vsaa/jautajums/${reference}`));
      assert.match(receipt.bodyText, /2026\. gada 4\. decembris/);
      assert.equal(receipt.headers['Auto-Submitted'], 'auto-replied');
      const events = await listInquiryEvents(platform.deps.db, inquiry.id);
      assert.deepEqual(events.map((e) => e.kind), ['received', 'acknowledged']);

      const english = await browser.get('/vsaa/jautajums/iesniegts?lang=en');
      assert.match(english.body, /4 December 2026/);
      assert.match(english.body, /Question received/);
    });

    it('the confirmation needs the signed cookie: without it or with a forged one, no code is shown', async () => {
      const fresh = new QuestionBrowser(platform.app);
      const none = await fresh.get('/vsaa/jautajums/iesniegts');
      assert.equal(none.statusCode, 200);
      assert.doesNotMatch(none.body, /inquiry-access-code/);
      assert.match(none.body, /Apstiprinājums vairs nav pieejams/);
      const forged = await platform.app.inject({ url: '/vsaa/jautajums/iesniegts', cookies: { [CONFIRMATION_COOKIE]: 'VSAA-2026-000001~ABCDEFGH23~2026-12-04.bm90YXNpZ25hdHVyZQ' } });
      assert.doesNotMatch(forged.body, /inquiry-access-code/);
    });

    it('without JavaScript, matching FAQ answers come first and nothing is filed until the client sends it anyway', async () => {
      const text = 'Kā pieteikties vecuma pensijai? <script>alert("x")</script>';
      const browser = new QuestionBrowser(platform.app);
      const before = await countRows(platform, 'inquiries');
      const preview = await browser.submitQuestion(FORM, { ...valid, text }, [{ name: 'scan.pdf', type: 'application/pdf', content: '%PDF-1.4 scan' }]);
      assert.equal(preview.statusCode, 200);
      const main = mainOf(preview.body);
      assert.equal(main.match(/<h1/g)?.length, 1);
      assert.match(main, /<mark>/, 'highlighted FAQ question');
      assert.match(main, /href="\/vsaa\/buj#faq-/);
      assert.match(main, /name="step" value="file"/);
      assert.match(main, /Tomēr nosūtīt jautājumu/);
      assert.match(main, /<span class="pending-file-name">scan\.pdf<\/span>/, 'the file is kept, not to be chosen again');
      assert.match(main, /value="Anna Bērziņa"/, 'values kept');
      assert.match(main, /value="01019010001"/, 'as typed');
      assert.match(main, /&lt;script&gt;alert/);
      assert.doesNotMatch(main, /<script>alert/);
      assert.equal(await countRows(platform, 'inquiries'), before, 'nothing filed on the first step');

      const uploadsToken = /name="uploadsToken" value="([^"]+)"/.exec(main)?.[1] ?? '';
      const filed = await browser.postMultipart(FORM, { _csrf: csrfTokenIn(preview.body), ...valid, text, step: 'file', uploadsToken });
      assert.equal(filed.statusCode, 303);
      assert.equal(await countRows(platform, 'inquiries'), before + 1);
      assert.equal(await countRows(platform, 'inquiry_attachments', "file_name = 'scan.pdf'"), 1, 'filed with the kept file');
    });

    it('refuses empty and over-long texts, with the summary linking to the field, and writes nothing', async () => {
      const browser = new QuestionBrowser(platform.app);
      const before = await countRows(platform, 'inquiries');
      const empty = await browser.submitQuestion(FORM, { ...valid, text: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /<a href="#field-text">Ierakstiet savu jautājumu\.<\/a>/);
      assert.match(empty.body, /value="Anna Bērziņa"/);
      const long = await browser.submitQuestion(FORM, { ...valid, text: 'ā'.repeat(20_001) });
      assert.equal(long.statusCode, 400);
      assert.match(long.body, /<a href="#field-text">Jautājums nedrīkst būt garāks par 20\s000 rakstzīmēm \(tagad: 20\s001\)\.<\/a>/);
      const english = await browser.submitQuestion(`${FORM}?lang=en`, { ...valid, text: '' });
      assert.match(english.body, /Enter your question\./);
      assert.equal(await countRows(platform, 'inquiries'), before);
    });

    it('refuses a forbidden attachment type, a too large file and too many files', async () => {
      const browser = new QuestionBrowser(platform.app);
      const before = await countRows(platform, 'inquiries');
      const exe = await browser.submitQuestion(FORM, { ...valid, step: 'file' }, [{ name: 'virus.exe', type: 'application/x-msdownload', content: 'MZ' }]);
      assert.equal(exe.statusCode, 400);
      assert.match(exe.body, /<a href="#field-attachments">1\. pielikuma faila veids nav atļauts\./);
      assert.doesNotMatch(exe.body, /virus\.exe/, 'the refusal names the file by its position, not by the name it was sent with');
      const big = await browser.submitQuestion(FORM, { ...valid, step: 'file' }, [{ name: 'liels.pdf', type: 'application/pdf', content: Buffer.alloc(10 * 1024 * 1024 + 1, 1) }]);
      assert.equal(big.statusCode, 400);
      assert.match(big.body, /1\. pielikums ir lielāks par 10 MB\./);
      assert.doesNotMatch(big.body, /liels\.pdf/);
      const many = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, type: 'text/plain', content: 'x' }));
      const tooMany = await browser.submitQuestion(FORM, { ...valid, step: 'file' }, many);
      assert.equal(tooMany.statusCode, 400);
      assert.match(tooMany.body, /Ne vairāk kā 10 pielikumi/);
      const nineMb = Buffer.alloc(9 * 1024 * 1024, 2);
      const together = await browser.submitQuestion(FORM, { ...valid, step: 'file' }, [1, 2, 3].map((i) => ({ name: `d${i}.pdf`, type: 'application/pdf', content: nineMb })));
      assert.equal(together.statusCode, 400);
      assert.match(together.body, /Pielikumi kopā nedrīkst pārsniegt 25 MB/);
      assert.equal(await countRows(platform, 'inquiries'), before);
      assert.equal(await countRows(platform, 'inquiry_attachments', "file_name in ('virus.exe', 'liels.pdf', 'f0.txt')"), 0);
    });

    it('a body beyond the multipart limits is refused as too large, not a server error, and writes nothing', async () => {
      const browser = new QuestionBrowser(platform.app);
      const before = await countRows(platform, 'inquiries');
      const flood = Array.from({ length: 31 }, (_, i) => ({ name: `f${i}.txt`, type: 'text/plain', content: 'x' }));
      const response = await browser.submitQuestion(FORM, { ...valid, step: 'file' }, flood);
      assert.equal(response.statusCode, 413);
      assert.match(response.body, /<h1>/);
      assert.equal(await countRows(platform, 'inquiries'), before);
    });

    it('each kind of bad identity code has its own message', async () => {
      const browser = new QuestionBrowser(platform.app);
      const before = await countRows(platform, 'inquiries');
      const cases: Array<[string, string]> = [
        ['12345', 'Personas kodā jābūt 11 cipariem'],
        ['01019a-10001', 'Personas kodā var būt tikai cipari'],
        ['010190-30002', 'septītajam ciparam'],
        ['310490-10018', 'neveido derīgu dzimšanas datumu'],
        ['010118-20001', 'līdz 2017. gada 30. jūnijam'],
        ['010190-10002', 'pēdējais cipars nesakrīt'],
        ['500000-00000', 'no 32 līdz 39'],
      ];
      for (const [code, message] of cases) {
        const response = await browser.submitQuestion(FORM, { ...valid, personalCode: code });
        assert.equal(response.statusCode, 400, code);
        assert.match(response.body, new RegExp(`<a href="#field-personalCode">[^<]*${message}`), code);
      }
      assert.equal(await countRows(platform, 'inquiries'), before);
    });

    it('asks for a contact when neither e-mail nor phone is given', async () => {
      const browser = new QuestionBrowser(platform.app);
      const response = await browser.submitQuestion(FORM, { ...valid, email: '', phone: '', text: '' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /<a href="#field-email">Norādiet e-pasta adresi vai tālruņa numuru/);
      assert.match(response.body, /<a href="#field-text">/, 'all errors at once');
      const kase = await browser.submitQuestion('/kase/jautajums', { ...valid, topic: 'konti', email: '', phone: '' });
      assert.equal(kase.statusCode, 400);
      assert.match(kase.body, /href="#field-email"/);
    });

    it('shows HTML and script from every field escaped, never executed', async () => {
      const browser = new QuestionBrowser(platform.app);
      const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
      const response = await browser.submitQuestion(FORM, { name: evil, email: evil, phone: evil, personalCode: evil, topic: evil, text: evil, step: 'preview' });
      assert.equal(response.statusCode, 400);
      assert.doesNotMatch(response.body, /<script>alert|<img src=x/);
      assert.match(response.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(response.body, /<a href="#field-topic">Izvēlieties tēmu no saraksta\.<\/a>/);
    });

    it('an unknown agency is a 404 and a post without the CSRF token is refused; neither writes', async () => {
      const browser = new QuestionBrowser(platform.app);
      const before = await countRows(platform, 'inquiries');
      assert.equal((await browser.get('/nav-tadas/jautajums')).statusCode, 404);
      const unknown = await browser.submitQuestion(FORM, { ...valid, step: 'file' }, [], '/nav-tadas/jautajums');
      assert.equal(unknown.statusCode, 404);
      const forged = await browser.postMultipart(FORM, { ...valid, step: 'file' });
      assert.equal(forged.statusCode, 403);
      assert.equal(await countRows(platform, 'inquiries'), before);
    });
  });
}

// Issue 14: no file a client chose is ever lost. Files chosen on the question form are kept (by the form's token and
// the browser's visitor cookie together) when the form comes back with an error or at the FAQ-suggestion step, are
// listed with a "remove" box, are filed with the question, and are deleted when never filed. A post whose CSRF check
// failed shows the form again with what was typed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import { findInquiryByReference, listInquiryAttachmentsMeta } from '../inquiries.repository.ts';
import { inquiriesJobs } from '../inquiries.jobs.ts';
import { countPendingUploads } from './pending-uploads.repository.ts';
import { PENDING_VISITOR_COOKIE } from './pending-uploads.service.ts';
import { QuestionBrowser, countRows, mainOf, movableClock, type TestFile } from './question-form.testing.ts';

const FORM = '/vsaa/jautajums';
const NO_MATCH_TEXT = 'Zxqvbn plorf glimmergrost vrrkt?';
const FAQ_TEXT = 'Kā pieteikties vecuma pensijai?';
const valid = { name: 'Anna Bērziņa', email: 'anna@example.lv', phone: '', personalCode: '', topic: '', text: NO_MATCH_TEXT, step: 'preview' };
const PDF: TestFile = { name: 'izziņa.pdf', type: 'application/pdf', content: '%PDF-1.4 test' };
const SCAN: TestFile = { name: 'scan.pdf', type: 'application/pdf', content: '%PDF-1.4 another document' };

/** The form's hidden fields as a browser would send them back. */
function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of ['_csrf', 'step', 'idempotencyKey', 'uploadsToken']) {
    const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}

/** The kept files as listed on the page: [file id, name] of each "remove" box. */
function keptFiles(html: string): Array<{ id: string; name: string }> {
  return [...mainOf(html).matchAll(/<li class="pending-file"><span class="pending-file-name">([^<]*)<\/span>[\s\S]*?name="removeUpload" value="([^"]+)"/g)].map((m) => ({ id: m[2] ?? '', name: m[1] ?? '' }));
}

async function filedAttachments(platform: TestPlatform, browser: QuestionBrowser): Promise<string[]> {
  const confirmation = await browser.get('/vsaa/jautajums/iesniegts');
  const reference = /id="inquiry-reference">([^<]+)</.exec(confirmation.body)?.[1] ?? '';
  const inquiry = await findInquiryByReference(platform.deps.db, reference);
  assert.ok(inquiry, `filed: ${reference}`);
  return (await listInquiryAttachmentsMeta(platform.deps.db, inquiry.id)).map((f) => f.fileName);
}

for (const target of testTargets()) {
  describe(`question form keeps the chosen files (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-11-20T10:00:00Z');
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
    });
    after(() => platform.close());

    it('a file chosen on a form that comes back with an error is kept, listed by name and size, and filed with the question', async () => {
      const browser = new QuestionBrowser(platform.app);
      const pendingBefore = await countPendingUploads(platform.deps.db);
      const refused = await browser.submitQuestion(FORM, { ...valid, text: '   ' }, [PDF]);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /<a href="#field-text">Ierakstiet savu jautājumu\.<\/a>/);
      const main = mainOf(refused.body);
      assert.match(main, /<legend><strong>Pievienotie faili<\/strong><\/legend>/);
      assert.match(main, /izziņa\.pdf<\/span> <span class="pending-file-size">\(13 B\)<\/span>/);
      assert.match(main, /<label for="remove-upload-0">Noņemt<span class="visually-hidden"> failu izziņa\.pdf<\/span><\/label>/);
      assert.equal(refused.headers['cache-control'], 'no-store');
      const cookie = (refused.cookies as Array<{ name: string; httpOnly?: boolean; sameSite?: string; maxAge?: number }>).find((c) => c.name === PENDING_VISITOR_COOKIE);
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, 'Strict');
      assert.equal(cookie?.maxAge, 12 * 3600);
      const hidden = hiddenFields(refused.body);
      assert.match(hidden.uploadsToken ?? '', /^[A-Za-z0-9_-]{43}$/, 'an unguessable token in the form');
      assert.equal(await countPendingUploads(platform.deps.db), pendingBefore + 1);

      const inquiriesBefore = await countRows(platform, 'inquiries');
      const filed = await browser.postMultipart(FORM, { ...valid, ...hidden, step: 'file' });
      assert.equal(filed.statusCode, 303);
      assert.equal(await countRows(platform, 'inquiries'), inquiriesBefore + 1);
      assert.deepEqual(await filedAttachments(platform, browser), ['izziņa.pdf']);
      assert.equal(await countPendingUploads(platform.deps.db), pendingBefore, 'filed files leave the pending store');
    });

    it('kept files stay over the FAQ-suggestion step and join the files chosen there', async () => {
      const browser = new QuestionBrowser(platform.app);
      const suggestions = await browser.submitQuestion(FORM, { ...valid, text: FAQ_TEXT }, [PDF]);
      assert.equal(suggestions.statusCode, 200);
      assert.match(suggestions.body, /<h1>Varbūt atbilde jau ir šeit<\/h1>/);
      assert.deepEqual(keptFiles(suggestions.body).map((f) => f.name), ['izziņa.pdf']);
      assert.doesNotMatch(suggestions.body, /izvēlieties tos vēlreiz/, 'no longer asks to choose them again');
      // The same file again (chosen twice) is kept once; a new one joins it.
      const filed = await browser.postMultipart(FORM, { ...valid, text: FAQ_TEXT, ...hiddenFields(suggestions.body) }, [PDF, SCAN]);
      assert.equal(filed.statusCode, 303);
      assert.deepEqual(await filedAttachments(platform, browser), ['izziņa.pdf', 'scan.pdf']);
    });

    it('"remove" leaves a kept file out, without JavaScript', async () => {
      const browser = new QuestionBrowser(platform.app);
      const first = await browser.submitQuestion(FORM, { ...valid, text: '' }, [PDF, SCAN]);
      const kept = keptFiles(first.body);
      assert.deepEqual(kept.map((f) => f.name), ['izziņa.pdf', 'scan.pdf']);
      const removal = await browser.postMultipart(FORM, { ...valid, text: '', ...hiddenFields(first.body), removeUpload: kept[0]?.id ?? '' });
      assert.equal(removal.statusCode, 400);
      assert.deepEqual(keptFiles(removal.body).map((f) => f.name), ['scan.pdf']);
      const filed = await browser.postMultipart(FORM, { ...valid, ...hiddenFields(removal.body), step: 'file' });
      assert.equal(filed.statusCode, 303);
      assert.deepEqual(await filedAttachments(platform, browser), ['scan.pdf']);
    });

    it('another visitor cannot use a pending token or file id: not listed, not filed, not removed', async () => {
      const anna = new QuestionBrowser(platform.app);
      const annas = await anna.submitQuestion(FORM, { ...valid, text: '' }, [PDF]);
      const token = hiddenFields(annas.body).uploadsToken ?? '';
      const [file] = keptFiles(annas.body);
      assert.ok(token && file);

      const other = new QuestionBrowser(platform.app);
      const page = await other.get(FORM);
      const stolen = await other.postMultipart(FORM, { ...valid, text: '', ...hiddenFields(page.body), uploadsToken: token, removeUpload: file.id });
      assert.equal(stolen.statusCode, 400);
      assert.doesNotMatch(stolen.body, /izziņa\.pdf/);
      const filed = await other.postMultipart(FORM, { ...valid, ...hiddenFields(stolen.body), uploadsToken: token, removeUpload: file.id, step: 'file' });
      assert.equal(filed.statusCode, 303);
      assert.deepEqual(await filedAttachments(platform, other), [], "nothing of Anna's");

      // The token at another agency opens nothing either, even in Anna's own browser.
      const kase = await anna.get('/kase/jautajums');
      const elsewhere = await anna.postMultipart('/kase/jautajums', { ...valid, text: '', ...hiddenFields(kase.body), uploadsToken: token });
      assert.doesNotMatch(elsewhere.body, /izziņa\.pdf/);
      // Anna still has her file: the other visitor neither took nor removed it.
      const again = await anna.postMultipart(FORM, { ...valid, text: '', ...hiddenFields(annas.body) });
      assert.deepEqual(keptFiles(again.body).map((f) => f.name), ['izziņa.pdf']);
    });

    it('new files are judged as at filing: by their bytes, and with the kept ones against the count limit', async () => {
      const browser = new QuestionBrowser(platform.app);
      const fake = await browser.submitQuestion(FORM, valid, [{ name: 'fake.pdf', type: 'application/pdf', content: '<html>not a pdf</html>' }, PDF]);
      assert.equal(fake.statusCode, 400);
      assert.match(fake.body, /<a href="#field-attachments">fake\.pdf: Faila saturs neatbilst atļautajiem failu veidiem\.<\/a>/);
      assert.deepEqual(keptFiles(fake.body).map((f) => f.name), ['izziņa.pdf'], 'only the file that passed is kept');

      const ten = Array.from({ length: 9 }, (_, i) => ({ name: `f${i}.txt`, type: 'text/plain', content: `text ${i}` }));
      const full = await browser.postMultipart(FORM, { ...valid, text: '', ...hiddenFields(fake.body) }, ten);
      assert.equal(keptFiles(full.body).length, 10);
      const over = await browser.postMultipart(FORM, { ...valid, ...hiddenFields(full.body) }, [{ name: 'extra.txt', type: 'text/plain', content: 'one more' }]);
      assert.equal(over.statusCode, 400);
      assert.match(over.body, /<a href="#field-attachments">Ne vairāk kā 10 pielikumi\.<\/a>/);
      assert.equal(keptFiles(over.body).length, 10, 'the kept ones stay, the extra one is not kept');
      assert.doesNotMatch(over.body, /extra\.txt/);
    });

    it('expired pending files are not offered and the cleanup job deletes them', async () => {
      const browser = new QuestionBrowser(platform.app);
      const refused = await browser.submitQuestion(FORM, { ...valid, text: '' }, [PDF]);
      assert.equal(keptFiles(refused.body).length, 1);
      const job = inquiriesJobs.find((j) => j.name === 'inquiries.pending-uploads');
      assert.ok(job?.cron, 'a scheduled job');
      time.advanceMinutes(11 * 60);
      assert.deepEqual(await job.handler(platform.deps, {}), { deleted: 0 }, 'not yet expired');
      time.advanceMinutes(2 * 60);
      const stale = await browser.postMultipart(FORM, { ...valid, text: '', ...hiddenFields(refused.body) });
      assert.deepEqual(keptFiles(stale.body), [], 'expired: no longer offered');
      const pending = await countPendingUploads(platform.deps.db);
      assert.ok(pending >= 1);
      const result = (await job.handler(platform.deps, {})) as { deleted: number };
      assert.ok(result.deleted >= 1);
      assert.equal(await countPendingUploads(platform.deps.db), pending - result.deleted);
      assert.equal(await countRows(platform, 'audit_log', "action = 'inquiries.pending-uploads-expired'"), 1);
    });

    it('a post whose CSRF cookie expired shows the form again with what was typed and a fresh token, and files nothing', async () => {
      const browser = new QuestionBrowser(platform.app);
      // An earlier step kept a file; then the CSRF secret cookie is gone (browser restarted, cookie expired).
      const first = await browser.submitQuestion(FORM, { ...valid, text: '' }, [PDF]);
      browser.cookies.delete('apkalpe_csrf');
      const inquiries = await countRows(platform, 'inquiries');
      const pending = await countPendingUploads(platform.deps.db);
      const text = 'Mans jautājums par <pensiju> & pabalstu';
      const refused = await browser.postMultipart(FORM, { ...valid, ...hiddenFields(first.body), text, phone: '+371 20000000' }, [SCAN]);
      assert.equal(refused.statusCode, 403);
      const main = mainOf(refused.body);
      assert.match(main, /Drošības nolūkos lūdzam nosūtīt veidlapu vēlreiz/);
      assert.match(refused.body, /<title>Lūdzam nosūtīt veidlapu vēlreiz: Uzdot jautājumu/);
      assert.match(main, /value="Anna Bērziņa"/);
      assert.match(main, /value="\+371 20000000"/);
      assert.match(main, /Mans jautājums par &lt;pensiju&gt; &amp; pabalstu<\/textarea>/);
      assert.deepEqual(keptFiles(refused.body).map((f) => f.name), ['izziņa.pdf'], 'the files kept earlier are still there');
      assert.match(main, /šoreiz izvēlētos failus nesaglabājām \(scan\.pdf\)/, 'a file sent with the refused post is named, not kept');
      assert.ok(refused.cookies.some((c: { name: string }) => c.name === 'apkalpe_csrf'), 'a new CSRF secret');
      const fresh = hiddenFields(refused.body);
      assert.notEqual(fresh._csrf, hiddenFields(first.body)._csrf);
      assert.equal(await countRows(platform, 'inquiries'), inquiries, 'nothing filed');
      assert.equal(await countPendingUploads(platform.deps.db), pending, 'nothing stored');

      // Sent again as shown, it is filed with the kept file.
      const filed = await browser.postMultipart(FORM, { ...valid, ...fresh, text, step: 'file' });
      assert.equal(filed.statusCode, 303);
      assert.deepEqual(await filedAttachments(platform, browser), ['izziņa.pdf']);

      // Without any token at all, in English.
      const english = new QuestionBrowser(platform.app);
      const none = await english.postMultipart(`${FORM}?lang=en`, { ...valid, text: 'Typed before the cookie expired' });
      assert.equal(none.statusCode, 403);
      assert.match(none.body, /For your security, please send the form again/);
      assert.match(none.body, /Typed before the cookie expired<\/textarea>/);
      assert.equal(await countRows(platform, 'inquiries'), inquiries + 1);
    });
  });
}

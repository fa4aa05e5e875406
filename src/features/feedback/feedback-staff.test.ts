import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { inviteToSurvey } from './survey-invitations.service.ts';
import { addStaff, movableClock, rows, signedIn } from './feedback.testing.ts';
import { csvField } from './results.service.ts';

const RESULTS = '/staff/vsaa/atsauksmes';

async function answer(platform: TestPlatform, input: { centreId?: string; channelId?: string; staffId?: string; form: Record<string, string> }) {
  const { url } = await inviteToSurvey(platform.deps, { agency: 'vsaa', contactKind: 'appointment', contactRef: 'A', lang: 'lv', ...input });
  const browser = new TestBrowser(platform.app);
  const res = await browser.submitForm(url, url, input.form);
  assert.equal(res.statusCode, 303);
}

for (const target of testTargets()) {
  describe(`feedback staff pages (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-02-10T09:00:00Z');
    let supervisor: TestBrowser;
    let specialist: TestBrowser;
    let kaseAdmin: TestBrowser;
    let specialistId = '';
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      await addStaff(platform, 'vaditajs@vsaa.test', 'vsaa', 'supervisor');
      specialistId = await addStaff(platform, 'specialists@vsaa.test', 'vsaa', 'specialist');
      await addStaff(platform, 'admin@kase.test', 'kase', 'administrator');
      await answer(platform, { centreId: 'riga-lacplesa', staffId: specialistId, form: { overall: '5', courtesy: '4', comment: 'Anonīms komentārs' } });
      await answer(platform, { centreId: 'riga-lacplesa', staffId: specialistId, form: { overall: '4', comment: 'Piekrītu, ka redz', staffConsent: 'yes' } });
      time.advance({ hours: 24 * 30 });
      await answer(platform, { centreId: 'daugavpils', form: { overall: '2', clarity: '1' } });
      await inviteToSurvey(platform.deps, { agency: 'vsaa', contactKind: 'ticket', contactRef: 'B', centreId: 'daugavpils', lang: 'lv' });
      // Signed in after the clock moved: sessions expire by the same clock.
      supervisor = await signedIn(platform, 'vaditajs@vsaa.test');
      specialist = await signedIn(platform, 'specialists@vsaa.test');
      kaseAdmin = await signedIn(platform, 'admin@kase.test');
    });
    after(() => platform.close());

    it('Treasury staff cannot see VSAA feedback (403), a specialist cannot read results (403)', async () => {
      assert.equal((await kaseAdmin.get(RESULTS)).statusCode, 403);
      assert.equal((await kaseAdmin.get(`${RESULTS}/eksports.csv`)).statusCode, 403);
      assert.equal((await kaseAdmin.get(`${RESULTS}/jauna`)).statusCode, 403);
      assert.equal((await specialist.get(RESULTS)).statusCode, 403);
      const kaseOwn = await kaseAdmin.get('/staff/kase/atsauksmes');
      assert.equal(kaseOwn.statusCode, 200);
      assert.doesNotMatch(kaseOwn.body, /komentārs|Piekrītu/);
      assert.equal((await platform.app.inject(RESULTS)).statusCode, 303, 'no session → sign-in');
    });

    it('results: score per question, month, centre and channel, response rate, charts with text alternatives and tables', async () => {
      const [viewsBefore] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where action = 'feedback.results-viewed' and agency = 'vsaa'`);
      const res = await supervisor.get(RESULTS);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Aicinājumi <strong>4<\/strong>/);
      assert.match(res.body, /Atbildes <strong>3<\/strong>/);
      assert.match(res.body, /Atsaucība <strong>75%<\/strong>/);
      assert.match(res.body, /<th scope="row">Kopējais vērtējums<\/th><td>3,7<\/td><td>3<\/td>/);
      assert.match(res.body, /<th scope="row">2026-02<\/th><td>4,5<\/td><td>2<\/td>/);
      assert.match(res.body, /<th scope="row">2026-03<\/th><td>2,0<\/td><td>1<\/td>/);
      assert.match(res.body, /<th scope="row">2026-03<\/th><td>2<\/td><td>1<\/td><td>50%<\/td>/);
      assert.match(res.body, /<th scope="row">Rīgas KAC Lāčplēša ielā<\/th><td>4,5<\/td>/);
      assert.match(res.body, /<svg class="chart"[^>]*role="img" aria-labelledby="chart-questions-title chart-questions-desc"/);
      assert.match(res.body, /<path class="line" d="M/);
      const [viewsAfter] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where action = 'feedback.results-viewed' and agency = 'vsaa'`);
      assert.equal(viewsAfter?.n, (viewsBefore?.n ?? 0) + 1, 'each view of the results is audited once');
    });

    it('comments: the served staff member is named only where the client agreed', async () => {
      const res = await supervisor.get(RESULTS);
      const items = res.body.split('<li>').filter((li) => li.includes('<blockquote>'));
      const anonymous = items.find((li) => li.includes('Anonīms komentārs')) ?? '';
      const agreed = items.find((li) => li.includes('Piekrītu, ka redz')) ?? '';
      assert.match(anonymous, /Anonīmi darbiniekam/);
      assert.doesNotMatch(anonymous, /Name specialists/);
      assert.match(agreed, /Apkalpoja: Name specialists \(klients piekrita\)/);
    });

    it('the served staff member sees only the answers whose clients agreed, on their own page', async () => {
      const res = await specialist.get(`${RESULTS}/mani`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Piekrītu, ka redz/);
      assert.doesNotMatch(res.body, /Anonīms komentārs/);
      assert.match(res.body, /<dt>Kopējais vērtējums<\/dt><dd>4<\/dd>/);
      const other = await supervisor.get(`${RESULTS}/mani`);
      assert.doesNotMatch(other.body, /Piekrītu, ka redz/);
      assert.equal((await kaseAdmin.get(`${RESULTS}/mani`)).statusCode, 403);
      const [audit] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where action = 'feedback.own-responses-viewed' and actor_id = ${specialistId}`);
      assert.equal(audit?.n, 1);
    });

    it('filters by month range, centre and channel; malformed months are reported (400)', async () => {
      const march = await supervisor.get(`${RESULTS}?from=2026-03&to=2026-03`);
      assert.match(march.body, /Atbildes <strong>1<\/strong>/);
      assert.doesNotMatch(march.body, /Anonīms komentārs/);
      const riga = await supervisor.get(`${RESULTS}?centre=riga-lacplesa`);
      assert.match(riga.body, /Atbildes <strong>2<\/strong>/);
      const channel = await supervisor.get(`${RESULTS}?channel=info-talrunis`);
      assert.match(channel.body, /Atbildes <strong>0<\/strong>/);
      const bad = await supervisor.get(`${RESULTS}?from=2026-13`);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#field-from">Mēnesim izmantojiet formu GGGG-MM/);
    });

    it('CSV export: UTF-8 BOM, Latvian headers, proper quoting, audited', async () => {
      const res = await supervisor.get(`${RESULTS}/eksports.csv`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="atsauksmes-vsaa.csv"/);
      assert.ok(res.body.startsWith('\uFEFFMēnesis,Centrs,Kanāls,Jautājums,Atbilžu skaits,Vidējais vērtējums,Aicinājumi,Atbildes\r\n'));
      assert.match(res.body, /\r\n2026-02,Rīgas KAC Lāčplēša ielā,bez kanāla,Kopējais vērtējums,2,4\.5,2,2\r\n/);
      assert.equal(csvField('a "b", c'), '"a ""b"", c"');
      assert.equal(csvField('rinda\nrinda'), '"rinda\nrinda"');
      assert.equal(csvField(4.5), '4.5');
      const [audit] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where action = 'feedback.results-exported'`);
      assert.equal(audit?.n, 1);
    });

    it('staff record an opinion given in person; one that expects an answer becomes an inquiry', async () => {
      const form = await specialist.get(`${RESULTS}/jauna`);
      assert.equal(form.statusCode, 200);
      const plain = await specialist.submitForm(`${RESULTS}/jauna`, `${RESULTS}/jauna`, { source: 'in-person', kind: 'praise', subject: 'general', text: 'Klients pateicās klātienē.' });
      assert.equal(plain.statusCode, 303);
      assert.match((await specialist.get(String(plain.headers.location))).body, /Atsauksme reģistrēta\./);
      const asks = await specialist.submitForm(`${RESULTS}/jauna`, `${RESULTS}/jauna`, {
        source: 'phone', kind: 'complaint', subject: 'channel', channel: 'info-talrunis', text: 'Nevarēja sazvanīt.', name: 'Pēteris Kalniņš', phone: '+371 20000000', expectsAnswer: 'yes',
      });
      assert.equal(asks.statusCode, 303);
      assert.match(String(asks.headers.location), /saved=inquiry&ref=VSAA-2026-/);
      const [row] = await rows<{ source: string; recorded_by: string; inquiry_reference: string | null }>(platform, sql`select source, recorded_by, inquiry_reference from feedback_opinions where text = 'Nevarēja sazvanīt.'`);
      assert.equal(row?.source, 'phone');
      assert.equal(row?.recorded_by, specialistId);
      assert.match(row?.inquiry_reference ?? '', /^VSAA-2026-/);
      const noSource = await specialist.submitForm(`${RESULTS}/jauna`, `${RESULTS}/jauna`, { kind: 'praise', subject: 'general', text: 'x' });
      assert.equal(noSource.statusCode, 400);
      assert.match(noSource.body, /Izvēlieties, kā atsauksme saņemta/);
      const [audit] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where action = 'feedback.opinion-recorded' and actor_id = ${specialistId}`);
      assert.equal(audit?.n, 2);
    });
  });
}

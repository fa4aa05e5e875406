import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { computeTerm } from '../../domain/terms/index.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { OPINION_FLOOD_LIMIT } from './opinion.schema.ts';
import { movableClock, rows } from './feedback.testing.ts';

const FORM = '/vsaa/atsauksme';

/** Each test posts from its own address: the flood limit counts per address. */
function browserFrom(platform: TestPlatform, ip: string) {
  const fromAddress = { inject: (options: object) => platform.app.inject({ ...options, remoteAddress: ip }) };
  return new TestBrowser(fromAddress as unknown as TestPlatform['app']);
}

for (const target of testTargets()) {
  describe(`feedback opinions (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-03-10T09:00:00Z');
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
    });
    after(() => platform.close());

    it('the form works without JavaScript: kind, subject, centre/channel/staff, text, anonymity, contact, "I expect an answer", CSRF', async () => {
      const res = await platform.app.inject(FORM);
      assert.equal(res.statusCode, 200);
      for (const name of ['kind', 'subject', 'centre', 'channel', 'staffName', 'text', 'anonymous', 'name', 'email', 'phone', 'expectsAnswer', '_csrf']) {
        assert.match(res.body, new RegExp(`name="${name}"`), name);
      }
      assert.doesNotMatch(res.body, /<script/);
      assert.match((await platform.app.inject(`${FORM}?lang=en`)).body, /I expect an answer/);
      const kase = await platform.app.inject('/kase/atsauksme');
      assert.equal(kase.statusCode, 200);
      assert.match(kase.body, /Valsts kase|Kase/);
      assert.equal((await platform.app.inject('/nav-tadas/atsauksme')).statusCode, 404);
    });

    it('anonymous praise about a centre is stored without any personal data and does not become an inquiry', async () => {
      const browser = browserFrom(platform, '10.0.0.1');
      const res = await browser.submitForm(FORM, FORM, { kind: 'praise', subject: 'centre', centre: 'daugavpils', text: 'Ļoti atsaucīgi!', anonymous: 'yes', name: 'Jānis', email: 'j@example.lv' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/vsaa/atsauksme/paldies');
      const thanks = await browser.get('/vsaa/atsauksme/paldies');
      assert.match(thanks.body, /Paldies par atsauksmi!/);
      assert.doesNotMatch(thanks.body, /iesniegums/);
      const [row] = await rows<Record<string, unknown>>(platform, sql`select kind, centre_id, anonymous, author_name, author_email, inquiry_reference, source from feedback_opinions where text = 'Ļoti atsaucīgi!'`);
      assert.deepEqual(row, { kind: 'praise', centre_id: 'daugavpils', anonymous: true, author_name: null, author_email: null, inquiry_reference: null, source: 'web' });
    });

    it('a signed written complaint becomes an inquiry with the statutory deadline; the client gets reference and access code', async () => {
      const browser = browserFrom(platform, '10.0.0.2');
      const res = await browser.submitForm(FORM, FORM, { kind: 'complaint', subject: 'staff', staffName: 'Darbiniece pie 3. lodziņa', text: 'Mani neapkalpoja.', name: 'Anna Bērziņa', email: 'anna@example.lv' });
      assert.equal(res.statusCode, 303);
      const thanks = await browser.get('/vsaa/atsauksme/paldies');
      const reference = /reģistrēta kā iesniegums (VSAA-2026-\d+)/.exec(thanks.body)?.[1];
      assert.ok(reference, thanks.body.slice(0, 200));
      assert.match(thanks.body, /Piekļuves kods/);
      const [inquiry] = await rows<{ channel: string; deadline: string; requester_name: string; subject: string }>(
        platform,
        sql`select channel, deadline::text, requester_name, subject from inquiries where reference = ${reference}`,
      );
      // Received Tuesday 10 March 2026: the term of the calendar rules for an answer to a submission.
      const term = computeTerm('submission.answer', '2026-03-10', await loadCalendar(platform.deps));
      assert.deepEqual(inquiry, { channel: 'feedback', deadline: term.deadline, requester_name: 'Anna Bērziņa', subject: 'Sūdzība: Par darbinieku: Darbiniece pie 3. lodziņa' });
      const [opinion] = await rows<{ inquiry_reference: string }>(platform, sql`select inquiry_reference from feedback_opinions where author_email = 'anna@example.lv'`);
      assert.equal(opinion?.inquiry_reference, reference);
    });

    it('bad input: field-level LV/EN errors, 400, nothing stored', async () => {
      const browser = browserFrom(platform, '10.0.0.3');
      const cases: Array<[Record<string, string>, RegExp]> = [
        [{ subject: 'general', text: 'x' }, /href="#field-kind">Izvēlieties atsauksmes veidu/],
        [{ kind: 'praise', subject: 'general', text: 'x'.repeat(5001) }, /Atsauksme ir pārāk gara: 5001 rakstzīmes, atļautas ne vairāk kā 5000/],
        [{ kind: 'praise', subject: 'general', text: '   ' }, /Uzrakstiet savu atsauksmi/],
        [{ kind: 'praise', subject: 'centre', centre: 'nav-tada', text: 'x' }, /Izvēlieties klientu apkalpošanas centru/],
        [{ kind: 'praise', subject: 'staff', text: 'x' }, /Norādiet darbinieka vārdu vai aprakstu/],
        [{ kind: 'suggestion', subject: 'general', text: 'x', expectsAnswer: 'yes', anonymous: 'yes' }, /Uz anonīmu atsauksmi nevaram atbildēt/],
        [{ kind: 'suggestion', subject: 'general', text: 'x', expectsAnswer: 'yes', name: 'A' }, /norādiet e-pastu vai tālruni/],
        [{ kind: 'suggestion', subject: 'general', text: 'x', email: 'nav-epasts' }, /Ievadiet e-pasta adresi/],
        [{ kind: 'ovation', subject: 'general', text: 'x' }, /Izvēlieties atsauksmes veidu/],
      ];
      for (const [form, message] of cases) {
        const res = await browser.submitForm(FORM, FORM, form);
        assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 80));
        assert.match(res.body, message);
      }
      const en = await browser.submitForm(`${FORM}?lang=en`, `${FORM}?lang=en`, { kind: 'praise', subject: 'channel', channel: 'nope', text: 'x' });
      assert.equal(en.statusCode, 400);
      assert.match(en.body, /Choose the contact channel/);
      const [count] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from feedback_opinions where text = 'x'`);
      assert.equal(count?.n, 0);
    });

    it(`a flood from one address is refused after ${OPINION_FLOOD_LIMIT} opinions an hour (429), other addresses are not`, async () => {
      const flooder = browserFrom(platform, '10.0.0.99');
      for (let i = 0; i < OPINION_FLOOD_LIMIT; i++) {
        assert.equal((await flooder.submitForm(FORM, FORM, { kind: 'suggestion', subject: 'general', text: `Ierosinājums ${i}` })).statusCode, 303);
      }
      const refused = await flooder.submitForm(FORM, FORM, { kind: 'suggestion', subject: 'general', text: 'Vēl viens' });
      assert.equal(refused.statusCode, 429);
      assert.match(refused.body, /pēdējā stundā saņemts pārāk daudz atsauksmju/);
      assert.equal(refused.headers['retry-after'], '3600');
      const other = browserFrom(platform, '10.0.0.100');
      assert.equal((await other.submitForm(FORM, FORM, { kind: 'suggestion', subject: 'general', text: 'Cits' })).statusCode, 303);
      time.advance({ minutes: 61 });
      assert.equal((await flooder.submitForm(FORM, FORM, { kind: 'suggestion', subject: 'general', text: 'Pēc stundas' })).statusCode, 303);
    });

    it('the confirmation page without its cookie says so, and the form needs CSRF', async () => {
      const res = await platform.app.inject('/vsaa/atsauksme/paldies');
      assert.match(res.body, /Apstiprinājums vairs nav pieejams/);
      const post = await platform.app.inject({ method: 'POST', url: FORM, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'kind=praise&subject=general&text=x' });
      assert.equal(post.statusCode, 403);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { movableClock, rows } from '../feedback/feedback.testing.ts';
import { seedInquiries, seedVisits } from '../privacy/privacy-bulk.testing.ts';
import { LIMIT_PER_ADDRESS, LIMIT_PER_NETWORK } from './client-access.service.ts';

const MANI = '/vsaa/mani';

for (const target of testTargets()) {
  describe(`client access /{agency}/mani (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-12-01T10:00:00Z');
    const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(platform, query))[0]?.n ?? -1;
    let ipCounter = 1;
    /** A browser from its own network address, so that the per-network limit of one test does not touch another. */
    const client = () => {
      const remoteAddress = `10.0.0.${ipCounter++}`;
      const app = { inject: (options: object) => platform.app.inject({ ...options, remoteAddress } as never) };
      return new TestBrowser(app as unknown as TestPlatform['app']);
    };
    const lastLink = async (email: string) => {
      const [mail] = await rows<{ body_text: string }>(platform, sql`select body_text from mail_outbox where to_address = ${email} order by created_at desc, id desc limit 1`);
      const token = /token=([A-Za-z0-9_-]{43})/.exec(mail?.body_text ?? '')?.[1];
      assert.ok(token, 'a link was mailed');
      return token;
    };
    const signIn = async (browser: TestBrowser, token: string) => browser.submitForm(`${MANI}/ieiet?token=${token}`, `${MANI}/ieiet`, { token });

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      await seedInquiries(platform.deps.db, { agency: 'vsaa', from: 1, count: 2, at: new Date('2026-11-20T10:00:00Z'), status: 'assigned' });
      await seedInquiries(platform.deps.db, { agency: 'kase', from: 1, count: 1, at: new Date('2026-11-20T10:00:00Z') });
      await seedVisits(platform.deps.db, { agency: 'vsaa', from: 1, count: 1, at: new Date('2026-12-10T08:00:00Z'), centreId: 'riga-lacplesa', serviceId: 'pensijas', status: 'booked' });
    });
    after(() => platform.close());

    it('the same answer whether the address is known or not; only a known address gets a mail', async () => {
      const known = await client().submitForm(MANI, MANI, { email: 'Client1@Example.test' });
      const unknown = await client().submitForm(MANI, MANI, { email: 'nobody@example.test' });
      assert.equal(known.statusCode, 303);
      assert.equal(unknown.statusCode, 303);
      assert.equal(known.headers.location, unknown.headers.location);
      const page = await client().get(known.headers.location as string);
      assert.match(page.body, /Ja šī adrese ir mūsu sistēmā/);
      assert.equal(await count(sql`select count(*)::int as n from mail_outbox where to_address = 'client1@example.test'`), 1);
      assert.equal(await count(sql`select count(*)::int as n from mail_outbox where to_address = 'nobody@example.test'`), 0);
    });

    it('the link opens a page listing the client’s inquiries and appointments at this agency only; the session ends on sign-out', async () => {
      const browser = client();
      await browser.submitForm(MANI, MANI, { email: 'client1@example.test' });
      const token = await lastLink('client1@example.test');
      const confirm = await browser.get(`${MANI}/ieiet?token=${token}`);
      assert.equal(confirm.statusCode, 200, 'opening the link does not use it');
      const used = await signIn(browser, token);
      assert.equal(used.statusCode, 303);
      const list = await browser.get(MANI);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /vsaa-B-1/);
      assert.doesNotMatch(list.body, /vsaa-B-2|kase-B-1/);
      assert.match(list.body, /B1<\/strong> — Pieteikts/);
      assert.equal(await count(sql`select count(*)::int as n from audit_log where action = 'client-access.matters-viewed'`), 1);
      const out = await browser.submitForm(MANI, `${MANI}/iziet`, {});
      assert.equal(out.statusCode, 303);
      const after = await browser.get(MANI);
      assert.match(after.body, /name="email"/, 'signed out: the e-mail form again');
      assert.doesNotMatch(after.body, /vsaa-B-1/);
    });

    it('a link used twice, expired or forged: a clear error, 4xx, no session', async () => {
      const browser = client();
      await browser.submitForm(MANI, MANI, { email: 'client2@example.test' });
      const token = await lastLink('client2@example.test');
      assert.equal((await signIn(browser, token)).statusCode, 303);
      const other = client();
      const again = await other.submitForm(MANI, `${MANI}/ieiet`, { token });
      assert.equal(again.statusCode, 410);
      assert.match(again.body, /Saite jau ir izmantota/);
      assert.equal((await other.get(`${MANI}/ieiet?token=${token}`)).statusCode, 410);
      const forged = await other.submitForm(MANI, `${MANI}/ieiet`, { token: 'A'.repeat(43) });
      assert.equal(forged.statusCode, 400);
      assert.match(forged.body, /Saite nav derīga/);
      assert.equal((await other.get(`${MANI}/ieiet?token=%00%3Cscript%3E`)).statusCode, 400);
      time.advance({ minutes: 1 });
      await other.submitForm(MANI, MANI, { email: 'client2@example.test' });
      const late = await lastLink('client2@example.test');
      time.advance({ minutes: 16 });
      const expired = await other.submitForm(MANI, `${MANI}/ieiet`, { token: late });
      assert.equal(expired.statusCode, 410);
      assert.match(expired.body, /derīguma termiņš ir beidzies/);
      assert.match((await other.get(MANI)).body, /name="email"/, 'no session');
    });

    it('a session lasts at most 30 minutes', async () => {
      const browser = client();
      await browser.submitForm(MANI, MANI, { email: 'client1@example.test' });
      await signIn(browser, await lastLink('client1@example.test'));
      assert.match((await browser.get(MANI)).body, /vsaa-B-1/);
      time.advance({ minutes: 31 });
      const later = await browser.get(MANI);
      assert.doesNotMatch(later.body, /vsaa-B-1/);
      assert.match(later.body, /name="email"/);
    });

    it('a flood of link requests is refused per address and per network address (429), with no mail', async () => {
      time.advance({ hours: 1 });
      const browser = client();
      for (let i = 0; i < LIMIT_PER_ADDRESS; i++) assert.equal((await browser.submitForm(MANI, MANI, { email: 'client1@example.test' })).statusCode, 303);
      const mails = await count(sql`select count(*)::int as n from mail_outbox where to_address = 'client1@example.test'`);
      const limited = await client().submitForm(MANI, MANI, { email: 'client1@example.test' });
      assert.equal(limited.statusCode, 429, 'per address, from any network');
      assert.match(limited.body, /Pārāk daudz pieprasījumu/);
      assert.equal(await count(sql`select count(*)::int as n from mail_outbox where to_address = 'client1@example.test'`), mails);
      const network = client();
      for (let i = 0; i < LIMIT_PER_NETWORK; i++) await network.submitForm(MANI, MANI, { email: `flood${i}@example.test` });
      assert.equal((await network.submitForm(MANI, MANI, { email: 'client2@example.test' })).statusCode, 429, 'per network address');
    });

    it('bad input: an empty, malformed or NUL-bearing address gets a field error (400), no link', async () => {
      const before = await count(sql`select count(*)::int as n from client_sign_in_links`);
      for (const email of ['', 'nav-epasts', 'a\u0000@example.test', `${'x'.repeat(300)}@example.test`]) {
        const res = await client().submitForm(MANI, MANI, { email });
        assert.equal(res.statusCode, 400, email);
        // The form says it next to the field (the NUL taken out by the input guard), and shows the form again.
        assert.match(res.body, /id="field-email-error"/);
        if (email.includes('\u0000')) assert.match(res.body, /neatļautu rakstzīmi \(NUL\)/);
        assert.ok(!res.body.includes('\u0000'));
      }
      assert.equal(await count(sql`select count(*)::int as n from client_sign_in_links`), before);
    });
  });
}

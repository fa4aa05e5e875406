import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { addStaff, TEST_PASSWORD as PASSWORD } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { findUserByEmail, upsertMembership } from './staff.repository.ts';
import { MAX_FAILED_PER_EMAIL, resolveSession, signIn } from './staff.service.ts';



async function auditActions(platform: TestPlatform, email: string): Promise<string[]> {
  const result = await platform.deps.db.execute(sql`select action from audit_log where actor_label = ${email} order by id`);
  return (result as unknown as { rows: Array<{ action: string }> }).rows.map((r) => r.action);
}

for (const target of testTargets()) {
  describe(`staff sign-in, sessions, roles and the agency boundary (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
      await addStaff(platform, 'auditor@vsaa.test', 'vsaa', 'auditor');
      await addStaff(platform, 'specialist@vsaa.test', 'vsaa', 'specialist');
      await addStaff(platform, 'auditor@kase.test', 'kase', 'auditor');
      await addStaff(platform, 'locked@vsaa.test', 'vsaa', 'specialist');
    });
    after(() => platform.close());

    it('signs in with e-mail and password; the session cookie is httpOnly and SameSite', async () => {
      const browser = new TestBrowser(platform.app);
      const res = await browser.signIn('Auditor@VSAA.test', PASSWORD);
      assert.equal(res.headers.location, '/staff');
      const setCookie = [res.headers['set-cookie']].flat().join('\n');
      assert.match(setCookie, /apkalpe_session=[^;]+;.*HttpOnly/i);
      assert.match(setCookie, /apkalpe_session=[^;]+;.*SameSite=Lax/i);
      const home = await browser.get('/staff');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /Valsts sociālās apdrošināšanas aģentūra/);
      assert.deepEqual((await auditActions(platform, 'auditor@vsaa.test')).slice(-1), ['staff.signed-in']);
    });

    it('a session carries every membership of its user, by agency (one query per request)', async () => {
      await addStaff(platform, 'both@vsaa.test', 'vsaa', 'supervisor');
      const both = await findUserByEmail(platform.deps.db, 'both@vsaa.test');
      assert.ok(both);
      await upsertMembership(platform.deps.db, both.id, 'kase', 'auditor');
      const signedIn = await signIn(platform.deps, { actorId: null, actorLabel: 'test', ip: null, userAgent: null }, { email: 'both@vsaa.test', password: PASSWORD });
      assert.ok(signedIn.ok);
      const actor = await resolveSession(platform.deps, signedIn.token);
      assert.deepEqual(actor?.memberships, [{ agency: 'kase', role: 'auditor' }, { agency: 'vsaa', role: 'supervisor' }]);
      await platform.deps.db.execute(sql`delete from staff_memberships where user_id = ${both.id}`);
      assert.deepEqual((await resolveSession(platform.deps, signedIn.token))?.memberships, []);
      assert.equal(await resolveSession(platform.deps, 'not-a-session'), null);
    });

    it('the password is stored as an argon2id hash', async () => {
      const result = await platform.deps.db.execute(sql`select password_hash from staff_users where email = 'auditor@vsaa.test'`);
      const hash = (result as unknown as { rows: Array<{ password_hash: string }> }).rows[0]?.password_hash ?? '';
      assert.match(hash, /^\$argon2id\$/);
      assert.ok(!hash.includes(PASSWORD));
    });

    it('a wrong password re-renders the form with a field error and is audited', async () => {
      const browser = new TestBrowser(platform.app);
      const res = await browser.submitForm('/staff/login', '/staff/login', { email: 'specialist@vsaa.test', password: 'wrong' });
      assert.equal(res.statusCode, 401);
      assert.match(res.body, /Nepareiza e-pasta adrese vai parole/);
      assert.match(res.body, /href="#field-email"/);
      assert.ok(!browser.cookies.has('apkalpe_session'));
      assert.deepEqual((await auditActions(platform, 'specialist@vsaa.test')).slice(-1), ['staff.sign-in-failed']);
    });

    it('empty fields give field-level errors (400), in English with ?lang=en', async () => {
      const browser = new TestBrowser(platform.app);
      const res = await browser.submitForm('/staff/login?lang=en', '/staff/login', { email: '', password: '' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /This field is required/);
      assert.match(res.body, /id="field-password-error"/);
    });

    it(`after ${MAX_FAILED_PER_EMAIL} failed attempts sign-in is refused with a clear message, even with the right password`, async () => {
      const browser = new TestBrowser(platform.app);
      for (let i = 0; i < MAX_FAILED_PER_EMAIL; i++) {
        const res = await browser.submitForm('/staff/login', '/staff/login', { email: 'locked@vsaa.test', password: `guess-${i}` });
        assert.equal(res.statusCode, 401);
      }
      const refused = await browser.submitForm('/staff/login', '/staff/login', { email: 'locked@vsaa.test', password: PASSWORD });
      assert.equal(refused.statusCode, 429);
      assert.match(refused.body, /Pārāk daudz neveiksmīgu mēģinājumu/);
      assert.ok(Number(refused.headers['retry-after']) > 0);
    });

    it('sign-out ends the session on the server', async () => {
      const browser = new TestBrowser(platform.app);
      await browser.signIn('specialist@vsaa.test', PASSWORD);
      const stolenCookie = browser.cookieHeader();
      const out = await browser.submitForm('/staff/vsaa', '/staff/logout', {});
      assert.equal(out.statusCode, 303);
      const replay = await platform.app.inject({ url: '/api/v1/staff/vsaa/audit', headers: { cookie: stolenCookie } });
      assert.equal(replay.statusCode, 401);
      assert.deepEqual((await auditActions(platform, 'specialist@vsaa.test')).slice(-1), ['staff.signed-out']);
    });

    it('staff pages need a session: anonymous users are sent to sign in, the API answers 401', async () => {
      const page = await platform.app.inject('/staff/vsaa/audit');
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, '/staff/login?next=%2Fstaff%2Fvsaa%2Faudit');
      const api = await platform.app.inject('/api/v1/staff/vsaa/audit');
      assert.equal(api.statusCode, 401);
      assert.match(api.headers['content-type'] as string, /problem\+json/);
    });

    it("a VSAA auditor reads VSAA's audit trail and never the Treasury's", async () => {
      const kase = new TestBrowser(platform.app);
      await kase.signIn('auditor@kase.test', PASSWORD);
      const vsaa = new TestBrowser(platform.app);
      await vsaa.signIn('auditor@vsaa.test', PASSWORD);

      const own = await vsaa.get('/api/v1/staff/vsaa/audit');
      assert.equal(own.statusCode, 200);
      const labels = own.json().records.map((r: { actorLabel: string }) => r.actorLabel);
      assert.ok(labels.includes('auditor@vsaa.test'));
      assert.ok(!labels.includes('auditor@kase.test'), 'no Treasury staff events in the VSAA trail');

      for (const url of ['/api/v1/staff/kase/audit', '/staff/kase/audit', '/staff/kase']) {
        const res = await vsaa.get(url);
        assert.equal(res.statusCode, 403, `${url} must be refused`);
      }
      const theirs = await kase.get('/api/v1/staff/kase/audit');
      assert.equal(theirs.statusCode, 200);
      assert.ok(!theirs.json().records.some((r: { actorLabel: string }) => r.actorLabel === 'auditor@vsaa.test'));
    });

    it('roles are checked: a specialist may not read the audit trail', async () => {
      const browser = new TestBrowser(platform.app);
      await browser.signIn('specialist@vsaa.test', PASSWORD);
      assert.equal((await browser.get('/staff/vsaa')).statusCode, 200);
      assert.equal((await browser.get('/api/v1/staff/vsaa/audit')).statusCode, 403);
    });

    it('reading the audit trail is itself audited', async () => {
      const browser = new TestBrowser(platform.app);
      await browser.signIn('auditor@vsaa.test', PASSWORD);
      await browser.get('/staff/vsaa/audit');
      assert.deepEqual((await auditActions(platform, 'auditor@vsaa.test')).slice(-1), ['audit.viewed']);
    });

    it('the audit log is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      for (const statement of [sql`update audit_log set action = 'forged'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
        await assert.rejects(platform.deps.db.execute(statement), (error: Error & { cause?: { code?: string }; code?: string }) => {
          const code = error.cause?.code ?? error.code;
          assert.equal(code, '42501');
          return true;
        });
      }
      const result = await platform.deps.db.execute(sql`select count(*)::int as n from audit_log where action = 'forged'`);
      assert.equal((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n, 0);
    });

    it('only local staff pages are accepted as the target after sign-in', async () => {
      const browser = new TestBrowser(platform.app);
      const res = await browser.submitForm('/staff/login?next=https%3A%2F%2Fevil.example', '/staff/login?next=https%3A%2F%2Fevil.example', {
        email: 'auditor@vsaa.test',
        password: PASSWORD,
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/staff');
    });
  });
}

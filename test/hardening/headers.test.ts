// Proof in CI (issue 13): security headers and cookie flags on every page, no inline script anywhere.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestBrowser } from '../support/http-client.ts';
import { signedInStaff } from '../support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../support/test-platform.ts';

const PUBLIC = ['/', '/vsaa', '/vsaa/standarts', '/vsaa/kontakti', '/vsaa/buj', '/vsaa/jautajums', '/vsaa/jautajums/sekot', '/vsaa/pieraksts', '/vsaa/rinda', '/vsaa/atsauksme', '/kalendars', '/kase', '/staff/login', '/nav-tadas-lapas'];
const STAFF = ['/staff', '/staff/vsaa', '/staff/vsaa/iesniegumi', '/staff/vsaa/iesniegumi/registret', '/staff/vsaa/buj', '/staff/vsaa/pieraksti', '/staff/vsaa/rinda', '/staff/vsaa/atsauksmes', '/staff/vsaa/audit', '/staff/outbox', '/staff/kalendars'];

for (const target of testTargets()) {
  describe(`headers and cookies on every page (${target})`, { timeout: 300_000 }, () => {
    let platform: TestPlatform;
    let staff: TestBrowser;
    before(async () => {
      platform = await createTestPlatform(target);
      staff = await signedInStaff(platform, 'headers@vsaa.example', 'vsaa', 'administrator');
    });
    after(() => platform.close());

    async function check(browser: TestBrowser, url: string, personal: boolean) {
      const response = await browser.get(url);
      const h = response.headers;
      const csp = String(h['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.ok(!/script-src[^;]*unsafe-inline/.test(csp), url);
      assert.match(csp, /style-src 'self'(;|$)/, url);
      assert.ok(!/unsafe-inline/.test(csp), `${url}: no 'unsafe-inline' anywhere in the policy`);
      assert.ok(!/\sstyle="/i.test(response.body), `${url}: inline style attribute`);
      assert.ok(!/<style[\s>]/i.test(response.body), `${url}: inline <style> element`);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.equal(h['x-content-type-options'], 'nosniff', url);
      assert.equal(h['referrer-policy'], 'no-referrer', url);
      assert.match(String(h['permissions-policy']), /camera=\(\)/, url);
      assert.equal(h['x-frame-options'], 'DENY', url);
      if (personal) assert.equal(h['cache-control'], 'no-store', url);
      const html = response.body;
      assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), `${url}: inline <script>`);
      assert.ok(!/\son[a-z]+="/i.test(html), `${url}: inline event handler`);
      for (const cookie of response.cookies as Array<{ name: string; httpOnly?: boolean; sameSite?: string }>) {
        assert.equal(cookie.httpOnly, true, `${url}: ${cookie.name} not HttpOnly`);
        assert.ok(cookie.sameSite, `${url}: ${cookie.name} without SameSite`);
      }
    }

    it('public pages', async () => {
      for (const url of PUBLIC) await check(new TestBrowser(platform.app), url, url.startsWith('/staff'));
    });

    it('staff pages, never cached', async () => {
      for (const url of STAFF) await check(staff, url, true);
    });

    it('the API answers carry the headers too; the staff API is never cached', async () => {
      const api = await staff.get('/api/v1/staff/vsaa/audit');
      assert.equal(api.headers['cache-control'], 'no-store');
      assert.equal(api.headers['x-content-type-options'], 'nosniff');
    });
  });
}

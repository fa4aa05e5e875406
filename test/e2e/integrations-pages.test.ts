// The administrators' integrations page in a real Chromium, JavaScript off, on a small phone: empty, with a
// form error, with a new key shown once, with keys and a failed callback; axe on every state.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import {
  assertAccessible,
  assertFitsSmallPhone,
  closeBrowserTestBed,
  newContext,
  openBrowserTestBed,
  signInWithKeyboard,
  SMALL_PHONE,
  visit,
  type ServedPlatform,
  type StaffAccount,
} from '../support/browser.ts';

const ADMIN: StaffAccount = { email: 'admin@kase.example.lv', password: 'administratora-parole-2026', agency: 'kase', role: 'administrator' };

let platform: ServedPlatform;
let browser: Browser;

before(async () => ({ platform, browser } = await openBrowserTestBed({ staff: [ADMIN] })));
after(() => closeBrowserTestBed({ platform, browser }));

async function submit(page: Page, label: string): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label, exact: true }).click()]);
  return response?.status() ?? 0;
}

describe('integrations page (/staff/kase/integracijas), JavaScript off, small phone', () => {
  it('is accessible and fits in every state: empty, with errors, key shown once, keys and a failed callback', async () => {
    const context = await newContext(browser, platform.baseUrl, { javaScript: false, viewport: SMALL_PHONE });
    const page = await context.newPage();
    try {
      await visit(page, '/staff/login');
      assert.equal((await signInWithKeyboard(page, ADMIN.email, ADMIN.password)).status(), 200);
      assert.equal((await visit(page, '/staff/kase/integracijas')).status(), 200);
      await assertAccessible(page, 'integrations, empty');
      await assertFitsSmallPhone(page, 'integrations, empty');
      await page.locator('#field-callbackUrl').fill('ftp://nav-derigs');
      assert.equal(await submit(page, 'Izveidot atslēgu'), 400);
      assert.ok((await page.locator('.error-summary a').count()) >= 2);
      await assertAccessible(page, 'integrations with errors');
      await page.locator('#field-label').fill('E-adreses vārteja');
      await page.locator('#field-channel-e-address').check();
      await page.locator('#field-callbackUrl').fill('http://127.0.0.1:9/nekur');
      assert.equal(await submit(page, 'Izveidot atslēgu'), 200);
      assert.match((await page.locator('code').first().textContent()) ?? '', /^apk_/);
      await assertAccessible(page, 'integrations, new key shown');
      await assertFitsSmallPhone(page, 'integrations, new key shown');
      const [key] = ((await platform.deps.db.execute(sql`select id, agency from integration_keys`)) as unknown as { rows: Array<{ id: string; agency: string }> }).rows;
      await platform.deps.db.execute(sql`insert into integration_callbacks (agency, key_id, kind, url, payload, status, attempts, last_error) values ('kase', ${key!.id}, 'reply', 'http://127.0.0.1:9/nekur', '{}'::jsonb, 'failed', 12, 'ECONNREFUSED')`);
      assert.equal((await visit(page, '/staff/kase/integracijas')).status(), 200);
      assert.match(await page.locator('main').innerText(), /neizdevās – nepieciešama darbinieka rīcība/);
      await assertAccessible(page, 'integrations with keys and a failed callback');
      await assertFitsSmallPhone(page, 'integrations with keys and a failed callback');
      assert.equal((await visit(page, '/staff/kase/integracijas?lang=en')).status(), 200);
      await assertAccessible(page, 'integrations in English');
    } finally {
      await context.close();
    }
  });
});

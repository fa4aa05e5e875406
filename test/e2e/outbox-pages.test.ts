// /staff/outbox in a real Chromium, JavaScript off, on a small phone, with mail and a failed integration callback:
// axe (zero violations) in Latvian and English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { sendMail } from '../../src/platform/mail/mail.ts';
import { newKey } from '../../src/features/integrations/integrations.testing.ts';
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

const SPECIALIST: StaffAccount = { email: 'speciaaliste@kase.example.lv', password: 'specialistes-parole-2026', agency: 'kase', role: 'specialist' };

let platform: ServedPlatform;
let browser: Browser;

before(async () => {
  ({ platform, browser } = await openBrowserTestBed({ staff: [SPECIALIST] }));
  await sendMail(platform.deps, { agency: 'kase', to: 'janis@example.lv', subject: 'Valsts kases atbilde', text: 'Labdien!' });
  const { row } = await newKey(platform, 'kase');
  await platform.deps.db.execute(sql`
    insert into integration_callbacks (agency, key_id, kind, url, payload, status, attempts, last_error) values
      ('kase', ${row.id}, 'reply', 'https://gw.kase.example.lv/apkalpe/cb?token=SLEPENS', '{}'::jsonb, 'failed', 12, 'ECONNREFUSED'),
      ('kase', ${row.id}, 'receipt', 'https://gw.kase.example.lv/apkalpe/cb', '{}'::jsonb, 'sent', 1, null)`);
});
after(() => closeBrowserTestBed({ platform, browser }));

describe('outbox page (/staff/outbox) with a failed integration callback, JavaScript off, small phone', () => {
  it('is accessible and fits, in Latvian and English', async () => {
    const context = await newContext(browser, platform.baseUrl, { javaScript: false, viewport: SMALL_PHONE });
    const page = await context.newPage();
    try {
      await visit(page, '/staff/login');
      assert.equal((await signInWithKeyboard(page, SPECIALIST.email, SPECIALIST.password)).status(), 200);
      assert.equal((await visit(page, '/staff/outbox')).status(), 200);
      const main = await page.locator('main').innerText();
      assert.match(main, /Valsts kases atbilde/);
      assert.match(main, /Nav nosūtīts pēc 12 mēģinājumiem — nepieciešama darbinieka rīcība/);
      assert.match(main, /gw\.kase\.example\.lv/);
      assert.ok(!main.includes('SLEPENS'));
      assert.equal(await page.getByRole('region', { name: 'Nosūtīts caur integrāciju (e-adrese, Latvija.lv)' }).count(), 1);
      await assertAccessible(page, 'outbox with a failed callback');
      await assertFitsSmallPhone(page, 'outbox with a failed callback');
      assert.equal((await visit(page, '/staff/outbox?lang=en')).status(), 200);
      assert.match(await page.locator('main').innerText(), /Not sent after 12 attempts — needs staff attention/);
      await assertAccessible(page, 'outbox in English');
    } finally {
      await context.close();
    }
  });
});

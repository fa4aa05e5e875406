// The question form and the follow-up in a real Chromium: JavaScript off on a 360 px phone (the whole
// flow, axe WCAG 2.1 AA, no sideways scroll), and the suggestion script with JavaScript on.
// Skipped when Chromium is missing (see test/run.ts for the suite's browser rule).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../../../platform/clock.ts';
import {
  axeViolations,
  CHROMIUM_PATH,
  horizontalOverflow,
  launchChromium,
  openPage,
  SMALL_PHONE,
  startServedPlatform,
  type ServedPlatform,
} from '../../../../test/support/browser.ts';
import { testTargets } from '../../../../test/support/test-platform.ts';

const skip = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH}`;

async function assertAccessibleOnPhone(page: Page, what: string): Promise<void> {
  assert.equal(await page.locator('h1').count(), 1, `one h1 on ${what}`);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${what}:\n${violations.join('\n')}`);
  const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
  assert.ok(scrollWidth <= viewportWidth, `${what} is ${scrollWidth}px wide on a ${viewportWidth}px screen`);
}

for (const target of testTargets()) {
  describe(`question form in a browser (${target})`, { skip }, () => {
    let platform: ServedPlatform;
    let browser: Browser;
    before(async () => {
      platform = await startServedPlatform({ target, clock: fixedClock('2026-11-20T10:00:00Z') });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await platform?.close();
    });

    for (const path of ['/vsaa/jautajums', '/kase/jautajums?lang=en', '/vsaa/jautajums/sekot']) {
      it(`${path}: accessible on a small phone without JavaScript`, async () => {
        const { context, page, response } = await openPage(browser, platform.baseUrl, path, { viewport: SMALL_PHONE });
        try {
          assert.equal(response.status(), 200);
          await assertAccessibleOnPhone(page, path);
        } finally {
          await context.close();
        }
      });
    }

    it('an empty form comes back with an error summary linking to each field', async () => {
      const { context, page } = await openPage(browser, platform.baseUrl, '/vsaa/jautajums', { viewport: SMALL_PHONE });
      try {
        await page.getByRole('button', { name: 'Nosūtīt jautājumu' }).click();
        await page.waitForLoadState('load');
        const links = await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.deepEqual(links, ['#field-name', '#field-email', '#field-text']);
        await assertAccessibleOnPhone(page, 'the form with errors');
      } finally {
        await context.close();
      }
    });

    it('without JavaScript: answers first, then filing, the confirmation and the follow-up', async () => {
      const { context, page } = await openPage(browser, platform.baseUrl, '/vsaa/jautajums', { viewport: SMALL_PHONE });
      try {
        await page.getByLabel('Vārds, uzvārds vai nosaukums').fill('Anna Bērziņa');
        await page.getByLabel('E-pasta adrese').fill('anna@example.lv');
        await page.getByLabel('Jūsu jautājums').fill('Kā pieteikties vecuma pensijai?');
        await page.setInputFiles('#field-attachments', { name: 'izzina.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
        await page.getByRole('button', { name: 'Nosūtīt jautājumu' }).click();
        await page.waitForLoadState('load');
        assert.equal(await page.locator('h1').innerText(), 'Varbūt atbilde jau ir šeit');
        assert.ok((await page.locator('.faq-suggestions mark').count()) > 0, 'matched words are marked');
        assert.equal(await page.getByLabel('Jūsu jautājums').inputValue(), 'Kā pieteikties vecuma pensijai?');
        assert.match(await page.locator('#pending-files').innerText(), /izzina\.pdf/, 'the file is kept, not to be chosen again');
        await assertAccessibleOnPhone(page, 'the suggestions step');

        await page.getByRole('button', { name: 'Tomēr nosūtīt jautājumu' }).click();
        await page.waitForLoadState('load');
        assert.equal(new URL(page.url()).pathname, '/vsaa/jautajums/iesniegts');
        const reference = await page.locator('#inquiry-reference').innerText();
        const code = await page.locator('#inquiry-access-code').innerText();
        assert.match(reference, /^VSAA-2026-\d{6}$/);
        await assertAccessibleOnPhone(page, 'the confirmation');

        await page.getByRole('link', { name: 'Skatīt jautājuma gaitu' }).click();
        await page.waitForLoadState('load');
        await page.getByLabel('Piekļuves kods').fill(code);
        await page.getByRole('button', { name: 'Skatīt jautājumu' }).click();
        await page.waitForLoadState('load');
        assert.equal(new URL(page.url()).pathname, `/vsaa/jautajums/${reference}`, 'the code is not in the address');
        assert.equal(await page.locator('#inquiry-status').innerText(), 'Saņemts');
        assert.match(await page.locator('main').innerText(), /izzina\.pdf/);
        await assertAccessibleOnPhone(page, 'the inquiry page');
      } finally {
        await context.close();
      }
    });

    it('with JavaScript, the knowledge base answers live as the client types', async () => {
      const { context, page } = await openPage(browser, platform.baseUrl, '/vsaa/jautajums', { javaScript: true, viewport: SMALL_PHONE });
      try {
        await page.getByLabel('Jūsu jautājums').pressSequentially('Kā pieteikties vecuma pensijai', { delay: 5 });
        await page.locator('#question-suggestions li').first().waitFor({ timeout: 5000 });
        assert.ok((await page.locator('#question-suggestions mark').count()) > 0);
        assert.match(await page.locator('#question-suggestions').innerText(), /pensij/i);
        await assertAccessibleOnPhone(page, 'the form with live suggestions');
      } finally {
        await context.close();
      }
    });

    it('with JavaScript, matching answers appear in the live region as the client types, as safe markup only', async () => {
      const { context, page } = await openPage(browser, platform.baseUrl, '/vsaa/jautajums', { javaScript: true });
      try {
        let asked = '';
        // The knowledge-base API answers here with a hostile highlight: only text and <mark> may come through.
        await page.route('**/api/v1/agencies/vsaa/faq?**', async (route) => {
          asked = new URL(route.request().url()).searchParams.get('q') ?? '';
          await route.fulfill({
            contentType: 'application/json',
            body: JSON.stringify({
              entries: [],
              hits: [{ id: 'e1', topic: 'pensijas', question: 'Kā pieteikties pensijai?', answer: 'Iesniegumu var iesniegt…', questionHighlighted: 'Kā pieteikties <mark>pensijai</mark>?<img src=x onerror="window.hacked=1">', answerSnippet: 'Iesniegumu var <b>iesniegt</b>…', score: 1 }],
            }),
          });
        });
        assert.equal(await page.locator('#question-suggest-hint').isVisible(), true, 'the script announces the live suggestions');
        await page.getByLabel('Jūsu jautājums').pressSequentially('Kā pieteikties pensijai', { delay: 5 });
        await page.locator('#question-suggestions li').first().waitFor({ timeout: 5000 });
        assert.equal(asked, 'Kā pieteikties pensijai');
        assert.equal(await page.locator('#question-suggestions').getAttribute('aria-live'), 'polite');
        assert.equal(await page.locator('#question-suggestions mark').innerText(), 'pensijai');
        assert.equal(await page.locator('#question-suggestions img, #question-suggestions b').count(), 0);
        assert.equal(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked), undefined);
        assert.equal(await page.locator('#question-step').inputValue(), 'file', 'seen answers need no second step');
        assert.equal(await page.locator('#question-suggestions a').getAttribute('href'), '/vsaa/buj#faq-e1');
      } finally {
        await context.close();
      }
    });
  });
}

// Issue 14 in a real Chromium on a 390 px phone: a file chosen on the question form is not lost when the form comes
// back with an error or at the FAQ-suggestion step — it is listed by name and size with a "remove" box and filed
// with the question — with JavaScript off and on; axe (WCAG 2.1 AA) finds nothing, nothing is wider than the screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../../src/platform/clock.ts';
import { findInquiryByReference, listInquiryAttachmentsMeta } from '../../src/features/inquiries/inquiries.repository.ts';
import { axeViolations, closeBrowserTestBed, horizontalOverflow, openBrowserTestBed, openPage, type ServedPlatform } from '../support/browser.ts';

const PHONE = { width: 390, height: 844 } as const;
const PDF = { name: 'izzina.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 izzina') };
const SCAN = { name: 'skenets-dokuments-ar-loti-garu-nosaukumu-kas-neietilpst-ekrana-platuma.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 scan') };

let platform: ServedPlatform;
let browser: Browser;

before(async () => ({ platform, browser } = await openBrowserTestBed({ clock: fixedClock('2026-11-20T10:00:00Z') })));
after(() => closeBrowserTestBed({ platform, browser }));

async function assertAccessibleOnPhone(page: Page, what: string): Promise<void> {
  assert.equal(await page.locator('h1').count(), 1, `one h1 on ${what}`);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${what}:\n${violations.join('\n')}`);
  const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
  assert.equal(viewportWidth, PHONE.width);
  assert.ok(scrollWidth <= viewportWidth, `${what} is ${scrollWidth}px wide on a ${viewportWidth}px screen`);
}

async function submit(page: Page, label: string): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label }).click()]);
  return response?.status() ?? 0;
}

function keptNames(page: Page): Promise<string[]> {
  return page.locator('#pending-files .pending-file-name').allInnerTexts();
}

async function attachmentsOfConfirmed(page: Page): Promise<string[]> {
  assert.equal(new URL(page.url()).pathname, '/vsaa/jautajums/iesniegts');
  const reference = await page.locator('#inquiry-reference').innerText();
  const inquiry = await findInquiryByReference(platform.deps.db, reference);
  assert.ok(inquiry, reference);
  return (await listInquiryAttachmentsMeta(platform.deps.db, inquiry.id)).map((f) => f.fileName);
}

for (const javaScript of [false, true]) {
  describe(`question form files on a 390 px phone, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    it('a file chosen before an error is kept through the error and the suggestions, can be removed, and is filed', async () => {
      const { context, page } = await openPage(browser, platform.baseUrl, '/vsaa/jautajums', { viewport: PHONE, javaScript });
      try {
        // The question is forgotten: the form comes back with its error, the two files listed.
        await page.getByLabel('Vārds, uzvārds vai nosaukums').fill('Anna Bērziņa');
        await page.getByLabel('E-pasta adrese').fill('anna@example.lv');
        await page.setInputFiles('#field-attachments', [PDF, SCAN]);
        assert.equal(await submit(page, 'Nosūtīt jautājumu'), 400);
        assert.deepEqual(await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#field-text']);
        assert.deepEqual(await keptNames(page), ['izzina.pdf', SCAN.name]);
        assert.match(await page.locator('#pending-files').innerText(), /izzina\.pdf \(15 B\)/);
        await assertAccessibleOnPhone(page, 'the form with its error and kept files');

        // The long-named scan is removed with its "Noņemt" box; the question is written (it matches the FAQ).
        await page.getByLabel(`Noņemt failu ${SCAN.name}`).check();
        await page.getByLabel('Jūsu jautājums').fill('Kā pieteikties vecuma pensijai?');
        // With JavaScript the answers appear as the client types (the form then files at once).
        if (javaScript) await page.locator('#question-suggestions li').first().waitFor({ timeout: 5000 });
        const status = await submit(page, 'Nosūtīt jautājumu');
        if (!javaScript) {
          // Without JavaScript the answers come as a step of their own, the kept file still there.
          assert.equal(status, 200);
          assert.equal(await page.locator('h1').innerText(), 'Varbūt atbilde jau ir šeit');
          assert.deepEqual(await keptNames(page), ['izzina.pdf']);
          await assertAccessibleOnPhone(page, 'the suggestions step with a kept file');
          await submit(page, 'Tomēr nosūtīt jautājumu');
        }
        assert.deepEqual(await attachmentsOfConfirmed(page), ['izzina.pdf']);
      } finally {
        await context.close();
      }
    });
  });
}

describe('question form whose CSRF cookie expired, on a 390 px phone, JavaScript off', () => {
  it('comes back with what was typed, the kept file and a clear message; sent again, it is filed', async () => {
    const { context, page } = await openPage(browser, platform.baseUrl, '/vsaa/jautajums', { viewport: PHONE });
    try {
      await page.getByLabel('Vārds, uzvārds vai nosaukums').fill('Anna Bērziņa');
      await page.setInputFiles('#field-attachments', PDF);
      assert.equal(await submit(page, 'Nosūtīt jautājumu'), 400);
      // The security cookie is gone (the browser was restarted, the cookie expired) while the client writes.
      await context.clearCookies({ name: 'apkalpe_csrf' });
      await page.getByLabel('E-pasta adrese').fill('anna@example.lv');
      await page.getByLabel('Jūsu jautājums').fill('Zxqvbn plorf glimmergrost vrrkt?');
      assert.equal(await submit(page, 'Nosūtīt jautājumu'), 403);
      assert.match(await page.locator('#form-resend').innerText(), /Drošības nolūkos lūdzam nosūtīt veidlapu vēlreiz/);
      assert.equal(await page.getByLabel('Jūsu jautājums').inputValue(), 'Zxqvbn plorf glimmergrost vrrkt?');
      assert.equal(await page.getByLabel('E-pasta adrese').inputValue(), 'anna@example.lv');
      assert.deepEqual(await keptNames(page), ['izzina.pdf']);
      await assertAccessibleOnPhone(page, 'the form shown again after a refused CSRF check');
      await submit(page, 'Nosūtīt jautājumu');
      assert.deepEqual(await attachmentsOfConfirmed(page), ['izzina.pdf']);
    } finally {
      await context.close();
    }
  });
});

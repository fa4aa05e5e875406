import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { sendMail } from '../../platform/mail/mail.ts';
import type { OutboxRow } from '../../platform/mail/mail.repository.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { addStaff, TEST_PASSWORD as PASSWORD } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { newKey } from '../integrations/integrations.testing.ts';



async function auditOf(platform: TestPlatform, email: string) {
  const result = await platform.deps.db.execute(
    sql`select action, record_id, agency from audit_log where actor_label = ${email} and action like 'outbox.%' order by id`,
  );
  return (result as unknown as { rows: Array<{ action: string; record_id: string | null; agency: string | null }> }).rows;
}

for (const target of testTargets()) {
  describe(`outgoing mail pages /staff/outbox (${target})`, () => {
    let platform: TestPlatform;
    let vsaaMail: OutboxRow;
    let kaseMail: OutboxRow;
    let olderVsaaMail: OutboxRow;

    before(async () => {
      platform = await createTestPlatform(target);
      await addStaff(platform, 'specialist@vsaa.test', 'vsaa', 'specialist');
      await addStaff(platform, 'auditor@kase.test', 'kase', 'auditor');
      olderVsaaMail = await sendMail(platform.deps, { agency: 'vsaa', to: 'old@example.lv', subject: 'Vecāka vēstule', text: 'Sveiki' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      vsaaMail = await sendMail(platform.deps, {
        agency: 'vsaa',
        to: 'anna@example.lv',
        subject: 'Atbilde <script>alert(1)</script>',
        text: 'Labdien!\n<b>Jūsu</b> jautājums <script>alert("x")</script> ir saņemts.',
        headers: { 'X-Apkalpe-Reference': 'VSAA-2026-000001', 'In-Reply-To': '<abc@example.lv>' },
        attachments: [{ fileName: 'atbilde.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') }],
      });
      kaseMail = await sendMail(platform.deps, { agency: 'kase', to: 'janis@example.lv', subject: 'Valsts kases atbilde', text: 'Kases teksts' });
    });
    after(() => platform.close());

    it('without SMTP_URL the mail is kept in the outbox, not sent', () => {
      assert.equal(vsaaMail.transport, 'outbox');
      assert.equal(vsaaMail.sentAt, null);
    });

    it('an anonymous visitor is sent to sign in, and back to the outbox afterwards', async () => {
      const browser = new TestBrowser(platform.app);
      const list = await browser.get('/staff/outbox');
      assert.equal(list.statusCode, 303);
      assert.equal(list.headers.location, '/staff/login?next=/staff/outbox');
      const detail = await browser.get(`/staff/outbox/${vsaaMail.id}`);
      assert.equal(detail.statusCode, 303);
      assert.equal(detail.headers.location, `/staff/login?next=/staff/outbox/${vsaaMail.id}`);
      const signIn = await browser.submitForm('/staff/login?next=/staff/outbox', '/staff/login?next=/staff/outbox', {
        email: 'specialist@vsaa.test',
        password: PASSWORD,
      });
      assert.equal(signIn.headers.location, '/staff/outbox');
    });

    it("a VSAA specialist sees VSAA's mail newest first, never the Treasury's", async () => {
      const browser = new TestBrowser(platform.app);
      await browser.signIn('specialist@vsaa.test', PASSWORD);
      const res = await browser.get('/staff/outbox');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="lv"/);
      assert.match(res.body, /Nosūtītās vēstules/);
      assert.ok(res.body.includes(`/staff/outbox/${vsaaMail.id}`));
      assert.ok(res.body.indexOf(`/staff/outbox/${vsaaMail.id}`) < res.body.indexOf(`/staff/outbox/${olderVsaaMail.id}`), 'newest first');
      assert.ok(!res.body.includes(kaseMail.id));
      assert.ok(!res.body.includes('Valsts kases atbilde'));
      assert.ok(!res.body.includes('<script>alert(1)</script>'), 'the subject is escaped');
      assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(res.body, /Glabājas tikai šeit/);
    });

    it('the detail shows headers, the escaped text and the attachment names, and is audited', async () => {
      const browser = new TestBrowser(platform.app);
      await browser.signIn('specialist@vsaa.test', PASSWORD);
      const res = await browser.get(`/staff/outbox/${vsaaMail.id}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /anna@example\.lv/);
      assert.match(res.body, /X-Apkalpe-Reference/);
      assert.match(res.body, /VSAA-2026-000001/);
      assert.match(res.body, /&lt;abc@example\.lv&gt;/);
      assert.match(res.body, /&lt;b&gt;Jūsu&lt;\/b&gt; jautājums &lt;script&gt;/);
      assert.ok(!res.body.includes('<script>alert("x")</script>'));
      assert.match(res.body, /atbilde\.pdf/);
      const audit = await auditOf(platform, 'specialist@vsaa.test');
      assert.deepEqual(audit.at(-1), { action: 'outbox.viewed', record_id: vsaaMail.id, agency: 'vsaa' });
      assert.ok(audit.some((a) => a.action === 'outbox.listed' && a.agency === 'vsaa'));
    });

    it("the Treasury's mail is not found for a VSAA specialist (404), nor is a malformed id; nothing is audited as viewed", async () => {
      const browser = new TestBrowser(platform.app);
      await browser.signIn('specialist@vsaa.test', PASSWORD);
      const before = (await auditOf(platform, 'specialist@vsaa.test')).length;
      const other = await browser.get(`/staff/outbox/${kaseMail.id}`);
      assert.equal(other.statusCode, 404);
      assert.ok(!other.body.includes('Kases teksts'));
      assert.equal((await browser.get('/staff/outbox/not-a-uuid')).statusCode, 404);
      assert.equal((await browser.get('/staff/outbox/00000000-0000-4000-8000-000000000000')).statusCode, 404);
      assert.equal((await auditOf(platform, 'specialist@vsaa.test')).length, before);
    });

    it('a Treasury auditor sees only Treasury mail, in English with ?lang=en', async () => {
      const browser = new TestBrowser(platform.app);
      await browser.signIn('auditor@kase.test', PASSWORD);
      const res = await browser.get('/staff/outbox?lang=en');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="en"/);
      assert.match(res.body, /Outgoing mail/);
      assert.ok(res.body.includes(kaseMail.id));
      assert.ok(!res.body.includes(vsaaMail.id));
      const detail = await browser.get(`/staff/outbox/${kaseMail.id}?lang=en`);
      assert.equal(detail.statusCode, 200);
      assert.match(detail.body, /No attachments\./);
      assert.equal((await browser.get(`/staff/outbox/${vsaaMail.id}`)).statusCode, 404);
    });
  });
}

for (const target of testTargets()) {
  describe(`/staff/outbox lists integration callbacks beside the mail (${target})`, () => {
    let platform: TestPlatform;
    let reference: string;

    before(async () => {
      platform = await createTestPlatform(target);
      await addStaff(platform, 'specialist@kase.test', 'kase', 'specialist');
      await addStaff(platform, 'specialist@vsaa.test', 'vsaa', 'specialist');
      const { key, row } = await newKey(platform, 'kase');
      const delivered = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/integrations/kase/documents',
        headers: { authorization: `Bearer ${key}` },
        payload: { channel: 'e-address', externalMessageId: 'outbox-1', sender: { name: 'SIA Piemērs' }, text: 'Lūdzu slēgt kontu.' },
      });
      assert.equal(delivered.statusCode, 201, delivered.body);
      const inquiry = delivered.json() as { inquiryId: string; reference: string };
      reference = inquiry.reference;
      const vsaaKey = (await newKey(platform, 'vsaa')).row;
      await platform.deps.db.execute(sql`
        insert into integration_callbacks (agency, key_id, inquiry_id, kind, url, payload, status, attempts, last_error, created_at) values
          ('kase', ${row.id}, ${inquiry.inquiryId}, 'reply', 'https://vartejas-lietotajs:pa55vards@gw.kase.example.lv/apkalpe/cb?token=SLEPENS123', '{}'::jsonb, 'failed', 12, 'HTTP 502 https://gw.kase.example.lv/x?token=KLUDAS-ZIME', now() - interval '1 minute'),
          ('kase', ${row.id}, ${inquiry.inquiryId}, 'receipt', 'https://gw.kase.example.lv/apkalpe/cb', '{}'::jsonb, 'sent', 1, null, now() - interval '2 minutes'),
          ('kase', ${row.id}, null, 'forward', 'https://eadrese.example.lv/in', '{}'::jsonb, 'pending', 3, 'ECONNREFUSED', now() - interval '3 minutes'),
          ('vsaa', ${vsaaKey.id}, null, 'reply', 'https://gw.vsaa-slepena.example.lv/cb', '{}'::jsonb, 'failed', 12, 'ETIMEDOUT', now())`);
    });
    after(() => platform.close());

    it('a Treasury specialist sees its callbacks: host only, reference, kind, status with attempts, masked last error; never VSAA’s; audited', async () => {
      const browser = new TestBrowser(platform.app);
      await browser.signIn('specialist@kase.test', PASSWORD);
      const res = await browser.get('/staff/outbox');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Nosūtīts caur integrāciju \(e-adrese, Latvija\.lv\)/);
      assert.ok(res.body.includes('gw.kase.example.lv'));
      assert.ok(res.body.includes('eadrese.example.lv'));
      for (const secret of ['pa55vards', 'vartejas-lietotajs', 'SLEPENS123', '/apkalpe/cb', 'KLUDAS-ZIME']) assert.ok(!res.body.includes(secret), `${secret} is not shown`);
      assert.match(res.body, /HTTP 502 https:\/\/gw\.kase\.example\.lv\/x\?token=••••••••/);
      assert.ok(res.body.includes(reference));
      assert.match(res.body, /<strong>Nav nosūtīts pēc 12 mēģinājumiem — nepieciešama darbinieka rīcība<\/strong>/);
      assert.match(res.body, /Vēl nav nosūtīts — mēģinās vēlreiz/);
      assert.match(res.body, /atbilde vai paziņojums/);
      assert.match(res.body, /apliecinājums par saņemšanu/);
      assert.match(res.body, /pārsūtīšana kompetentajai iestādei/);
      assert.ok(!res.body.includes('vsaa-slepena'), 'another agency’s callbacks are not listed');
      const audit = ((await platform.deps.db.execute(sql`select details from audit_log where actor_label = 'specialist@kase.test' and action = 'outbox.listed' order by id desc limit 1`)) as unknown as { rows: Array<{ details: Record<string, number> }> }).rows[0]!;
      assert.equal(audit.details['integration-callbacks'], 3);
    });

    it('in English, and a VSAA specialist sees only VSAA’s callback', async () => {
      const browser = new TestBrowser(platform.app);
      await browser.signIn('specialist@vsaa.test', PASSWORD);
      const res = await browser.get('/staff/outbox?lang=en');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Sent through an integration \(e-address, Latvija\.lv\)/);
      assert.match(res.body, /Not sent after 12 attempts — needs staff attention/);
      assert.ok(res.body.includes('gw.vsaa-slepena.example.lv'));
      assert.ok(!res.body.includes('gw.kase.example.lv') && !res.body.includes(reference));
    });
  });
}

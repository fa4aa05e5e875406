import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { waitFor } from '../../platform/jobs/jobs.testing.ts';
import { buildAsice, makeCa, makeSigner, zip } from '../signatures/signatures.testing.ts';
import { deliverDueCallbacks, signCallback } from './callbacks.service.ts';
import { callbackReceiver, newKey } from './integrations.testing.ts';

const URL_KASE = '/api/v1/integrations/kase/documents';

async function count(platform: TestPlatform, table: string): Promise<number> {
  const result = await platform.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
}

for (const target of testTargets()) {
  describe(`integration API: POST /api/v1/integrations/{agency}/documents (${target})`, () => {
    let platform: TestPlatform;
    let now = Date.now();
    let key: string;
    let edoc: string;
    let receiver: Awaited<ReturnType<typeof callbackReceiver>>;
    let secret: string;
    let seq = 0;
    before(async () => {
      platform = await createTestPlatform(target, { clock: () => Temporal.Instant.fromEpochMilliseconds(now) });
      receiver = await callbackReceiver();
      const created = await newKey(platform, 'kase', { callbackUrl: receiver.url });
      key = created.key;
      secret = created.callbackSecret;
      edoc = Buffer.from(await buildAsice({ 'iesniegums.txt': new TextEncoder().encode('Lūdzu slēgt kontu.') }, [await makeSigner(await makeCa())])).toString('base64');
    });
    after(async () => {
      await receiver.close();
      await platform.close();
    });

    const document = (over: Record<string, unknown> = {}) => ({
      channel: 'e-address',
      externalMessageId: `eadr-${Date.now()}-${seq++}`,
      sender: { name: 'SIA Piemērs', registrationNumber: '40003000000', eAddress: '_DEFAULT@40003000000' },
      subAddressee: 'KLIENTU APKALPOŠANA',
      subject: 'Konta slēgšana',
      text: 'Lūdzu slēgt kontu.',
      files: [{ fileName: 'iesniegums.edoc', contentType: 'application/vnd.etsi.asic-e+zip', contentBase64: edoc }],
      ...over,
    });
    const deliver = (body: unknown, auth: string | null = key, url = URL_KASE) =>
      platform.app.inject({ method: 'POST', url, payload: body as object, headers: auth ? { authorization: `Bearer ${auth}` } : {} });

    it('files an e-address document as an inquiry with its verified signature; audited; receipt posted back HMAC-signed', async () => {
      const body = document();
      const response = await deliver(body);
      assert.equal(response.statusCode, 201, response.body);
      const result = response.json() as { inquiryId: string; reference: string; duplicate: boolean; files: Array<{ signatureStatus: string }> };
      assert.match(result.reference, /^KASE-\d{4}-\d{6}$/);
      assert.equal(result.duplicate, false);
      assert.deepEqual(result.files.map((f) => f.signatureStatus), ['qualification-not-checked']);
      const inquiry = ((await platform.deps.db.execute(sql`select channel, signed, requester_name from inquiries where id = ${result.inquiryId}`)) as unknown as { rows: Array<{ channel: string; signed: boolean; requester_name: string }> }).rows[0]!;
      assert.deepEqual([inquiry.channel, inquiry.signed, inquiry.requester_name], ['e-address', true, 'SIA Piemērs (40003000000)']);
      const audit = ((await platform.deps.db.execute(sql`select action, actor_label from audit_log where record_id = ${result.inquiryId} order by id`)) as unknown as { rows: Array<{ action: string; actor_label: string }> }).rows;
      assert.ok(audit.some((a) => a.action === 'integration.document-delivered' && a.actor_label.startsWith('integration:apk_')));
      const got = await waitFor('the receipt callback', () => receiver.received.find((r) => r.body.includes(result.reference)));
      const timestamp = String(got.headers['x-apkalpe-timestamp']);
      assert.equal(got.headers['x-apkalpe-signature'], `sha256=${signCallback(secret, timestamp, got.body)}`, 'HMAC over timestamp.body with the key’s secret');
      assert.equal((JSON.parse(got.body) as { kind: string }).kind, 'receipt');
    });

    it('a repeated external message id returns the first inquiry (idempotent), also when sent at once', async () => {
      const body = document();
      const [a, b] = await Promise.all([deliver(body), deliver(body)]);
      const ids = [a, b].map((r) => (r.json() as { inquiryId: string }).inquiryId);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 201]);
      assert.equal(ids[0], ids[1]);
      const before = await count(platform, 'inquiries');
      const again = await deliver(body);
      assert.equal(again.statusCode, 200);
      assert.equal((again.json() as { duplicate: boolean }).duplicate, true);
      assert.equal(await count(platform, 'inquiries'), before);
    });

    it('a missing, unknown or revoked key gets 401; another agency’s key 403; a channel outside the key’s scope 403 — nothing written', async () => {
      const vsaa = await newKey(platform, 'vsaa');
      const portalOnly = await newKey(platform, 'kase', { channels: ['latvija-lv'] });
      const revoked = await newKey(platform, 'kase');
      await platform.deps.db.execute(sql`update integration_keys set revoked_at = now() where id = ${revoked.row.id}`);
      const before = [await count(platform, 'inquiries'), await count(platform, 'integration_deliveries'), await count(platform, 'audit_log')];
      const cases: Array<[string | null, number, string]> = [
        [null, 401, 'integration-key-required'],
        ['apk_not-a-real-key-at-all', 401, 'integration-key-required'],
        [revoked.key, 401, 'integration-key-required'],
        [vsaa.key, 403, 'integration-key-other-agency'],
        [portalOnly.key, 403, 'channel-not-allowed'],
      ];
      for (const [auth, status, code] of cases) {
        const response = await deliver(document(), auth);
        assert.equal(response.statusCode, status, `${String(auth).slice(0, 12)}: ${response.body}`);
        assert.equal((response.json() as { code: string }).code, code);
      }
      assert.deepEqual([await count(platform, 'inquiries'), await count(platform, 'integration_deliveries'), await count(platform, 'audit_log')], before);
    });

    it('bad input: over the body limit 413; base64 that is not; a type not accepted; zip bomb; ".." paths; a PDF that is not; a NUL byte — 4xx with field errors, nothing written', async () => {
      const before = await count(platform, 'inquiries');
      const big = 'A'.repeat(37 * 1024 * 1024);
      const tooBig = await deliver(document({ files: [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: big }] }));
      assert.equal(tooBig.statusCode, 413);
      const mimetype = new TextEncoder().encode('application/vnd.etsi.asic-e+zip');
      const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ files: [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: 'not base64 at all!' }] }, 'files.0.contentBase64', ''],
        [{ files: [{ fileName: 'run.exe', contentType: 'application/x-msdownload', contentBase64: b64(new Uint8Array([0x4d, 0x5a])) }] }, 'attachments.0', 'type_not_allowed'],
        [{ files: [{ fileName: 'bomb.edoc', contentType: 'application/vnd.etsi.asic-e+zip', contentBase64: b64(zip({ mimetype, 'z.txt': new Uint8Array(4 * 1024 * 1024) })) }] }, 'attachments.0', 'file.zip-bomb'],
        [{ files: [{ fileName: 'x.asice', contentType: 'application/vnd.etsi.asic-e+zip', contentBase64: b64(zip({ mimetype, '../../etc/cron.d/x': mimetype })) }] }, 'attachments.0', 'file.unsafe-path'],
        [{ files: [{ fileName: 'lēmums.pdf', contentType: 'application/pdf', contentBase64: b64(new TextEncoder().encode('MZ not a pdf')) }] }, 'attachments.0', 'file.not-a-pdf'],
        [{ text: 'Sveiki\u0000pasaule' }, 'text', ''],
        [{ channel: 'fax' }, 'channel', ''],
        [{ sender: { name: 'X', personalCode: '999999-99999' } }, 'sender.personalCode', ''],
      ];
      for (const [over, field, code] of cases) {
        const response = await deliver(document(over));
        assert.equal(response.statusCode, 400, `${field}: ${response.body.slice(0, 300)}`);
        const problem = response.json() as { errors: Array<{ field: string; code: string }> };
        assert.ok(problem.errors.some((e) => e.field === field && (!code || e.code === code)), `${field} ${code}: ${JSON.stringify(problem.errors)}`);
        assert.ok(!response.body.includes('cron.d') && !response.body.includes('not base64 at all') && !response.body.includes('pasaule'), 'no echo of the input');
        if (code === 'file.zip-bomb') {
          const words = problem.errors.find((e) => e.code === code) as { message?: string } | undefined;
          assert.equal(words?.message, 'Konteiners izpakots būtu pārāk liels (iespējama “zip bumba”).', 'the refusal in the catalog’s words (Latvian by default)');
        }
      }
      assert.equal(await count(platform, 'inquiries'), before);
    });

    it('a failing or unreachable callback URL is retried with back-off, then shown to staff as failed (never lost)', async () => {
      const failing = await callbackReceiver(500);
      const created = await newKey(platform, 'kase', { callbackUrl: failing.url });
      const response = await deliver(document(), created.key);
      assert.equal(response.statusCode, 201);
      const id = async () => ((await platform.deps.db.execute(sql`select id, status, attempts, last_error from integration_callbacks where key_id = ${created.row.id}`)) as unknown as { rows: Array<{ id: string; status: string; attempts: number; last_error: string }> }).rows[0]!;
      await waitFor('the first attempt', async () => (await id()).attempts >= 1);
      assert.equal((await id()).status, 'pending');
      assert.equal((await id()).last_error, 'HTTP 500');
      await failing.close();
      for (let i = 0; i < 12 && (await id()).status === 'pending'; i++) {
        now += 7 * 60 * 60 * 1000;
        await deliverDueCallbacks(platform.deps);
      }
      const final = await id();
      assert.equal(final.status, 'failed');
      assert.equal(final.attempts, 12);
      assert.notEqual(final.last_error, 'HTTP 500', 'the closed receiver is unreachable');
      const admin = await signedInStaff(platform, `adm-${Date.now()}@kase.test`, 'kase', 'administrator');
      const page = await admin.get('/staff/kase/integracijas?lang=lv');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /neizdevās – nepieciešama darbinieka rīcība/);
      now = Date.now();
    });

    it('administrators create a key at /staff/kase/integracijas (shown once, stored hashed) and revoke it; a specialist may not', async () => {
      const admin = await signedInStaff(platform, `adm2-${Date.now()}@kase.test`, 'kase', 'administrator');
      const created = await admin.submitForm('/staff/kase/integracijas', '/staff/kase/integracijas', { label: 'Latvija.lv vārteja', 'channel-latvija-lv': 'yes', callbackUrl: '' });
      assert.equal(created.statusCode, 200, created.body.slice(0, 200));
      const shown = /<code[^>]*>(apk_[A-Za-z0-9_-]+)<\/code>/.exec(created.body)?.[1];
      assert.ok(shown, 'the new key is on the page once');
      const stored = ((await platform.deps.db.execute(sql`select id, key_hash, channels from integration_keys where label = 'Latvija.lv vārteja'`)) as unknown as { rows: Array<{ id: string; key_hash: string; channels: string[] }> }).rows[0]!;
      assert.notEqual(stored.key_hash, shown);
      assert.match(stored.key_hash, /^[0-9a-f]{64}$/);
      assert.deepEqual(stored.channels, ['latvija-lv']);
      const again = await admin.get('/staff/kase/integracijas');
      assert.ok(!again.body.includes(shown), 'never shown again');
      const portal = await deliver(document({ channel: 'latvija-lv' }), shown);
      assert.equal(portal.statusCode, 201, portal.body);
      const refused = await admin.submitForm('/staff/kase/integracijas', '/staff/kase/integracijas', { label: '', callbackUrl: 'ftp://x' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Izvēlieties vismaz vienu kanālu/);
      assert.match(refused.body, /Ievadiet pilnu adresi, kas sākas ar https:/);
      const revoked = await admin.submitForm('/staff/kase/integracijas', `/staff/kase/integracijas/${stored.id}/atsaukt`, {});
      assert.equal(revoked.statusCode, 303);
      assert.equal((await deliver(document({ channel: 'latvija-lv' }), shown)).statusCode, 401);
      const specialist = await signedInStaff(platform, `spec-${Date.now()}@kase.test`, 'kase', 'specialist');
      assert.equal((await specialist.get('/staff/kase/integracijas')).statusCode, 403);
      const vsaaAdmin = await signedInStaff(platform, `adm-${Date.now()}@vsaa.test`, 'vsaa', 'administrator');
      assert.equal((await vsaaAdmin.get('/staff/kase/integracijas')).statusCode, 403, 'another agency’s administrator');
    });
  });
}

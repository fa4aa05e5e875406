import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { plainPdf } from '../signatures/signatures.testing.ts';
import { deliverDueCallbacks } from './callbacks.service.ts';
import { callbackReceiver, newKey } from './integrations.testing.ts';

type Row = Record<string, unknown>;
async function rows(platform: TestPlatform, query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await platform.deps.db.execute(query)) as unknown as { rows: Row[] }).rows;
}

for (const target of testTargets()) {
  describe(`replies and forwarding through the integration (${target})`, () => {
    let platform: TestPlatform;
    let staff: TestBrowser;
    let key: string;
    let receiver: Awaited<ReturnType<typeof callbackReceiver>>;
    let seq = 0;
    before(async () => {
      platform = await createTestPlatform(target);
      receiver = await callbackReceiver();
      key = (await newKey(platform, 'kase', { callbackUrl: receiver.url })).key;
      staff = await signedInStaff(platform, 'specialist@kase.test', 'kase', 'specialist');
      // The directory entry gets an official e-address (the seed profiles carry none).
      const institution = platform.deps.agencies.get('kase')!.competentInstitutions.find((i) => i.id === 'vsaa')!;
      (institution as { eAddress?: string }).eAddress = '_DEFAULT@90009118031';
    });
    after(async () => {
      await receiver.close();
      await platform.close();
    });

    const deliver = async () => {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/integrations/kase/documents',
        headers: { authorization: `Bearer ${key}` },
        payload: { channel: 'e-address', externalMessageId: `r-${Date.now()}-${seq++}`, sender: { name: 'Ilze Ozola', eAddress: '_PRIVATE@010101-12345' }, text: 'Kāda ir mana pensija?', files: [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: Buffer.from(plainPdf()).toString('base64') }] },
      });
      assert.equal(response.statusCode, 201, response.body);
      return (response.json() as { inquiryId: string; reference: string });
    };

    it('a reply to an inquiry that came by e-address goes back as a callback, not e-mail', async () => {
      const { inquiryId, reference } = await deliver();
      const replied = await staff.request({ method: 'POST', url: `/api/v1/staff/kase/inquiries/${inquiryId}/reply`, json: { text: 'Atbilde uz jūsu jautājumu.' } });
      assert.equal(replied.statusCode, 200, replied.body);
      const [callback] = await rows(platform, sql`select kind, payload from integration_callbacks where inquiry_id = ${inquiryId} and kind = 'reply'`);
      const payload = callback!.payload as { recipientEAddress: string; text: string; reference: string };
      assert.equal(payload.recipientEAddress, '_PRIVATE@010101-12345');
      assert.equal(payload.text, 'Atbilde uz jūsu jautājumu.');
      assert.equal(payload.reference, reference);
      const [message] = await rows(platform, sql`select medium from inquiry_messages where inquiry_id = ${inquiryId} and direction = 'out'`);
      assert.equal(message!.medium, 'e-address');
      await deliverDueCallbacks(platform.deps);
      assert.ok(receiver.received.some((r) => r.body.includes('Atbilde uz jūsu jautājumu.')), 'posted to the gateway');
    });

    it('forwarding sends the submission and its files to the institution’s e-address, records time and message id, and tells the client', async () => {
      const { inquiryId } = await deliver();
      const forwarded = await staff.request({ method: 'POST', url: `/api/v1/staff/kase/inquiries/${inquiryId}/forward`, json: { mode: 'forward', institutionId: 'vsaa' } });
      assert.equal(forwarded.statusCode, 200, forwarded.body);
      const [record] = await rows(platform, sql`select route, address, message_id, sent_at, callback_id from inquiry_forwardings where inquiry_id = ${inquiryId}`);
      assert.equal(record!.route, 'integration');
      assert.equal(record!.address, '_DEFAULT@90009118031');
      assert.match(String(record!.message_id), /^callback:[0-9a-f-]{36}$/);
      assert.ok(record!.sent_at);
      const [callback] = await rows(platform, sql`select payload from integration_callbacks where id = ${record!.callback_id}`);
      const payload = callback!.payload as { recipientEAddress: string; files: Array<{ fileName: string; contentBase64: string }>; text: string };
      assert.equal(payload.recipientEAddress, '_DEFAULT@90009118031');
      assert.deepEqual(payload.files.map((f) => f.fileName), ['a.pdf']);
      assert.ok(Buffer.from(payload.files[0]!.contentBase64, 'base64').subarray(0, 5).equals(Buffer.from('%PDF-')));
      assert.match(payload.text, /Kāda ir mana pensija\?/);
      const told = await rows(platform, sql`select kind from integration_callbacks where inquiry_id = ${inquiryId} and kind = 'reply'`);
      assert.equal(told.length, 1, 'the client is told, back through the e-address');
    });
  });
}

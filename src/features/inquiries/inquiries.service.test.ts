import { tinyZip } from '../../../test/support/tiny-zip.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { hashAccessCode } from '../../domain/inquiry/index.ts';
import { fixedClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/http/problem.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { findInquiryByReference, listInquiryEvents, listInquiryMessages } from './inquiries.repository.ts';
import { appendClientMessage, fileInquiry } from './inquiries.service.ts';
import { buildAsice, makeCa, makeSigner, zip } from '../signatures/signatures.testing.ts';

async function signedContainer(): Promise<Uint8Array> {
  const ca = await makeCa();
  return buildAsice({ 'iesniegums.txt': new TextEncoder().encode('Lūdzu slēgt kontu.') }, [await makeSigner(ca)]);
}

const origin = { actorId: null, actorLabel: 'client', ip: '127.0.0.1' };

async function count(platform: TestPlatform, table: string): Promise<number> {
  const result = await platform.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? -1;
}

for (const target of testTargets()) {
  describe(`filing an inquiry (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      // Friday 20 Nov 2026, 23:30 in Riga (21:30 UTC): received on the 20th.
      platform = await createTestPlatform(target, { clock: fixedClock('2026-11-20T21:30:00Z') });
    });
    after(() => platform.close());

    it('gets a reference, an access code and the statutory deadlines of its receipt date', async () => {
      const { inquiry, accessCode } = await fileInquiry(platform.deps, origin, {
        agency: 'vsaa',
        channel: 'web-form',
        name: 'Anna Bērziņa',
        email: 'anna@example.lv',
        text: 'Kad tiks pārrēķināta mana pensija?',
      });
      assert.match(inquiry.reference, /^VSAA-2026-\d{6}$/);
      assert.equal(inquiry.receivedOn, '2026-11-20');
      assert.equal(inquiry.termRule, 'submission.answer');
      // 10 working days from Fri 20 Nov 2026 (18 Nov already passed): 23,24,25,26,27,30 Nov, 1,2,3,4 Dec.
      assert.equal(inquiry.deadline, '2026-12-04');
      assert.equal(inquiry.forwardDeadline, '2026-11-27');
      assert.equal(inquiry.accessCodeHash, hashAccessCode(accessCode));
      assert.notEqual(inquiry.accessCodeHash, accessCode);
      assert.equal(inquiry.signed, null);
      const [event] = await listInquiryEvents(platform.deps.db, inquiry.id);
      assert.equal(event?.kind, 'received');
      assert.equal(event?.toStatus, 'new');
      const audit = await platform.deps.db.execute(sql`select action from audit_log where record_id = ${inquiry.id}`);
      assert.deepEqual((audit as unknown as { rows: Array<{ action: string }> }).rows.map((r) => r.action), ['inquiry.filed']);
    });

    it('numbers never repeat, however many are filed at once', async () => {
      const filed = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          fileInquiry(platform.deps, origin, { agency: 'kase', channel: 'web-form', name: `Klients ${i}`, phone: '+371 20000000', text: `Jautājums ${i}` }),
        ),
      );
      const numbers = filed.map((f) => Number(f.inquiry.reference.split('-')[2])).sort((a, b) => a - b);
      assert.equal(new Set(numbers).size, 25);
      assert.equal(numbers[24]! - numbers[0]!, 24, 'consecutive numbers, no gaps');
    });

    it('flags an unsigned letter on a channel that requires a secure e-signature', async () => {
      const unsigned = await fileInquiry(platform.deps, origin, { agency: 'kase', channel: 'e-address', name: 'SIA Piemērs', text: 'Lūdzu slēgt kontu.' });
      assert.equal(unsigned.inquiry.signed, false);
      const signed = await fileInquiry(platform.deps, origin, {
        agency: 'kase',
        channel: 'e-address',
        name: 'SIA Piemērs',
        text: 'Lūdzu slēgt kontu.',
        attachments: [{ fileName: 'iesniegums.edoc', contentType: 'application/octet-stream', content: Buffer.from(await signedContainer()) }],
      });
      assert.equal(signed.inquiry.signed, true, 'a really signed container (integrity checked; no trusted list configured)');
      const renamed = await fileInquiry(platform.deps, origin, {
        agency: 'kase',
        channel: 'e-address',
        name: 'SIA Piemērs',
        text: 'Lūdzu slēgt kontu.',
        attachments: [{ fileName: 'iesniegums.edoc', contentType: 'application/octet-stream', content: Buffer.from(zip({ 'a.txt': new TextEncoder().encode('x') })) }],
      });
      assert.equal(renamed.inquiry.signed, false, 'a ZIP renamed to .edoc is not a signature');
    });

    it('a forbidden attachment is refused with a field error and nothing is written', async () => {
      const before = await count(platform, 'inquiries');
      await assert.rejects(
        fileInquiry(platform.deps, origin, {
          agency: 'vsaa',
          channel: 'web-form',
          name: 'X',
          email: 'x@example.lv',
          text: 'Skat. pielikumu',
          attachments: [{ fileName: 'virus.exe', contentType: 'application/x-msdownload', content: Buffer.from('MZ') }],
        }),
        (error: AppError) => {
          assert.equal(error.status, 400);
          assert.equal(error.fieldErrors[0]?.field, 'attachments.0');
          assert.equal(error.fieldErrors[0]?.code, 'type_not_allowed');
          return true;
        },
      );
      assert.equal(await count(platform, 'inquiries'), before);
    });

    it('a client reply joins its inquiry and hands it back when we were waiting', async () => {
      const { inquiry } = await fileInquiry(platform.deps, origin, { agency: 'vsaa', channel: 'email', name: 'Jānis', email: 'janis@example.lv', text: 'Sveiki' });
      await platform.deps.db.execute(sql`update inquiries set status = 'waiting-for-client' where id = ${inquiry.id}`);
      const current = await findInquiryByReference(platform.deps.db, inquiry.reference);
      await appendClientMessage(platform.deps, origin, current!, { medium: 'email', text: 'Papildinformācija pielikumā' });
      const messages = await listInquiryMessages(platform.deps.db, inquiry.id);
      assert.deepEqual(messages.map((m) => m.bodyText), ['Sveiki', 'Papildinformācija pielikumā']);
      assert.equal((await findInquiryByReference(platform.deps.db, inquiry.reference))?.status, 'new');
    });
  });
}

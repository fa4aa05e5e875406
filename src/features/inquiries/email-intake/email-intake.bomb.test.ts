import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { inquiries } from '../inquiries.tables.ts';
import { createTestPlatform, testTargets, type TestPlatform, type TestTarget } from '../../../../test/support/test-platform.ts';
import { startEmailIntake, type EmailIntake } from './email-intake.server.ts';

/**
 * A mail bomb in miniature: 400 small messages over parallel pooled connections, one flooding sender among
 * ordinary ones. The 10,000-message run is a benchmark (`npm run bench -- mail-bomb`); MAIL_BOMB_COUNT sets
 * the count here too.
 */
function bombSize(_target: TestTarget): number {
  return Number(process.env.MAIL_BOMB_COUNT ?? 400);
}

const BOMBER = 'bomber@example.net';
const BOMBER_MESSAGES = 150;
const PER_CLIENT = 80;
const LIMIT = 100;

for (const target of testTargets()) {
  const total = bombSize(target);
  describe(`e-mail intake under a mail bomb of ${total} messages (${target})`, { timeout: 30 * 60_000 }, () => {
    let platform: TestPlatform;
    let intake: EmailIntake;

    before(async () => {
      platform = await createTestPlatform(target);
      // The production limit (100 in 10 minutes) stretched to an hour: a slow machine cannot let the window slide mid-test.
      intake = await startEmailIntake(platform.deps, { port: 0, host: '127.0.0.1', senderLimit: { messages: LIMIT, windowMs: 60 * 60_000 } });
    });
    after(async () => {
      await intake.close();
      await platform.close();
    });

    it('stays up, files every message it answered 250 and refuses the rest only temporarily', async (t) => {
      const transport = nodemailer.createTransport({
        pool: true,
        maxConnections: 8,
        maxMessages: Infinity,
        host: '127.0.0.1',
        port: intake.port,
        secure: false,
        ignoreTLS: true,
      });
      // One address floods (spread over the first half); the others are ordinary clients under the limit.
      const step = Math.max(1, Math.floor(total / (2 * BOMBER_MESSAGES)));
      const bomberSlots = new Set(Array.from({ length: BOMBER_MESSAGES }, (_, i) => i * step));
      let clientIndex = 0;
      const started = Date.now();
      const results = await Promise.all(
        Array.from({ length: total }, (_, i) => {
          const from = bomberSlots.has(i) ? BOMBER : `client-${Math.floor(clientIndex++ / PER_CLIENT)}@example.lv`;
          const to = i % 2 === 0 ? 'konsultacijas@vsaa.gov.lv' : 'pasts@kase.gov.lv';
          return transport.sendMail({ from, to, subject: `Ziņa ${i}`, text: `Teksts ${i}` }).then(
            (info) => ({ from, code: Number(info.response.slice(0, 3)) }),
            (error: Error & { responseCode?: number }) => ({ from, code: error.responseCode ?? 0, message: error.message }),
          );
        }),
      );
      transport.close();
      const seconds = (Date.now() - started) / 1000;
      t.diagnostic(`${total} messages in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} per second)`);

      const accepted = results.filter((r) => r.code === 250);
      const refused = results.filter((r) => r.code !== 250);
      const codes = [...new Set(refused.map((r) => r.code))];
      assert.ok(
        refused.every((r) => r.code >= 400 && r.code < 500),
        `every refusal is temporary (4xx), got ${codes.join(', ')}: ${JSON.stringify(refused.find((r) => r.code < 400 || r.code >= 500))}`,
      );
      assert.equal(refused.filter((r) => r.from !== BOMBER).length, 0, 'ordinary senders are never throttled');
      assert.equal(accepted.filter((r) => r.from === BOMBER).length, LIMIT, 'the flooding sender gets exactly its limit through');
      assert.equal(refused.length, BOMBER_MESSAGES - LIMIT);

      const [filed] = await platform.deps.db.select({ n: count() }).from(inquiries).where(eq(inquiries.channel, 'email'));
      assert.equal(filed?.n, accepted.length, 'inquiries filed = 250 answers');
      const stats = intake.stats();
      assert.equal(stats.accepted, accepted.length);
      assert.equal(stats.failed, 0);
      assert.equal(stats.throttled, BOMBER_MESSAGES - LIMIT);
    });

    it('still answers afterwards', async () => {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: intake.port, secure: false, ignoreTLS: true });
      const info = await transport.sendMail({ from: 'late@example.lv', to: 'konsultacijas@vsaa.gov.lv', subject: 'Pēc uzbrukuma', text: 'Vai strādā?' });
      transport.close();
      assert.match(info.response, /^250 .*filed VSAA-/);
    });
  });
}

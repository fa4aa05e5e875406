// E-mail intake under a mail bomb: MAIL_BOMB_COUNT messages (default 10,000) over 8 pooled SMTP connections,
// one flooding sender among ordinary ones. Prints the rate and checks that every 250 was filed, only the flooder
// was throttled, and nothing failed. On BENCH_DATABASE_URL when set (PostgreSQL), otherwise PGlite.
// (The test suite runs the same scenario with 400 messages: email-intake.bomb.test.ts.)
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { startEmailIntake } from '../src/features/inquiries/email-intake/email-intake.server.ts';
import { inquiries } from '../src/features/inquiries/inquiries.tables.ts';
import { benchPlatform } from './measure.ts';

const total = Number(process.env.MAIL_BOMB_COUNT ?? 10_000);
const BOMBER = 'bomber@example.net';
const BOMBER_MESSAGES = 150;
const LIMIT = 100;

const platform = await benchPlatform();
const intake = await startEmailIntake(platform.deps, { port: 0, host: '127.0.0.1', senderLimit: { messages: LIMIT, windowMs: 60 * 60_000 } });
try {
  const transport = nodemailer.createTransport({ pool: true, maxConnections: 8, maxMessages: Infinity, host: '127.0.0.1', port: intake.port, secure: false, ignoreTLS: true });
  const step = Math.max(1, Math.floor(total / (2 * BOMBER_MESSAGES)));
  const bomberSlots = new Set(Array.from({ length: BOMBER_MESSAGES }, (_, i) => i * step));
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: total }, (_, i) => {
      const from = bomberSlots.has(i) ? BOMBER : `client-${Math.floor(i / 80)}@example.lv`;
      return transport.sendMail({ from, to: i % 2 === 0 ? 'konsultacijas@vsaa.gov.lv' : 'pasts@kase.gov.lv', subject: `Ziņa ${i}`, text: `Teksts ${i}` }).then(
        (info) => ({ from, code: Number(info.response.slice(0, 3)) }),
        (error: Error & { responseCode?: number }) => ({ from, code: error.responseCode ?? 0 }),
      );
    }),
  );
  transport.close();
  const seconds = (performance.now() - started) / 1000;
  const accepted = results.filter((r) => r.code === 250).length;
  const [filed] = await platform.deps.db.select({ n: count() }).from(inquiries).where(eq(inquiries.channel, 'email'));
  console.log(`mail bomb (${platform.deps.dbKind}): ${total} messages in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(0)} per second; ${accepted} filed, ${total - accepted} throttled`);
  assert.equal(filed?.n, accepted, 'every 250 was filed');
  assert.equal(total - accepted, BOMBER_MESSAGES - LIMIT, 'only the flooding sender was throttled');
  assert.equal(intake.stats().failed, 0);
} finally {
  await intake.close();
  await platform.close();
}

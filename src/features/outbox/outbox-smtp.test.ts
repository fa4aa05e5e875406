import { APP_JOBS } from '../../app/jobs.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { startJobs } from '../../platform/jobs/jobs.ts';
import { testDatabaseUrl, waitFor } from '../../platform/jobs/jobs.testing.ts';
import { deliverUnsentMail } from '../../platform/jobs/mail-delivery.ts';
import { sendMail } from '../../platform/mail/mail.ts';
import { findOutboxMail } from '../../platform/mail/mail.repository.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.testing.ts';

for (const target of testTargets()) {
  describe(`outgoing mail by SMTP, and the retry job (${target})`, () => {
    let platform: TestPlatform;
    let smtp: SmtpCapture;
    let minutesAhead = 0;

    before(async () => {
      smtp = await startSmtpCapture();
      platform = await createTestPlatform(target, {
        clock: () => Temporal.Now.instant().add({ minutes: minutesAhead }),
        config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'VSAA <no-reply@vsaa.gov.lv>' },
      });
    });
    after(async () => {
      await smtp.close();
      await platform.close();
    });

    it('sendMail delivers to a real SMTP server: subject, text, headers and attachment; the row gets sent_at', async () => {
      const row = await sendMail(platform.deps, {
        agency: 'vsaa',
        to: 'anna@example.lv',
        subject: 'Atbilde uz jautājumu VSAA-2026-000007',
        text: 'Labdien, Anna!\nJūsu pensija tiks pārrēķināta.',
        headers: { 'X-Apkalpe-Reference': 'VSAA-2026-000007', 'In-Reply-To': '<q1@example.lv>', References: '<q1@example.lv>' },
        attachments: [{ fileName: 'lēmums.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 lēmums') }],
      });
      assert.equal(row.transport, 'smtp');
      const stored = await findOutboxMail(platform.deps.db, row.id);
      assert.ok(stored?.sentAt instanceof Date, 'sent_at is set');
      assert.equal(stored?.error, null);

      assert.equal(smtp.messages.length, 1);
      const [mail] = smtp.messages;
      assert.deepEqual(mail?.envelope.to, ['anna@example.lv']);
      assert.equal(mail?.envelope.from, 'no-reply@vsaa.gov.lv');
      assert.equal(mail?.parsed.subject, 'Atbilde uz jautājumu VSAA-2026-000007');
      assert.equal(mail?.parsed.text?.trim(), 'Labdien, Anna!\nJūsu pensija tiks pārrēķināta.');
      assert.equal(mail?.parsed.headers.get('x-apkalpe-reference'), 'VSAA-2026-000007');
      assert.equal(mail?.parsed.inReplyTo, '<q1@example.lv>');
      assert.equal(mail?.parsed.attachments.length, 1);
      assert.equal(mail?.parsed.attachments[0]?.filename, 'lēmums.pdf');
      assert.equal(mail?.parsed.attachments[0]?.contentType, 'application/pdf');
      assert.equal(mail?.parsed.attachments[0]?.content.toString(), '%PDF-1.4 lēmums');
      assert.match(stored?.headers['Message-ID'] ?? '', /^<[0-9a-f-]{36}@vsaa\.gov\.lv>$/, 'our own Message-ID is kept with the mail');
      assert.equal(mail?.parsed.messageId, stored?.headers['Message-ID'], 'and is the one the client receives');
    });

    it('with the server down the row keeps the error and no sent_at; the mail.deliver job delivers it once the server is back', async () => {
      const port = smtp.port;
      await smtp.close();
      const row = await sendMail(platform.deps, { agency: 'kase', to: 'janis@example.lv', subject: 'Kases paziņojums', text: 'Teksts' });
      const failed = await findOutboxMail(platform.deps.db, row.id);
      assert.equal(failed?.sentAt, null);
      assert.match(failed?.error ?? '', /ECONNREFUSED|connect/i);
      assert.equal(failed?.attempts, 1);
      assert.equal(failed && failed.nextAttemptAt && failed.nextAttemptAt.getTime() - failed.createdAt.getTime() >= 59_000, true, 'next attempt about a minute later');

      // A mail younger than a minute may still be in the hands of its sendMail: the retry leaves it alone.
      assert.deepEqual(await deliverUnsentMail(platform.deps), { attempted: 0, delivered: 0 });

      smtp = await startSmtpCapture(port);
      minutesAhead = 2;
      const connectionString = await testDatabaseUrl(platform);
      const jobs = await startJobs(platform.deps, platform.database, { jobs: APP_JOBS, ...(connectionString ? { connectionString } : {}), pollingIntervalSeconds: 0.5 });
      try {
        const schedules = await jobs.boss.getSchedules();
        assert.equal(schedules.find((s) => s.name === 'mail.deliver')?.cron, '* * * * *');
        await jobs.boss.send('mail.deliver', {});
        const delivered = await waitFor('the retried mail', async () => {
          const current = await findOutboxMail(platform.deps.db, row.id);
          return current?.sentAt ? current : undefined;
        });
        assert.equal(delivered.error, null);
      } finally {
        await jobs.stop();
      }
      assert.equal(smtp.messages.length, 1);
      assert.equal(smtp.messages[0]?.parsed.subject, 'Kases paziņojums');
      assert.deepEqual(smtp.messages[0]?.envelope.to, ['janis@example.lv']);
    });

    it('a mail SMTP keeps refusing waits longer after each attempt and is given up after 12 attempts', async () => {
      minutesAhead = 0;
      const down = { ...platform.deps, config: { ...platform.deps.config, smtpUrl: 'smtp://127.0.0.1:1' } };
      const row = await sendMail(down, { agency: 'vsaa', to: 'liga@example.lv', subject: 'Nepiegādājama', text: 'Teksts' });
      const waits: number[] = [];
      for (let attempt = 2; attempt <= 12; attempt++) {
        const before = await findOutboxMail(platform.deps.db, row.id);
        assert.ok(before?.nextAttemptAt, `attempt ${attempt - 1} scheduled another`);
        waits.push(Math.round((before.nextAttemptAt.getTime() - Date.now()) / 60_000) - minutesAhead);
        minutesAhead = Math.ceil((before.nextAttemptAt.getTime() - Date.now()) / 60_000) + 1;
        const result = await deliverUnsentMail(down, { minAgeMs: 0 });
        assert.ok(result.attempted >= 1, `attempt ${attempt} was due`);
        assert.equal(result.delivered, 0);
      }
      const givenUp = await findOutboxMail(platform.deps.db, row.id);
      assert.equal(givenUp?.attempts, 12);
      assert.equal(givenUp?.nextAttemptAt, null);
      assert.ok(waits[1]! > waits[0]!, 'waits grow');
      minutesAhead += 24 * 60;
      const afterGivingUp = await deliverUnsentMail(down, { minAgeMs: 0 });
      assert.equal((await findOutboxMail(platform.deps.db, row.id))?.attempts, 12, 'not tried again');
      assert.equal(afterGivingUp.delivered, 0);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { startSmtpCapture, type SmtpCapture } from '../../features/outbox/smtp-capture.testing.ts';
import { queryRows } from '../../../test/support/sql-rows.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { findOutboxMail } from '../mail/mail.repository.ts';
import { queueMail } from '../mail/mail.ts';
import { runCommand } from './run-command.ts';

const ORIGIN = { actorId: null, actorLabel: 'test', ip: null };

for (const target of testTargets()) {
  describe(`runCommand (${target})`, () => {
    let platform: TestPlatform;
    let smtp: SmtpCapture;
    before(async () => {
      smtp = await startSmtpCapture();
      platform = await createTestPlatform(target, { config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'VSAA <no-reply@vsaa.gov.lv>' } });
    });
    after(async () => {
      await smtp.close();
      await platform.close();
    });

    const audited = async (action: string) =>
      (await queryRows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]?.n;

    it('writes the work and its audit events in one transaction, then sends the queued mail after commit', async () => {
      let sentDuringWork = -1;
      const id = await runCommand(platform.deps, ORIGIN, async (db) => {
        const mail = await queueMail({ db, clock: platform.deps.clock, config: platform.deps.config }, { agency: 'vsaa', to: 'anna@example.lv', subject: 'Atbilde', text: 'Labdien!' });
        sentDuringWork = smtp.messages.length;
        return { result: mail.id, audit: [{ action: 'test.command-a', recordType: 'test' }, { action: 'test.command-b', recordType: 'test' }], mails: [mail, null] };
      });
      assert.equal(sentDuringWork, 0, 'nothing is sent inside the transaction');
      assert.equal(smtp.messages.length, 1);
      assert.deepEqual(smtp.messages[0]?.envelope.to, ['anna@example.lv']);
      assert.ok((await findOutboxMail(platform.deps.db, id))?.sentAt instanceof Date);
      assert.equal(await audited('test.command-a'), 1);
      assert.equal(await audited('test.command-b'), 1);
    });

    it('a command that fails writes nothing, audits nothing and sends nothing', async () => {
      const sentBefore = smtp.messages.length;
      let queuedId = '';
      await assert.rejects(
        runCommand(platform.deps, ORIGIN, async (db) => {
          const mail = await queueMail({ db, clock: platform.deps.clock, config: platform.deps.config }, { agency: 'vsaa', to: 'juris@example.lv', subject: 'x', text: 'y' });
          queuedId = mail.id;
          throw new Error('the work failed');
        }),
        /the work failed/,
      );
      assert.equal(await findOutboxMail(platform.deps.db, queuedId), undefined);
      assert.equal(smtp.messages.length, sentBefore);
    });
  });
}

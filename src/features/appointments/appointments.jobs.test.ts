import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../platform/clock.ts';
import { originOf } from '../../platform/audit/audit.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { appointmentReminderJob } from './appointments.jobs.ts';
import { bookAppointment } from './booking.service.ts';

const clientOrigin = { actorId: null, actorLabel: 'client', ip: null } as ReturnType<typeof originOf>;

for (const target of testTargets()) {
  describe(`appointment reminders (${target})`, () => {
    let platform: TestPlatform;
    let now = Temporal.Instant.from('2026-11-16T07:00:00Z');
    const clock: Clock = () => now;
    before(async () => {
      platform = await createTestPlatform(target, { clock });
      const vsaa = platform.deps.agencies.get('vsaa');
      assert.ok(vsaa);
      const book = (start: string, email: string) =>
        bookAppointment(platform.deps, clientOrigin, vsaa, { service: 'dokumenti', centre: 'riga-lacplesa', start, name: 'K', email, channel: 'web', language: 'lv' });
      await book('2026-11-19T10:00:00+02:00', 'thu@example.lv'); // Thursday after the holiday
      await book('2026-11-20T10:00:00+02:00', 'fri@example.lv');
      await book('2026-11-23T10:00:00+02:00', 'mon@example.lv');
    });
    after(() => platform.close());

    const reminders = async () => {
      const result = await platform.deps.db.execute(sql.raw(`select to_address from mail_outbox where subject like 'Atgādinājums%' order by to_address`));
      return (result as unknown as { rows: Array<{ to_address: string }> }).rows.map((r) => r.to_address);
    };
    const run = async (iso: string) => {
      now = Temporal.Instant.from(iso);
      return appointmentReminderJob.handler(platform.deps, {});
    };

    it('runs on Riga time at working hours', () => {
      assert.equal(appointmentReminderJob.tz, 'Europe/Riga');
      assert.equal(appointmentReminderJob.cron, '5 8-18 * * *');
    });

    it('on Tuesday 17 Nov reminds nobody: the next working day after the holiday is Thursday', async () => {
      // Tuesday's next working day is Thursday 19 Nov (18 Nov is a holiday): Thursday's client is reminded.
      assert.deepEqual(await run('2026-11-17T08:00:00Z'), { sent: 1 });
      assert.deepEqual(await reminders(), ['thu@example.lv']);
    });

    it('on the holiday itself sends nothing', async () => {
      assert.deepEqual(await run('2026-11-18T08:00:00Z'), { sent: 0 });
    });

    it('sends each reminder once however often it runs', async () => {
      assert.deepEqual(await run('2026-11-19T08:00:00Z'), { sent: 1 });
      assert.deepEqual(await run('2026-11-19T09:00:00Z'), { sent: 0 });
      assert.deepEqual(await reminders(), ['fri@example.lv', 'thu@example.lv']);
    });

    it('on Friday reminds about Monday', async () => {
      assert.deepEqual(await run('2026-11-20T08:00:00Z'), { sent: 1 });
      assert.deepEqual(await reminders(), ['fri@example.lv', 'mon@example.lv', 'thu@example.lv']);
      const body = await platform.deps.db.execute(sql.raw(`select body_text from mail_outbox where to_address = 'mon@example.lv' and subject like 'Atgādinājums%'`));
      assert.match((body as unknown as { rows: Array<{ body_text: string }> }).rows[0]?.body_text ?? '', /personu apliecinošu dokumentu/);
    });

    it('the reminder carries the manage link, and the link opens the appointment (and only that one)', async () => {
      const body = await platform.deps.db.execute(sql.raw(`select body_text from mail_outbox where to_address = 'mon@example.lv' and subject like 'Atgādinājums%'`));
      const text = (body as unknown as { rows: Array<{ body_text: string }> }).rows[0]?.body_text ?? '';
      const link = /Pārvaldīt pierakstu \(atcelt, mainīt laiku, paziņot par kavēšanos\): (\S+)/.exec(text)?.[1];
      assert.ok(link, text);
      const url = new URL(link);
      assert.match(url.pathname, /^\/vsaa\/pieraksts\/mans\/[0-9a-f-]{36}$/);
      const page = await platform.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Jūsu pieraksts/);
      // The same token on another appointment, or a changed token, opens nothing.
      const other = await platform.deps.db.execute(sql.raw(`select id from appointments where client_email = 'thu@example.lv'`));
      const otherId = (other as unknown as { rows: Array<{ id: string }> }).rows[0]?.id ?? '';
      assert.equal((await platform.app.inject({ method: 'GET', url: `/vsaa/pieraksts/mans/${otherId}${url.search}` })).statusCode, 404);
      const token = url.searchParams.get('token') ?? '';
      const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      assert.equal((await platform.app.inject({ method: 'GET', url: `${url.pathname}?token=${encodeURIComponent(changed)}` })).statusCode, 404);
    });
  });
}

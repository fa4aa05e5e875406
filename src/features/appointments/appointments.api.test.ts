import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { z } from 'zod';
import { BookingCreatedSchema, SlotSchema } from './appointments.schema.ts';
import { findAppointmentForCheckIn, markAppointmentArrived, markAppointmentOutcome } from './appointment-checkin.ts';

// Monday 16 November 2026, 09:00 in Riga. 18 November is a public holiday, 17 November is shortened.
const NOW = '2026-11-16T07:00:00Z';
const booking = { service: 'pensijas', centre: 'riga-lacplesa', start: '2026-11-19T09:05:00+02:00', name: 'Anna Bērziņa', email: 'anna@example.lv' };

async function count(platform: TestPlatform, table: string, where = 'true'): Promise<number> {
  const result = await platform.deps.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0;
}

for (const target of testTargets()) {
  describe(`appointments API (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
    });
    after(() => platform.close());

    const post = (slug: string, payload: unknown) => platform.app.inject({ method: 'POST', url: `/api/v1/agencies/${slug}/appointments`, payload: payload as object });

    it('lists centres and video locations with their services', async () => {
      const response = await platform.app.inject({ url: '/api/v1/agencies/vsaa/centres' });
      assert.equal(response.statusCode, 200);
      const { centres } = response.json() as { centres: Array<{ id: string; video: boolean; services: Array<{ id: string; durationMinutes: number }> }> };
      const riga = centres.find((c) => c.id === 'riga-lacplesa');
      assert.deepEqual(riga?.services.find((s) => s.id === 'pensijas')?.durationMinutes, 30);
      assert.equal(riga?.video, false);
      assert.ok(centres.some((c) => c.video && c.services.some((s) => s.id === 'videokonsultacija')));
      assert.equal((await platform.app.inject({ url: '/api/v1/agencies/nav/centres' })).statusCode, 404);
    });

    it('lists free slots with offsets, skipping the holiday and the shortened hour', async () => {
      const response = await platform.app.inject({ url: '/api/v1/agencies/vsaa/slots?service=dokumenti&centre=riga-lacplesa&from=2026-11-16&to=2026-11-19' });
      assert.equal(response.statusCode, 200);
      const { slots } = response.json() as { slots: Array<{ start: string; end: string; free: number; centre: string }> };
      assert.equal(slots[0]?.start, '2026-11-16T09:15:00+02:00', 'the 09:00 slot starts now: no longer offered');
      assert.ok(!slots.some((s) => s.start.startsWith('2026-11-18')));
      assert.equal(slots.filter((s) => s.start.startsWith('2026-11-17')).at(-1)?.end, '2026-11-17T16:00:00+02:00');
      assert.ok(slots.every((s) => s.free >= 1 && s.centre === 'riga-lacplesa'));
      // The route skips response re-validation for speed: the answer must still be exactly what the schema documents.
      assert.equal(z.object({ slots: z.array(SlotSchema.strict()) }).strict().safeParse(response.json()).success, true);
    });

    it('counts seats down as they are taken: a 2-seat slot shows 2, then 1, then is gone', async () => {
      const slot = '2026-11-23T09:40:00+02:00';
      const url = '/api/v1/agencies/vsaa/slots?service=pabalsti&centre=riga-lacplesa&from=2026-11-23&to=2026-11-23';
      const freeAt = async () => ((await platform.app.inject({ url })).json() as { slots: Array<{ start: string; free: number }> }).slots.find((s) => s.start === slot)?.free;
      assert.equal(await freeAt(), 2);
      const take = { service: 'pabalsti', centre: 'riga-lacplesa', start: slot, phone: '+371 20000000' };
      assert.equal((await post('vsaa', { ...take, name: 'Pirmais' })).statusCode, 201);
      assert.equal(await freeAt(), 1);
      assert.equal((await post('vsaa', { ...take, name: 'Otrais' })).statusCode, 201);
      assert.equal(await freeAt(), undefined, 'a full slot is not offered');
      assert.equal((await post('vsaa', { ...take, name: 'Trešais' })).statusCode, 409);
    });

    it('the Treasury offers nothing inside two working days', async () => {
      const response = await platform.app.inject({ url: '/api/v1/agencies/kase/slots?service=konti&from=2026-11-16&to=2026-11-20' });
      const { slots } = response.json() as { slots: Array<{ start: string }> };
      assert.ok(slots.length > 0);
      assert.ok(slots.every((s) => s.start >= '2026-11-19'), slots[0]?.start);
    });

    it('refuses bad slot queries', async () => {
      for (const query of ['service=nav&from=2026-11-16&to=2026-11-19', 'service=pensijas&centre=nav&from=2026-11-16&to=2026-11-19', 'service=pensijas&centre=adazi&from=2026-11-16&to=2026-11-19']) {
        assert.equal((await platform.app.inject({ url: `/api/v1/agencies/vsaa/slots?${query}` })).statusCode, 422, query);
      }
      for (const query of ['service=pensijas&from=2026-11-19&to=2026-11-16', 'service=pensijas&from=bad&to=2026-11-16', 'service=pensijas&from=2026-01-01&to=2026-12-31']) {
        assert.equal((await platform.app.inject({ url: `/api/v1/agencies/vsaa/slots?${query}` })).statusCode, 400, query);
      }
      // The refinements' words come from the catalog, in the asker's language.
      const words = async (query: string, lang: string) =>
        ((await platform.app.inject({ url: `/api/v1/agencies/vsaa/slots?${query}`, headers: { 'accept-language': lang } })).json() as { errors: Array<{ field: string; message: string }> }).errors.find((e) => e.field === 'to')?.message;
      assert.equal(await words('service=pensijas&from=2026-11-19&to=2026-11-16', 'lv'), 'Beigu datums nevar būt pirms sākuma datuma.');
      assert.equal(await words('service=pensijas&from=2026-11-19&to=2026-11-16', 'en'), 'The end date cannot be before the start date.');
      assert.equal(await words('service=pensijas&from=2026-01-01&to=2026-12-31', 'lv'), 'Meklējiet ne vairāk kā 62 dienas vienā reizē.');
    });

    it('100 concurrent bookings of one seat: exactly one 201, the rest 409 with the nearest free slots', async () => {
      const start = '2026-11-20T10:15:00+02:00';
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => post('vsaa', { ...booking, start, name: `Klients ${i}`, email: `k${i}@example.lv` })),
      );
      const statuses = responses.map((r) => r.statusCode);
      assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses.filter((s) => s !== 409 && s !== 201)));
      assert.equal(statuses.filter((s) => s === 409).length, 99);
      const conflict = responses.find((r) => r.statusCode === 409);
      assert.match(String(conflict?.headers['content-type']), /application\/problem\+json/);
      const problem = conflict?.json() as { code: string; title: string; nearestSlots: Array<{ start: string }> };
      assert.equal(problem.code, 'slot-taken');
      assert.match(problem.title, /aizņemts/);
      assert.ok(problem.nearestSlots.length > 0);
      assert.ok(!problem.nearestSlots.some((s) => s.start === start));
      assert.equal(await count(platform, 'appointments', `starts_at = '${start}'`), 1);
      assert.equal(await count(platform, 'appointment_slots', `starts_at = '${start}' and taken = 1 and capacity = 1`), 1);
      // The seat, the appointment, its audit row and the mail are one statement: the 99 refused left none of them.
      const winner = await platform.deps.db.execute(sql.raw(`select id::text, client_email from appointments where starts_at = '${start}'`));
      const { id, client_email: email } = (winner as unknown as { rows: Array<{ id: string; client_email: string }> }).rows[0] ?? { id: '', client_email: '' };
      assert.equal(await count(platform, 'audit_log', `action = 'appointment.booked' and details->>'start' = '${start}'`), 1);
      assert.equal(await count(platform, 'audit_log', `action = 'appointment.booked' and record_id = '${id}'`), 1);
      assert.equal(await count(platform, 'mail_outbox', `to_address like 'k%@example.lv'`), 1);
      assert.equal(await count(platform, 'mail_outbox', `to_address = '${email}'`), 1);
    });

    it('books, shows with the manage token only, and the booking code finds it for check-in', async () => {
      const response = await post('vsaa', booking);
      assert.equal(response.statusCode, 201);
      // The route sends its answer as built (answerAsBuilt): exactly the fields of its schema, nothing more.
      const created = BookingCreatedSchema.strict().parse(response.json());
      assert.equal(created.start, '2026-11-19T09:05:00+02:00');
      assert.equal(created.end, '2026-11-19T09:35:00+02:00');
      assert.equal(created.centre, 'riga-lacplesa');
      assert.match(created.bookingCode, /^[A-Z0-9]{6}$/);

      const bearer = await platform.app.inject({ url: `/api/v1/appointments/${created.id}`, headers: { authorization: `Bearer ${created.manageToken}` } });
      assert.equal(bearer.statusCode, 200);
      assert.equal((bearer.json() as { status: string }).status, 'booked');
      assert.equal((await platform.app.inject({ url: `/api/v1/appointments/${created.id}?token=${created.manageToken}` })).statusCode, 200);
      // The last character changed (a token that already ends in x gets a y: one in 64 tokens made this test flaky).
      const otherLast = created.manageToken.endsWith('x') ? 'y' : 'x';
      const tampered = await platform.app.inject({ url: `/api/v1/appointments/${created.id}?token=${created.manageToken.slice(0, -1)}${otherLast}` });
      const missing = await platform.app.inject({ url: `/api/v1/appointments/00000000-0000-4000-8000-000000000000?token=${created.manageToken}` });
      const none = await platform.app.inject({ url: `/api/v1/appointments/${created.id}` });
      assert.deepEqual([tampered.statusCode, missing.statusCode, none.statusCode], [404, 404, 404]);
      assert.equal(tampered.body, missing.body);

      const row = await platform.deps.db.execute(sql.raw(`select manage_token_hash from appointments where id = '${created.id}'`));
      assert.notEqual((row as unknown as { rows: Array<{ manage_token_hash: string }> }).rows[0]?.manage_token_hash, created.manageToken);

      const mail = await platform.deps.db.execute(sql.raw(`select subject, body_text, attachments from mail_outbox where to_address = 'anna@example.lv'`));
      const mailRow = (mail as unknown as { rows: Array<{ subject: string; body_text: string; attachments: Array<{ fileName: string; contentBase64: string }> }> }).rows[0];
      assert.ok(mailRow, 'confirmation queued');
      assert.match(mailRow.body_text, /Lāčplēša iela 70A/);
      assert.match(mailRow.body_text, /personu apliecinošu dokumentu/);
      assert.match(mailRow.body_text, new RegExp(`/vsaa/pieraksts/mans/${created.id}\\?token=`));
      assert.match(mailRow.body_text, new RegExp(created.bookingCode));
      const ics = Buffer.from(mailRow.attachments[0]?.contentBase64 ?? '', 'base64').toString();
      assert.match(ics, /BEGIN:VEVENT/);
      assert.match(ics, /DTSTART[^\n]*20261119T070500Z/);

      const found = await findAppointmentForCheckIn(platform.deps.db, 'vsaa', 'riga-lacplesa', created.bookingCode.toLowerCase());
      assert.equal(found?.id, created.id);
      assert.equal(found?.status, 'booked');
      assert.equal(found?.start.toISOString(), '2026-11-19T07:05:00.000Z');
      assert.equal(await findAppointmentForCheckIn(platform.deps.db, 'vsaa', 'daugavpils', created.bookingCode), undefined);
      assert.equal(await findAppointmentForCheckIn(platform.deps.db, 'kase', 'riga-lacplesa', created.bookingCode), undefined);
      assert.equal(await findAppointmentForCheckIn(platform.deps.db, 'vsaa', 'riga-lacplesa', 'nonsense'), undefined);

      const at = new Date('2026-11-19T07:00:00Z');
      assert.equal(await markAppointmentOutcome(platform.deps.db, created.id, 'served', at), false, 'not arrived yet');
      assert.equal(await markAppointmentArrived(platform.deps.db, created.id, at), true);
      assert.equal(await markAppointmentArrived(platform.deps.db, created.id, at), false, 'only once');
      assert.equal(await markAppointmentOutcome(platform.deps.db, created.id, 'served', at), true);
      assert.equal(await markAppointmentOutcome(platform.deps.db, created.id, 'no-show', at), false);
      assert.equal((await findAppointmentForCheckIn(platform.deps.db, 'vsaa', 'riga-lacplesa', created.bookingCode))?.status, 'served');
    });

    it('refuses each bad time with its own reason and writes nothing', async () => {
      const before = await count(platform, 'appointments');
      const cases: Array<[string, unknown, string, string, RegExp]> = [
        ['vsaa', { ...booking, start: '2026-11-16T08:30:00+02:00' }, 'start', 'past', /pagājis/],
        ['vsaa', { ...booking, start: '2026-11-18T09:05:00+02:00' }, 'start', 'non-working-day', /nestrādā/],
        ['vsaa', { ...booking, start: '2026-11-19T07:00:00+02:00' }, 'start', 'outside-hours', /darba laika/],
        ['vsaa', { ...booking, start: '2026-11-19T09:10:00+02:00' }, 'start', 'not-slot-start', /piedāvātos/],
        ['kase', { ...booking, service: 'konti', centre: 'riga-smilsu', start: '2026-11-17T09:00:00+02:00', reason: 'Nav e-paraksta' }, 'start', 'min-notice', /2 darbdienas/],
        ['vsaa', { ...booking, start: '2026-12-17T09:05:00+02:00' }, 'start', 'beyond-horizon', /tālu/],
        ['vsaa', { ...booking, centre: 'adazi' }, 'start', 'service-not-offered', /netiek sniegts/],
        ['vsaa', { ...booking, centre: 'nav' }, 'centre', 'unknown-centre', /centrs nav atrodams/],
        ['vsaa', { ...booking, service: 'nav' }, 'service', 'unknown-service', /pakalpojums nav atrodams/],
        ['kase', { ...booking, service: 'konti', centre: 'riga-smilsu', start: '2026-11-19T09:00:00+02:00' }, 'reason', 'required', /elektroniski/],
      ];
      for (const [slug, payload, field, code, message] of cases) {
        const response = await post(slug, payload);
        assert.equal(response.statusCode, 422, code);
        const problem = response.json() as { errors: Array<{ field: string; code: string; message: string }> };
        assert.equal(problem.errors[0]?.field, field, code);
        assert.equal(problem.errors[0]?.code, code);
        assert.match(problem.errors[0]?.message ?? '', message, code);
      }
      for (const [payload, field] of [
        [{ ...booking, email: undefined }, 'email'],
        [{ ...booking, personalCode: '010190-10002' }, 'personalCode'],
        [{ ...booking, start: '2026-11-19 09:05' }, 'start'],
        [{ ...booking, name: '' }, 'name'],
      ] as const) {
        const response = await post('vsaa', payload);
        assert.equal(response.statusCode, 400, field);
        assert.ok((response.json() as { errors: Array<{ field: string }> }).errors.some((e) => e.field === field), field);
      }
      assert.equal(await count(platform, 'appointments'), before);
    });

    it('a Treasury booking with a reason two working days ahead succeeds', async () => {
      const response = await post('kase', { ...booking, service: 'konti', centre: 'riga-smilsu', start: '2026-11-19T09:00:00+02:00', reason: 'Nav drošā e-paraksta' });
      assert.equal(response.statusCode, 201, response.body);
    });

    it('the same idempotency key twice makes one appointment', async () => {
      const payload = { ...booking, start: '2026-11-19T10:15:00+02:00', idempotencyKey: 'form-key-123456' };
      const [first, second] = await Promise.all([post('vsaa', payload), post('vsaa', payload)]);
      assert.deepEqual([first?.statusCode, second?.statusCode].sort(), [200, 201]);
      assert.equal((first?.json() as { id: string }).id, (second?.json() as { id: string }).id);
      const repeated = [first, second].find((r) => r?.statusCode === 200);
      BookingCreatedSchema.omit({ manageToken: true }).strict().parse(repeated?.json());
      assert.equal(await count(platform, 'appointments', `idempotency_key = 'form-key-123456'`), 1);
    });

    it('the client reschedules, announces lateness and cancels; the seats follow', async () => {
      const created = (await post('vsaa', { ...booking, start: '2026-11-19T11:25:00+02:00' })).json() as { id: string; manageToken: string };
      const auth = { authorization: `Bearer ${created.manageToken}` };
      const moved = await platform.app.inject({ method: 'PATCH', url: `/api/v1/appointments/${created.id}`, headers: auth, payload: { start: '2026-11-19T12:00:00+02:00' } });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal((moved.json() as { start: string }).start, '2026-11-19T12:00:00+02:00');
      assert.equal(await count(platform, 'appointment_slots', `starts_at = '2026-11-19T11:25:00+02:00' and taken = 0`), 1);
      const badMove = await platform.app.inject({ method: 'PATCH', url: `/api/v1/appointments/${created.id}`, headers: auth, payload: { start: '2026-11-18T12:00:00+02:00' } });
      assert.equal(badMove.statusCode, 422);
      const late = await platform.app.inject({ method: 'PATCH', url: `/api/v1/appointments/${created.id}`, headers: auth, payload: { lateMinutes: 10 } });
      assert.equal((late.json() as { lateMinutes: number }).lateMinutes, 10);
      const cancelled = await platform.app.inject({ method: 'DELETE', url: `/api/v1/appointments/${created.id}`, headers: auth });
      assert.equal((cancelled.json() as { status: string }).status, 'cancelled');
      assert.equal(await count(platform, 'appointment_slots', `starts_at = '2026-11-19T12:00:00+02:00' and taken = 0`), 1);
      const again = await platform.app.inject({ method: 'DELETE', url: `/api/v1/appointments/${created.id}`, headers: auth });
      assert.equal(again.statusCode, 410);
      assert.match((again.json() as { title: string }).title, /vairs nav derīga/);
      const audit = await count(platform, 'audit_log', `record_id = '${created.id}'`);
      assert.equal(audit, 4, 'booked, rescheduled, late, cancelled');
      await platform.app.inject({ url: `/api/v1/appointments/${created.id}`, headers: auth });
      assert.equal(await count(platform, 'audit_log', `record_id = '${created.id}' and action = 'appointment.viewed'`), 1, 'the client’s view is audited');
    });

    it('appears in the OpenAPI document', async () => {
      const doc = (await platform.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
      for (const path of ['/api/v1/agencies/{slug}/centres', '/api/v1/agencies/{slug}/slots', '/api/v1/agencies/{slug}/appointments', '/api/v1/appointments/{id}']) {
        assert.ok(doc.paths[path], path);
      }
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { findService, placesOf } from '../appointments/places.ts';
import { freeSlots } from '../appointments/slot-search.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { movableClock, rows } from '../feedback/feedback.testing.ts';

// /{agency}/mani lists the client's appointments with a manage page authorised by the session itself (no manage
// token), and their open callbacks with window and status.

const MANI = '/vsaa/mani';

for (const target of testTargets()) {
  describe(`client's own matters: appointments managed from /{agency}/mani, open callbacks (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-12-01T08:00:00Z'); // Tuesday 10:00 in Riga
    const ids: Record<string, string> = {};
    let ipCounter = 1;
    const client = () => {
      const remoteAddress = `10.1.0.${ipCounter++}`;
      const app = { inject: (options: object) => platform.app.inject({ ...options, remoteAddress } as never) };
      return new TestBrowser(app as unknown as TestPlatform['app']);
    };
    const one = async <T,>(query: ReturnType<typeof sql>) => (await rows<T>(platform, query))[0];

    /** Books a real free slot through the public API for this e-mail address; returns the appointment's id. */
    async function book(email: string, agency: string, skip: number): Promise<string> {
      const profile = platform.deps.agencies.get(agency);
      assert.ok(profile);
      const service = profile.services[0];
      assert.ok(service);
      const centres = placesOf(profile).filter((p) => p.kind === 'centre');
      const today = Temporal.PlainDate.from('2026-12-01');
      const free = await freeSlots(platform.deps.db, await loadCalendar(platform.deps), platform.deps.clock(), profile, findService(profile, service.id)!, centres, {
        from: today.add({ days: 1 }).toString(),
        to: today.add({ days: 14 }).toString(),
      });
      const slot = free[skip];
      assert.ok(slot, 'a free slot');
      const res = await platform.app.inject({ method: 'POST', url: `/api/v1/agencies/${agency}/appointments`, payload: { centre: slot.centre, service: service.id, start: slot.startIso, name: 'Anna Kalniņa', email, ...(agency === 'kase' ? { reason: 'Nav e-paraksta' } : {}) } });
      assert.equal(res.statusCode, 201, res.body);
      return (res.json() as { id: string }).id;
    }

    async function signedIn(email: string): Promise<TestBrowser> {
      time.advance({ minutes: 6 }); // at most three links per address in 15 minutes
      const browser = client();
      assert.equal((await browser.submitForm(MANI, MANI, { email })).statusCode, 303);
      const [mail] = await rows<{ body_text: string }>(platform, sql`select body_text from mail_outbox where to_address = ${email} and subject like '%pieteikšanās saite%' order by created_at desc, id desc limit 1`);
      const token = /token=([A-Za-z0-9_-]{43})/.exec(mail?.body_text ?? '')?.[1];
      assert.ok(token, 'a sign-in link was mailed');
      assert.equal((await browser.submitForm(`${MANI}/ieiet?token=${token}`, `${MANI}/ieiet`, { token })).statusCode, 303);
      return browser;
    }

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      ids.anna = await book('anna@example.test', 'vsaa', 0);
      ids.other = await book('peteris@example.test', 'vsaa', 1);
      ids.kase = await book('anna@example.test', 'kase', 0);
      const at = '2026-12-01T07:00:00Z';
      const callback = (email: string | null, status: string, from: string, to: string) =>
        platform.deps.db.execute(sql`insert into phone_callbacks (agency, topic, name, phone, email, window_from, window_to, requested_at, call_by, status)
          values ('vsaa', 'pensijas', 'Anna Kalniņa', '+37120000000', ${email}, ${from}::timestamptz, ${to}::timestamptz, ${at}::timestamptz, ${to}::timestamptz, ${status})`);
      await callback(' Anna@Example.test ', 'open', '2026-12-02T07:00:00Z', '2026-12-02T09:00:00Z');
      await callback('anna@example.test', 'reached', '2026-11-30T07:00:00Z', '2026-11-30T09:00:00Z');
      await callback('peteris@example.test', 'open', '2026-12-03T07:00:00Z', '2026-12-03T09:00:00Z');
      await callback('tikai-zvans@example.test', 'taken', '2026-12-04T10:00:00Z', '2026-12-04T12:00:00Z');
    });
    after(() => platform.close());

    it('the list links each appointment to its manage page under /mani and shows open callbacks with window and status', async () => {
      const browser = await signedIn('anna@example.test');
      const list = await browser.get(`${MANI}?lang=lv`);
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.includes(`href="${MANI}/pieraksti/${ids.anna}"`), 'a manage link for her appointment');
      assert.ok(!list.body.includes(ids.other as string) && !list.body.includes(ids.kase as string), 'nobody else’s, no other agency’s');
      assert.match(list.body, /Atzvanīšanas pieprasījumi[\s\S]*Gaida zvanu\. Vēlamais zvana laiks: trešdiena, 2\. decembris[^<]*09:00–11:00/);
      assert.equal((list.body.match(/Vēlamais zvana laiks/g) ?? []).length, 1, 'only the open callback of hers');
      const [audit] = await rows<{ details: { callbacks: string[]; appointments: string[] } }>(platform, sql`select details from audit_log where action = 'client-access.matters-viewed' order by at desc, id desc limit 1`);
      assert.equal(audit?.details.callbacks.length, 1);
      assert.deepEqual(audit?.details.appointments, [ids.anna]);
      const en = await browser.get(`${MANI}?lang=en`);
      assert.match(en.body, /Waiting for our call\. Preferred time of the call: Wednesday 2 December at 09:00–11:00/);
      assert.ok(en.body.includes(`href="${MANI}/pieraksti/${ids.anna}?lang=en"`));
    });

    it('a client with only an open callback gets a sign-in link and sees it', async () => {
      const browser = await signedIn('tikai-zvans@example.test');
      const list = await browser.get(`${MANI}?lang=en`);
      assert.match(list.body, /A member of staff is dealing with it/);
    });

    it('the session opens the manage page of her own appointment (audited), never another person’s or agency’s', async () => {
      const browser = await signedIn('anna@example.test');
      const page = await browser.get(`${MANI}/pieraksti/${ids.anna}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Atcelt pierakstu|Atcelt/);
      assert.doesNotMatch(page.body, /name="token"/, 'no manage token is issued or carried');
      assert.ok(page.body.includes(`href="${MANI}"`), 'a link back to her matters');
      const viewed = await one<{ details: { by: string; via: string } }>(sql`select details from audit_log where action = 'appointment.viewed' and record_id = ${ids.anna} order by at desc, id desc limit 1`);
      assert.deepEqual(viewed?.details, { by: 'client', via: 'client-session' });
      for (const id of [ids.other, ids.kase, '00000000-0000-4000-8000-000000000000', 'nav-id']) {
        const refused = await browser.get(`${MANI}/pieraksti/${id}`);
        assert.equal(refused.statusCode, 404, String(id));
        assert.doesNotMatch(refused.body, /peteris|Anna Kalniņa/);
      }
      const cancel = await browser.request({ method: 'POST', url: `${MANI}/pieraksti/${ids.other}/atcelt`, form: { _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '' } });
      assert.equal(cancel.statusCode, 404);
      assert.equal((await one<{ status: string }>(sql`select status from appointments where id = ${ids.other}`))?.status, 'booked');
    });

    it('without a session (never, signed out or expired): the session-ended page (403), nothing changed', async () => {
      const stranger = client();
      const page = await stranger.get(`${MANI}/pieraksti/${ids.anna}`);
      assert.equal(page.statusCode, 403);
      assert.match(page.body, /Sesija ir beigusies/);
      const browser = await signedIn('anna@example.test');
      const form = await browser.get(`${MANI}/pieraksti/${ids.anna}`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      time.advance({ minutes: 31 });
      const late = await browser.request({ method: 'POST', url: `${MANI}/pieraksti/${ids.anna}/atcelt`, form: { _csrf: csrf } });
      assert.equal(late.statusCode, 403);
      assert.equal((await one<{ status: string }>(sql`select status from appointments where id = ${ids.anna}`))?.status, 'booked');
    });

    it('a post without the CSRF token is refused (403), nothing changed', async () => {
      const browser = await signedIn('anna@example.test');
      const res = await browser.request({ method: 'POST', url: `${MANI}/pieraksti/${ids.anna}/atcelt`, form: {} });
      assert.equal(res.statusCode, 403);
      assert.equal((await one<{ status: string }>(sql`select status from appointments where id = ${ids.anna}`))?.status, 'booked');
    });

    it('late notice, reschedule and cancel from the session, each audited as the client’s via the session', async () => {
      const browser = await signedIn('anna@example.test');
      const base = `${MANI}/pieraksti/${ids.anna}`;
      const late = await browser.submitForm(base, `${base}/kavejums`, { lateMinutes: '15' });
      assert.equal(late.statusCode, 303);
      assert.equal(late.headers.location, `${base}?done=late`);
      assert.equal((await one<{ late_minutes: number }>(sql`select late_minutes from appointments where id = ${ids.anna}`))?.late_minutes, 15);
      const bad = await browser.submitForm(base, `${base}/kavejums`, { lateMinutes: '999' });
      assert.equal(bad.statusCode, 422);

      const before = await one<{ starts_at: Date | string }>(sql`select starts_at from appointments where id = ${ids.anna}`);
      const day = Temporal.Instant.from(new Date(before!.starts_at).toISOString()).toZonedDateTimeISO('Europe/Riga').toPlainDate().add({ days: 1 });
      let times = await browser.get(`${base}?day=${day.toString()}`);
      let start = /name="start"(?: checked="")? value="([^"]+)"/.exec(times.body)?.[1];
      for (let d = 2; !start && d < 10; d++) {
        times = await browser.get(`${base}?day=${day.add({ days: d }).toString()}`);
        start = /name="start"(?: checked="")? value="([^"]+)"/.exec(times.body)?.[1];
      }
      assert.ok(start, 'a free time to move to');
      const moved = await browser.submitForm(base, `${base}/parcelt`, { start: start.replace(/&#x2B;|&#43;/g, '+') });
      assert.equal(moved.statusCode, 303);
      assert.equal(moved.headers.location, `${base}?done=moved`);
      const after = await one<{ starts_at: Date | string }>(sql`select starts_at from appointments where id = ${ids.anna}`);
      assert.notEqual(new Date(after!.starts_at).toISOString(), new Date(before!.starts_at).toISOString());

      const asked = await browser.submitForm(`${base}?lang=en`, `${base}/atcelt?lang=en`, {});
      assert.equal(asked.statusCode, 200, 'without confirm=yes the page only asks');
      assert.match(asked.body, /Are you sure you want to cancel the appointment\?/);
      assert.equal((await one<{ status: string }>(sql`select status from appointments where id = ${ids.anna}`))?.status, 'booked');
      const cancelled = await browser.submitForm(`${base}?lang=en`, `${base}/atcelt?lang=en`, { confirm: 'yes' });
      assert.equal(cancelled.statusCode, 303);
      assert.equal(cancelled.headers.location, `${base}?done=cancelled&lang=en`);
      assert.equal((await one<{ status: string }>(sql`select status from appointments where id = ${ids.anna}`))?.status, 'cancelled');
      const done = await browser.get(cancelled.headers.location as string);
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /Back to my matters/);
      const audits = await rows<{ action: string; details: { by?: string; via: string } }>(platform, sql`select action, details from audit_log where record_id = ${ids.anna} and action in ('appointment.late', 'appointment.rescheduled', 'appointment.cancelled') order by at, id`);
      assert.deepEqual(audits.map((a) => [a.action, a.details.via]), [
        ['appointment.late', 'client-session'],
        ['appointment.rescheduled', 'client-session'],
        ['appointment.cancelled', 'client-session'],
      ]);
      assert.doesNotMatch(done.body, /action="[^"]*\/atcelt/, 'a cancelled appointment offers no cancel form');
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await browser.get(MANI)).body)?.[1] ?? '';
      const again = await browser.request({ method: 'POST', url: `${base}/atcelt`, form: { _csrf: csrf } });
      assert.equal(again.statusCode, 410);
      const list = await browser.get(`${MANI}?lang=lv`);
      assert.equal(list.statusCode, 200, `${list.statusCode} ${JSON.stringify(list.headers)}`);
      assert.match(list.body, /Atcelts/);
    });
  });
}

// One queue ticket for staff, opened from the tickets that waited longest behind a queue figure (issue 19):
// audited like any read, bound to the agency, the roles of the figures; no more than the ticket itself.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { movableClock } from '../feedback/feedback.testing.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { refreshDays } from '../standard-figures/refresh.service.ts';
import { exec } from '../standard-figures/standard-figures.testing.ts';

type TicketInput = { agency: string; centre: string; service: string; number: string; issuedAt: string; calledAt: string | null; finishedAt: string | null; status: string; counter: number | null; appointment?: string };

async function ticket(p: TestPlatform, t: TicketInput): Promise<string> {
  const id = randomUUID();
  const day = '2027-01-12';
  await exec(p, sql`insert into queue_tickets (id, agency, centre_id, service_id, day, running_number, number, status, channel, issued_at, first_called_at, called_at, finished_at, counter_no, recalls, appointment_id, updated_at)
    values (${id}, ${t.agency}, ${t.centre}, ${t.service}, ${day}, ${Number(t.number.replace(/\D/g, ''))}, ${t.number}, ${t.status}, 'kiosk', ${t.issuedAt}, ${t.calledAt}, ${t.calledAt}, ${t.finishedAt}, ${t.counter}, ${t.calledAt ? 1 : 0}, ${t.appointment ?? null}, ${t.issuedAt})`);
  return id;
}

for (const target of testTargets()) {
  describe(`a queue ticket's page for staff (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2027-01-20T10:00:00Z');
    let served = '';
    let waiting = '';
    let vsaaTicket = '';
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let specialist: TestBrowser;
    let vsaaSupervisor: TestBrowser;

    const audits = async (id: string) => Number((await exec(platform, sql`select count(*)::int as n from audit_log where action = 'queue.ticket-viewed' and record_id = ${id}`))[0]?.n);

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      const p = platform;
      // A booked visit checked in at the Treasury: its client's name must never reach the ticket's page.
      const slot = randomUUID();
      const appointment = randomUUID();
      await exec(p, sql`insert into appointment_slots (id, agency, centre_id, service_id, starts_at, ends_at, capacity, taken) values (${slot}, 'kase', 'riga-smilsu', 'konti', '2027-01-12T09:00:00Z', '2027-01-12T09:30:00Z', 1, 1)`);
      await exec(p, sql`insert into appointments (id, agency, centre_id, service_id, slot_id, starts_at, ends_at, status, booking_code, manage_token_hash, channel, client_name)
        values (${appointment}, 'kase', 'riga-smilsu', 'konti', ${slot}, '2027-01-12T09:00:00Z', '2027-01-12T09:30:00Z', 'served', 'BK-77', 'h', 'web', 'Anna Kalniņa')`);
      // Taken 10:00:00 Riga (08:00 UTC), first called 10:42:50 → waited 42 whole minutes; served at counter 3 until 10:55.
      served = await ticket(p, { agency: 'kase', centre: 'riga-smilsu', service: 'konti', number: 'K042', issuedAt: '2027-01-12T08:00:00Z', calledAt: '2027-01-12T08:42:50Z', finishedAt: '2027-01-12T08:55:00Z', status: 'served', counter: 3, appointment });
      waiting = await ticket(p, { agency: 'kase', centre: 'riga-smilsu', service: 'parakstu-kartites', number: 'P007', issuedAt: '2027-01-12T08:10:00Z', calledAt: null, finishedAt: null, status: 'waiting', counter: null });
      vsaaTicket = await ticket(p, { agency: 'vsaa', centre: 'riga-lacplesa', service: 'pensijas', number: 'P001', issuedAt: '2027-01-12T08:00:00Z', calledAt: '2027-01-12T08:05:00Z', finishedAt: null, status: 'called', counter: 1 });
      await refreshDays(p.deps, 'kase', '2027-01-01', '2027-01-20');
      supervisor = await signedInStaff(p, 'vaditajs@kase.test', 'kase', 'supervisor');
      auditor = await signedInStaff(p, 'revidents@kase.test', 'kase', 'auditor');
      specialist = await signedInStaff(p, 'specialists@kase.test', 'kase', 'specialist');
      vsaaSupervisor = await signedInStaff(p, 'vaditajs@vsaa.test', 'vsaa', 'supervisor');
    });
    after(() => platform.close());

    it('shows number, centre, service, issued / called / closed times, the wait, the counter and the outcome (LV and EN); the read is audited', async () => {
      const before = await audits(served);
      const res = await supervisor.get(`/staff/kase/rinda/biletes/${served}?lang=lv`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      const main = res.body.slice(res.body.indexOf('<main'));
      assert.match(main, /<h1>Rindas biļete K042<\/h1>/);
      assert.match(main, /<dt>Centrs<\/dt><dd>Valsts kases klientu apkalpošanas centrs<\/dd>/);
      assert.match(main, /<dt>Pakalpojums<\/dt><dd>Kontu atvēršana un slēgšana<\/dd>/);
      assert.match(main, /<dt>Biļete izsniegta<\/dt><dd><time dateTime="2027-01-12T08:00:00.000Z">12\.01\.2027\.? 10:00:00<\/time><\/dd>/);
      assert.match(main, /<dt>Pirmo reizi izsaukta<\/dt><dd><time dateTime="2027-01-12T08:42:50.000Z">[^<]*10:42:50<\/time><\/dd>/);
      assert.match(main, /<dt>Noslēgta<\/dt><dd><time dateTime="2027-01-12T08:55:00.000Z">[^<]*10:55:00<\/time><\/dd>/);
      assert.match(main, /<dt>Gaidīja līdz izsaukumam \(pilnas minūtes\)<\/dt><dd>42<\/dd>/);
      assert.match(main, /<dt>Lodziņš<\/dt><dd>3<\/dd>/);
      assert.match(main, /<dt>Iznākums<\/dt><dd>Apkalpots<\/dd>/);
      assert.match(main, /<dt>Ar iepriekšēju pierakstu<\/dt><dd>Jā<\/dd>/);
      for (const personal of ['Anna', 'Kalniņa', 'BK-77']) assert.ok(!res.body.includes(personal), `${personal}: no more personal data than needed`);
      assert.equal(await audits(served), before + 1);
      const [row] = await exec(platform, sql`select actor_label, agency, record_type from audit_log where action = 'queue.ticket-viewed' and record_id = ${served} order by at desc limit 1`);
      assert.deepEqual({ agency: row?.agency, type: row?.record_type }, { agency: 'kase', type: 'queue-ticket' });

      const en = await supervisor.get(`/staff/kase/rinda/biletes/${waiting}?lang=en`);
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /<h1>Queue ticket P007<\/h1>/);
      assert.match(en.body, /<dt>First called<\/dt><dd>not yet<\/dd>/);
      assert.match(en.body, /<dt>Waited until called \(whole minutes\)<\/dt><dd>not called<\/dd>/);
      assert.match(en.body, /<dt>Outcome<\/dt><dd>Waiting<\/dd>/);
      assert.match(en.body, /<dt>Counter<\/dt><dd>–<\/dd>/);
      assert.match(en.body, /<dt>With an appointment<\/dt><dd>No<\/dd>/);
    });

    it('the agency boundary and the roles: another agency\'s ticket is not found (nor audited); a specialist is refused; an auditor may read', async () => {
      const vsaaAudits = await audits(vsaaTicket);
      assert.equal((await supervisor.get(`/staff/kase/rinda/biletes/${vsaaTicket}`)).statusCode, 404, 'a VSAA ticket through the Treasury');
      assert.equal((await vsaaSupervisor.get(`/staff/kase/rinda/biletes/${served}`)).statusCode, 403, 'the Treasury\'s page for VSAA staff');
      assert.equal(await audits(vsaaTicket), vsaaAudits);
      assert.equal((await vsaaSupervisor.get(`/staff/vsaa/rinda/biletes/${vsaaTicket}`)).statusCode, 200);
      assert.equal((await specialist.get(`/staff/kase/rinda/biletes/${served}`)).statusCode, 403);
      assert.equal((await auditor.get(`/staff/kase/rinda/biletes/${served}`)).statusCode, 200);
      assert.equal((await platform.app.inject(`/staff/kase/rinda/biletes/${served}`)).statusCode, 303, 'no session: to the sign-in');
      // Not a ticket id: not found; a NUL byte is refused by the platform's input guard first (400). Never a 500.
      for (const [bad, status] of [['nav-tada', 404], [`${served}x`, 404], ['%00', 400]] as const) {
        const res = await supervisor.get(`/staff/kase/rinda/biletes/${bad}`);
        assert.equal(res.statusCode, status, bad);
        assert.ok(!res.body.slice(res.body.indexOf('<main')).includes('nav-tada'), 'never echoed on the page');
      }
    });

    it('the drill-down of the Treasury\'s promise "ātri" lists the tickets that waited longest, each opening its page', async () => {
      const drill = await supervisor.get('/staff/kase/standarts/atri/ieraksti?period=month&month=2027-01');
      assert.equal(drill.statusCode, 200);
      assert.match(drill.body, new RegExp(`<a href="/staff/kase/rinda/biletes/${served}">K042</a>`));
      assert.ok(!drill.body.includes(vsaaTicket));
      const perService = await supervisor.get('/staff/kase/standarts/atri/ieraksti?period=month&month=2027-01&service=parakstu-kartites');
      assert.ok(!perService.body.includes('K042'), 'the service filter reaches the records too');
    });
  });
}

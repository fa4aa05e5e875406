import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { CallNextResultSchema, CounterViewSchema, FiguresSchema, StaffTicketSchema, TicketCreatedSchema, TicketViewSchema } from './queue.schema.ts';
import { count, movableClock, rows, signedInStaff, THURSDAY_10 } from './queue.testing.ts';

const API = '/api/v1/staff/vsaa/queue';

for (const target of testTargets()) {
  describe(`queue staff API (${target})`, () => {
    let platform: TestPlatform;
    let staff: TestBrowser;
    let treasury: TestBrowser;
    let auditor: TestBrowser;
    const time = movableClock(THURSDAY_10);
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      staff = await signedInStaff(platform, 'specialist@vsaa.test', 'vsaa', 'specialist');
      treasury = await signedInStaff(platform, 'supervisor@kase.test', 'kase', 'supervisor');
      auditor = await signedInStaff(platform, 'auditor@vsaa.test', 'vsaa', 'auditor');
    });
    after(() => platform.close());

    const take = async (centre: string, service: string) => {
      const response = await platform.app.inject({ method: 'POST', url: `/api/v1/agencies/vsaa/centres/${centre}/tickets`, payload: { service } });
      assert.equal(response.statusCode, 201, response.body);
      return TicketCreatedSchema.parse(response.json());
    };
    const open = (centre: string, counter: number, services: unknown) => staff.request({ method: 'POST', url: `${API}/centres/${centre}/counters/${counter}/open`, json: { services } });
    const callNext = (centre: string, counter: number, json?: unknown) =>
      staff.request({ method: 'POST', url: `${API}/centres/${centre}/counters/${counter}/call-next`, ...(json === undefined ? {} : { json }) });
    // Every VSAA service needs identification (profile): served carries the document checked.
    const act = (id: string, action: string, json: unknown = action === 'served' ? { identityDocument: 'id-card' } : undefined) =>
      staff.request({ method: 'POST', url: `${API}/tickets/${id}/${action}`, ...(json === undefined ? {} : { json }) });
    const called = (response: { json: () => unknown }) => CallNextResultSchema.parse(response.json()).ticket;

    it('opens a counter for services (idempotent) and refuses services the centre does not offer', async () => {
      const first = await open('riga-lacplesa', 1, ['pensijas', 'dokumenti']);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(CounterViewSchema.parse(first.json()), { counter: 1, open: true, services: ['pensijas', 'dokumenti'], current: null });
      assert.equal((await open('riga-lacplesa', 1, ['pensijas', 'dokumenti'])).statusCode, 200);
      const bad = await open('riga-lacplesa', 1, ['videokonsultacija']);
      assert.equal(bad.statusCode, 400);
      assert.equal((bad.json() as { errors: Array<{ field: string }> }).errors[0]?.field, 'services.0');
      assert.equal((await open('riga-lacplesa', 1, [])).statusCode, 400);
      const noCounter = await open('riga-lacplesa', 9, ['pensijas']);
      assert.equal(noCounter.statusCode, 400, 'the centre has 8 counters');
      assert.equal((noCounter.json() as { errors: Array<{ field: string }> }).errors[0]?.field, 'counter');
      assert.equal((await staff.request({ method: 'POST', url: `${API}/centres/nav/counters/1/open`, json: { services: ['pensijas'] } })).statusCode, 404);
    });

    it('call next: oldest ticket of the served services; double press 409; nobody waiting → null', async () => {
      await open('jelgava', 1, ['dokumenti']);
      const p1 = await take('jelgava', 'pensijas');
      const d1 = await take('jelgava', 'dokumenti');
      const d2 = await take('jelgava', 'dokumenti');
      const first = await callNext('jelgava', 1);
      assert.equal(first.statusCode, 200);
      assert.equal(called(first)?.number, d1.number, 'pensions are not served here');
      const again = await callNext('jelgava', 1);
      assert.equal(again.statusCode, 409, again.body);
      assert.equal((again.json() as { code: string }).code, 'counter-busy');
      assert.match((again.json() as { title: string }).title, new RegExp(d1.number));
      const served = await act(called(first)!.id, 'served');
      assert.equal(served.statusCode, 200);
      assert.equal(StaffTicketSchema.parse(served.json()).status, 'served');
      const twice = await act(d1.id, 'served');
      assert.equal(twice.statusCode, 409);
      assert.equal((twice.json() as { code: string }).code, 'ticket-not-called');
      assert.equal(called(await callNext('jelgava', 1))?.number, d2.number);
      await act(d2.id, 'no-show');
      const empty = await callNext('jelgava', 1);
      assert.equal(empty.statusCode, 200);
      assert.equal(called(empty), null);
      const view = TicketViewSchema.parse((await platform.app.inject({ url: `/api/v1/tickets/${p1.id}` })).json());
      assert.equal(view.status, 'waiting');
    });

    it('a closed counter cannot call; a counter cannot call a service it does not serve; close refused while a client is called', async () => {
      const closed = await callNext('valmiera', 3);
      assert.equal(closed.statusCode, 409);
      assert.equal((closed.json() as { code: string }).code, 'counter-closed');
      await open('valmiera', 3, ['pabalsti']);
      await take('valmiera', 'pensijas');
      const notServed = await callNext('valmiera', 3, { service: 'pensijas' });
      assert.equal(notServed.statusCode, 409);
      assert.equal((notServed.json() as { code: string }).code, 'service-not-served');
      assert.equal((await callNext('valmiera', 3, { service: 'videokonsultacija' })).statusCode, 400);
      const a = await take('valmiera', 'pabalsti');
      assert.equal(called(await callNext('valmiera', 3, { service: 'pabalsti' }))?.id, a.id);
      const busy = await staff.request({ method: 'POST', url: `${API}/centres/valmiera/counters/3/close` });
      assert.equal(busy.statusCode, 409);
      await act(a.id, 'served');
      const closing = await staff.request({ method: 'POST', url: `${API}/centres/valmiera/counters/3/close` });
      assert.equal(closing.statusCode, 200);
      assert.equal(CounterViewSchema.parse(closing.json()).open, false);
    });

    it('two counters pressing at the same moment never call one ticket twice', async () => {
      for (let c = 1; c <= 5; c++) await open('riga-pardaugava', c, ['pensijas', 'pabalsti']);
      const tickets = [];
      for (let i = 0; i < 12; i++) tickets.push(await take('riga-pardaugava', i % 2 ? 'pensijas' : 'pabalsti'));
      const seen: string[] = [];
      for (let round = 0; round < 3; round++) {
        const responses = await Promise.all([1, 2, 3, 4, 5].map((c) => callNext('riga-pardaugava', c)));
        for (const r of responses) assert.equal(r.statusCode, 200, r.body);
        const ids = responses.map((r) => called(r)?.id).filter((id): id is string => Boolean(id));
        seen.push(...ids);
        await Promise.all(ids.map((id) => act(id, 'served')));
      }
      assert.equal(seen.length, 12, 'every ticket called');
      assert.equal(new Set(seen).size, 12, 'none twice');
      const calls = await rows<{ n: number }>(platform, `select count(*)::int as n from audit_log where action = 'queue.ticket-called' and details->>'number' like '_-%' and record_id in (${seen.map((s) => `'${s}'`).join(',')})`);
      assert.equal(calls[0]?.n, 12, 'one call event per ticket');
    });

    it('one counter pressed twice at the same moment: one call, one 409', async () => {
      await open('riga-pardaugava', 1, ['dokumenti']);
      await take('riga-pardaugava', 'dokumenti');
      await take('riga-pardaugava', 'dokumenti');
      const [x, y] = await Promise.all([callNext('riga-pardaugava', 1), callNext('riga-pardaugava', 1)]);
      assert.deepEqual([x?.statusCode, y?.statusCode].sort(), [200, 409]);
      const winner = [x, y].find((r) => r?.statusCode === 200);
      assert.ok(called(winner!), 'the first press called a client');
      await act(called(winner!)!.id, 'served');
    });

    it('recall, transfer to another service and to another counter', async () => {
      await open('liepaja', 1, ['pensijas']);
      await open('liepaja', 2, ['dokumenti']);
      const p = await take('liepaja', 'pensijas');
      const ticket = called(await callNext('liepaja', 1))!;
      assert.equal(ticket.id, p.id);
      time.advanceMinutes(1);
      const recalled = await act(p.id, 'recall');
      assert.equal(recalled.statusCode, 200);
      assert.notEqual(StaffTicketSchema.parse(recalled.json()).calledAt, ticket.calledAt);
      const moved = StaffTicketSchema.parse((await act(p.id, 'transfer', { service: 'dokumenti' })).json());
      assert.deepEqual([moved.status, moved.service, moved.counter], ['waiting', 'dokumenti', null]);
      assert.equal(called(await callNext('liepaja', 2))?.id, p.id, 'counter 2 serves documents');
      const toCounter = StaffTicketSchema.parse((await act(p.id, 'transfer', { counter: 3 })).json());
      assert.equal(toCounter.targetCounter, 3);
      await open('liepaja', 3, ['pabalsti']);
      assert.equal(called(await callNext('liepaja', 3))?.id, p.id, 'a ticket sent to counter 3 is called there whatever its service');
      assert.equal((await act(p.id, 'transfer', {})).statusCode, 400);
      assert.equal((await act(p.id, 'transfer', { counter: 3 })).statusCode, 400, 'same counter');
      assert.equal((await act(p.id, 'transfer', { service: 'videokonsultacija' })).statusCode, 400);
      assert.equal((await act(p.id, 'transfer', { counter: 99 })).statusCode, 400);
      await act(p.id, 'served');
      assert.equal((await act(p.id, 'recall')).statusCode, 409);
      assert.equal((await act('00000000-0000-4000-8000-000000000000', 'served')).statusCode, 404);
    });

    it('figures per centre and day: median and p90 wait, service time, no-shows, per service and counter', async () => {
      time.set('2026-11-19T10:00:00Z');
      await open('daugavpils', 1, ['pensijas', 'dokumenti']);
      const a = await take('daugavpils', 'pensijas');
      // A second later: two tickets of one instant have no order between them, and the first call must be a's.
      time.set('2026-11-19T10:00:01Z');
      const b = await take('daugavpils', 'dokumenti');
      time.advanceMinutes(10);
      await callNext('daugavpils', 1);
      time.advanceMinutes(6);
      await act(a.id, 'served');
      time.advanceMinutes(4);
      await callNext('daugavpils', 1);
      await act(b.id, 'no-show');
      const response = await auditor.get(`${API}/centres/daugavpils/figures?day=2026-11-19`);
      assert.equal(response.statusCode, 200, response.body);
      const figures = FiguresSchema.parse(response.json());
      assert.deepEqual([figures.tickets, figures.served, figures.noShows], [2, 1, 1]);
      assert.equal(figures.waitMedianMinutes, 15);
      assert.equal(figures.waitP90Minutes, 20);
      assert.equal(figures.serviceMedianMinutes, 6);
      assert.deepEqual(figures.byService.map((s) => [s.serviceId, s.tickets]), [['pensijas', 1], ['pabalsti', 0], ['dokumenti', 1]]);
      assert.deepEqual(figures.byCounter.map((c) => [c.counter, c.tickets, c.noShows]), [[1, 2, 1]]);
      assert.equal((await staff.get(`${API}/centres/daugavpils/figures`)).statusCode, 403, 'specialists do not hold queue.figures');
      assert.equal((await auditor.get(`${API}/centres/daugavpils/figures?day=19.11.2026`)).statusCode, 400);
      assert.equal((await auditor.request({ method: 'POST', url: `${API}/centres/daugavpils/counters/1/call-next` })).statusCode, 403, 'auditors do not operate counters');
      assert.ok((await count(platform, 'audit_log', "action = 'queue.figures-viewed'")) >= 1);
      time.set(THURSDAY_10);
    });

    it('Treasury staff get 403 on every VSAA queue endpoint; anonymous 401', async () => {
      const t = await take('riga-lacplesa', 'pensijas');
      for (const [method, url] of [
        ['GET', `${API}/centres/riga-lacplesa/counters`],
        ['POST', `${API}/centres/riga-lacplesa/counters/1/open`],
        ['POST', `${API}/centres/riga-lacplesa/counters/1/call-next`],
        ['POST', `${API}/tickets/${t.id}/served`],
        ['GET', `${API}/centres/riga-lacplesa/figures`],
        ['POST', `${API}/centres/riga-lacplesa/tickets`],
      ] as const) {
        const json = url.endsWith('/open') ? { services: ['pensijas'] } : url.endsWith('/tickets') ? { service: 'pensijas' } : undefined;
        const response = await treasury.request({ method, url, ...(json ? { json } : {}) });
        assert.equal(response.statusCode, 403, `${method} ${url}`);
        assert.equal((await platform.app.inject({ method, url, ...(json ? { payload: json } : {}) })).statusCode, 401);
      }
    });

    it('staff issue tickets; every staff view and change is audited', async () => {
      const issued = await staff.request({ method: 'POST', url: `${API}/centres/riga-lacplesa/tickets`, json: { service: 'dokumenti' } });
      assert.equal(issued.statusCode, 201, issued.body);
      const view = TicketViewSchema.parse(issued.json());
      assert.match(view.number, /^D-\d{3}$/);
      assert.equal((await rows<{ channel: string }>(platform, `select channel from queue_tickets where id = '${view.id}'`))[0]?.channel, 'staff');
      assert.equal((await staff.get(`${API}/centres/riga-lacplesa/counters`)).statusCode, 200);
      const actions = await rows<{ action: string; actor_label: string }>(platform, "select distinct action, actor_label from audit_log where action like 'queue.%' and actor_label = 'specialist@vsaa.test'");
      const names = actions.map((a) => a.action);
      for (const action of ['queue.counter-opened', 'queue.counter-closed', 'queue.ticket-called', 'queue.ticket-served', 'queue.ticket-no-show', 'queue.ticket-recall', 'queue.ticket-transfer', 'queue.ticket-issued', 'queue.counters-viewed']) {
        assert.ok(names.includes(action), action);
      }
    });

    it('day rollover at midnight Riga time: numbers restart, yesterday’s tickets expire, counters must be reopened', async () => {
      time.set('2026-11-19T14:00:00Z'); // Thursday 16:00
      await open('jelgava', 2, ['pabalsti']);
      const late = await take('jelgava', 'pabalsti');
      time.set('2026-11-20T06:30:00Z'); // Friday 08:30 Riga
      staff = await signedInStaff(platform, 'morning@vsaa.test', 'vsaa', 'specialist');
      const morning = await take('jelgava', 'pabalsti');
      assert.equal(morning.number, 'A-001', 'numbers restart every Riga day');
      assert.equal(morning.position, 1, "yesterday's ticket is not ahead");
      const yesterday = TicketViewSchema.parse((await platform.app.inject({ url: `/api/v1/tickets/${late.id}` })).json());
      assert.equal(yesterday.status, 'expired');
      assert.equal((await callNext('jelgava', 2)).statusCode, 409, 'the counter opened yesterday is closed today');
      await open('jelgava', 2, ['pabalsti']);
      assert.equal(called(await callNext('jelgava', 2))?.id, morning.id);
      time.set(THURSDAY_10);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { BoardSchema, TicketCreatedSchema, TicketViewSchema } from './queue.schema.ts';
import { count, movableClock, signedInStaff, THURSDAY_10 } from './queue.testing.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

for (const target of testTargets()) {
  describe(`queue public API (${target})`, () => {
    let platform: TestPlatform;
    let staff: TestBrowser;
    const time = movableClock(THURSDAY_10);
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      staff = await signedInStaff(platform, 'specialist@vsaa.test', 'vsaa', 'specialist');
    });
    after(() => platform.close());

    const take = (centre: string, service: unknown, slug = 'vsaa', headers: Record<string, string> = {}) =>
      platform.app.inject({ method: 'POST', url: `/api/v1/agencies/${slug}/centres/${centre}/tickets`, payload: { service } as object, headers });

    it('issues tickets numbered per service letter and day: P-001, P-002, A-001, D-001', async () => {
      const first = await take('jelgava', 'pensijas');
      assert.equal(first.statusCode, 201, first.body);
      const created = TicketCreatedSchema.parse(first.json());
      assert.deepEqual(Object.keys(first.json() as object).sort(), ['estimatedWaitMinutes', 'id', 'number', 'position', 'service', 'url']);
      assert.equal(created.number, 'P-001');
      assert.match(created.id, UUID, 'ticket ids are random UUIDs');
      assert.equal(created.position, 1);
      assert.equal(created.estimatedWaitMinutes, null, 'no counter open: no promise, not "0 min"');
      assert.equal(created.url, `http://localhost:3000/vsaa/rinda/jelgava/biletes/${created.id}`);
      const second = TicketCreatedSchema.parse((await take('jelgava', 'pensijas')).json());
      assert.equal(second.number, 'P-002');
      assert.equal(second.position, 2);
      assert.equal(second.estimatedWaitMinutes, null, 'one client ahead, no counter open: still no guess');
      assert.equal(TicketCreatedSchema.parse((await take('jelgava', 'pabalsti')).json()).number, 'A-001');
      assert.equal(TicketCreatedSchema.parse((await take('jelgava', 'dokumenti')).json()).number, 'D-001');
      assert.equal(TicketCreatedSchema.parse((await take('valmiera', 'pensijas')).json()).number, 'P-001', 'each centre numbers its own');
    });

    it('GET /api/v1/tickets/{id}: state, place and estimate; unknown or malformed ids are 404', async () => {
      const created = TicketCreatedSchema.parse((await take('liepaja', 'dokumenti')).json());
      const response = await platform.app.inject({ url: `/api/v1/tickets/${created.id}` });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const view = TicketViewSchema.parse(response.json());
      assert.equal(view.status, 'waiting');
      assert.equal(view.number, created.number);
      assert.equal(view.position, 1);
      assert.equal(view.centre, 'liepaja');
      assert.equal(view.day, '2026-11-19');
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
        const missing = await platform.app.inject({ url: `/api/v1/tickets/${encodeURIComponent(id)}` });
        assert.equal(missing.statusCode, 404, id);
        assert.equal((missing.json() as { code: string }).code, 'ticket-not-found');
      }
    });

    it('refuses clearly: appointment-only centre, unknown centre or agency, service not offered, empty body, closed centre', async () => {
      const before = await count(platform, 'queue_tickets');
      const treasury = await take('riga-smilsu', 'konti', 'kase');
      assert.equal(treasury.statusCode, 409);
      assert.equal((treasury.json() as { code: string }).code, 'walk-in-not-offered');
      assert.match((treasury.json() as { title: string }).title, /tikai pēc iepriekšēja pieraksta/);
      const english = await take('riga-smilsu', 'konti', 'kase', { 'accept-language': 'en' });
      assert.match((english.json() as { title: string }).title, /by appointment only/);
      assert.equal((await take('nav-tada', 'pensijas')).statusCode, 404);
      assert.equal(((await take('nav-tada', 'pensijas')).json() as { code: string }).code, 'centre-not-found');
      assert.equal((await take('jelgava', 'pensijas', 'nav')).statusCode, 404);
      const notOffered = await take('jelgava', 'videokonsultacija');
      assert.equal(notOffered.statusCode, 400);
      const problem = notOffered.json() as { errors: Array<{ field: string; message: string }> };
      assert.deepEqual(problem.errors.map((e) => e.field), ['service']);
      assert.match(problem.errors[0]?.message ?? '', /Izvēlieties pakalpojumu, ko sniedz šajā centrā/);
      const empty = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/centres/jelgava/tickets', payload: {} });
      assert.equal(empty.statusCode, 400);
      assert.equal((empty.json() as { errors: Array<{ field: string }> }).errors[0]?.field, 'service');
      time.set('2026-11-19T16:00:00Z'); // 18:00 in Riga: closed
      const closed = await take('jelgava', 'pensijas');
      assert.equal(closed.statusCode, 409);
      const closedProblem = closed.json() as { code: string; title: string; nextOpening: string };
      assert.equal(closedProblem.code, 'centre-closed');
      assert.equal(closedProblem.nextOpening, '2026-11-20T08:30:00+02:00');
      assert.match(closedProblem.title, /atvērsies piektdien, 20\. novembrī, plkst\. 08:30\./);
      time.set('2026-11-18T08:00:00Z'); // 18 November: public holiday
      assert.equal((await take('jelgava', 'pensijas')).statusCode, 409);
      time.set(THURSDAY_10);
      assert.equal(await count(platform, 'queue_tickets'), before, 'nothing written');
    });

    it('the board JSON: calls with counters, counters, waiting per service with estimates', async () => {
      await staff.request({ method: 'POST', url: '/api/v1/staff/vsaa/queue/centres/daugavpils/counters/2/open', json: { services: ['pensijas'] } });
      const a = TicketCreatedSchema.parse((await take('daugavpils', 'pensijas')).json());
      await take('daugavpils', 'pensijas');
      const called = await staff.request({ method: 'POST', url: '/api/v1/staff/vsaa/queue/centres/daugavpils/counters/2/call-next' });
      assert.equal(called.statusCode, 200, called.body);
      const response = await platform.app.inject({ url: '/api/v1/agencies/vsaa/centres/daugavpils/board' });
      assert.equal(response.statusCode, 200);
      const board = BoardSchema.parse(response.json());
      assert.equal(board.open, true);
      assert.deepEqual(board.calls.map((c) => [c.number, c.counter, c.status]), [[a.number, 2, 'called']]);
      assert.equal(board.counters.length, 4);
      assert.deepEqual(board.counters[1], { counter: 2, open: true, services: ['pensijas'], current: a.number });
      assert.equal(board.counters[0]?.open, false);
      const pensions = board.waiting.find((w) => w.service === 'pensijas');
      assert.deepEqual([pensions?.letter, pensions?.waiting, pensions?.estimatedWaitMinutes], ['P', 1, 30]);
      assert.equal((await platform.app.inject({ url: '/api/v1/agencies/kase/centres/riga-smilsu/board' })).statusCode, 409);
    });

    it('the routes are documented in OpenAPI', async () => {
      const spec = (await platform.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
      for (const [path, method] of [
        ['/api/v1/agencies/{slug}/centres/{centre}/tickets', 'post'],
        ['/api/v1/tickets/{id}', 'get'],
        ['/api/v1/agencies/{slug}/centres/{centre}/board', 'get'],
        ['/api/v1/agencies/{slug}/centres/{centre}/board/events', 'get'],
        ['/api/v1/staff/{agency}/queue/centres/{centre}/counters/{counter}/call-next', 'post'],
        ['/api/v1/staff/{agency}/queue/centres/{centre}/counters/{counter}/open', 'post'],
        ['/api/v1/staff/{agency}/queue/centres/{centre}/counters/{counter}/close', 'post'],
        ['/api/v1/staff/{agency}/queue/tickets/{id}/served', 'post'],
        ['/api/v1/staff/{agency}/queue/tickets/{id}/no-show', 'post'],
        ['/api/v1/staff/{agency}/queue/tickets/{id}/recall', 'post'],
        ['/api/v1/staff/{agency}/queue/tickets/{id}/transfer', 'post'],
        ['/api/v1/staff/{agency}/queue/centres/{centre}/figures', 'get'],
      ] as const) {
        assert.ok(spec.paths[path]?.[method]?.tags?.includes('queue'), `${method} ${path}`);
      }
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { count, movableClock, signedInStaff, THURSDAY_10 } from './queue.testing.ts';

const KIOSK = '/vsaa/rinda/jelgava';
const CONSOLE = '/staff/vsaa/rinda/jelgava';

for (const target of testTargets()) {
  describe(`queue pages without JavaScript (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock(THURSDAY_10);
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
    });
    after(() => platform.close());

    it('the kiosk: one big button per service; a touch posts the form and lands on the ticket page', async () => {
      const client = new TestBrowser(platform.app);
      const kiosk = await client.get(KIOSK);
      assert.equal(kiosk.statusCode, 200);
      assert.match(kiosk.body, /<html lang="lv"/);
      assert.match(kiosk.body, /href="\/static\/queue.css"/);
      for (const service of ['pensijas', 'pabalsti', 'dokumenti']) assert.match(kiosk.body, new RegExp(`<button type="submit" value="${service}" class="queue-service-button" name="service">`));
      const response = await client.submitForm(KIOSK, KIOSK, { service: 'pabalsti' });
      assert.equal(response.statusCode, 303);
      const location = String(response.headers.location);
      assert.match(location, /^\/vsaa\/rinda\/jelgava\/biletes\/[0-9a-f-]{36}$/);
      const ticket = await client.get(location);
      assert.equal(ticket.statusCode, 200);
      assert.match(ticket.body, /A-001/);
      assert.match(ticket.body, /Gaida rindā/);
      assert.doesNotMatch(ticket.body, /http-equiv="refresh"/, 'no timed refresh (WCAG 2.2.1)');
      assert.match(ticket.body, /<a class="button" href="\/vsaa\/rinda\/[^"]+\/biletes\/[0-9a-f-]{36}">Atjaunot stāvokli<\/a>/, 'a refresh link instead');
      const english = await client.submitForm(`${KIOSK}?lang=en`, `${KIOSK}?lang=en`, { service: 'pabalsti' });
      assert.match(String(english.headers.location), /\?lang=en$/);
      const englishTicket = await client.get(String(english.headers.location));
      assert.match(englishTicket.body, /<html lang="en"/);
      assert.match(englishTicket.body, /A-002/);
      assert.match(englishTicket.body, /Place in the queue/);
    });

    it('the kiosk refuses clearly: a service not offered (400), no CSRF token (403), appointment-only centre (409), closed centre', async () => {
      const client = new TestBrowser(platform.app);
      const before = await count(platform, 'queue_tickets');
      const bad = await client.submitForm(KIOSK, KIOSK, { service: 'videokonsultacija' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /class="error-summary"/);
      assert.match(bad.body, /Izvēlieties pakalpojumu, ko sniedz šajā centrā/);
      assert.match(bad.body, /href="#field-service"/);
      assert.equal((await client.request({ method: 'POST', url: KIOSK, form: { service: 'pensijas' } })).statusCode, 403);
      const treasury = await client.get('/kase/rinda/riga-smilsu');
      assert.equal(treasury.statusCode, 409);
      assert.match(treasury.body, /tikai pēc iepriekšēja pieraksta/);
      assert.equal((await client.get('/vsaa/rinda/nav-tada')).statusCode, 404);
      time.set('2026-11-21T10:00:00Z'); // Saturday
      const closed = await client.get(KIOSK);
      assert.equal(closed.statusCode, 200);
      assert.match(closed.body, /Centrs šobrīd ir slēgts/);
      assert.doesNotMatch(closed.body, /class="queue-service-button"/);
      time.set(THURSDAY_10);
      assert.equal(await count(platform, 'queue_tickets'), before);
    });

    it('a ticket page exists only under its own centre', async () => {
      const client = new TestBrowser(platform.app);
      const location = String((await client.submitForm(KIOSK, KIOSK, { service: 'dokumenti' })).headers.location);
      assert.equal((await client.get(location.replace('jelgava', 'valmiera'))).statusCode, 404);
      assert.equal((await client.get('/vsaa/rinda/jelgava/biletes/nav-biletes')).statusCode, 404);
    });

    it('the board: a document of its own, refreshing without JavaScript, with the live script and the chime toggle', async () => {
      const board = await new TestBrowser(platform.app).get('/vsaa/rinda/jelgava/tablo');
      assert.equal(board.statusCode, 200);
      assert.match(board.body, /<html lang="lv"/);
      assert.match(board.body, /<noscript><meta http-equiv="refresh" content="15"\/><\/noscript>/);
      assert.match(board.body, /<main id="board"/);
      assert.match(board.body, /data-events="\/api\/v1\/agencies\/vsaa\/centres\/jelgava\/board\/events"/);
      assert.match(board.body, /src="\/static\/queue-board.js"/);
      assert.match(board.body, /id="board-chime"[^>]*hidden/);
      assert.match(board.body, /&quot;minutes&quot;:&quot;\{count\} min&quot;/, 'the script gets its texts with placeholders');
      assert.match(board.body, /&quot;counterN&quot;:&quot;\{counter\}\. lodziņš&quot;/);
      const script = await platform.app.inject({ url: '/static/queue-board.js' });
      assert.equal(script.statusCode, 200);
      assert.equal((await platform.app.inject({ url: '/kase/rinda/riga-smilsu/tablo' })).statusCode, 409);
    });

    it('the counter console: open, call next, served, issue a ticket — all by plain forms', async () => {
      const staff = await signedInStaff(platform, 'console@vsaa.test', 'vsaa', 'specialist');
      const page = `${CONSOLE}?counter=2`;
      const console = await staff.get(page);
      assert.equal(console.statusCode, 200, console.body.slice(0, 500));
      assert.match(console.body, /2\. lodziņš: Slēgts/);
      const opened = await staff.submitForm(page, `${CONSOLE}/lodzini/2/atvert`, { services: 'pabalsti' });
      assert.equal(opened.statusCode, 303);
      assert.equal(opened.headers.location, `${CONSOLE}?counter=2&done=opened`);
      const issued = await staff.submitForm(page, `${CONSOLE}/biletes`, { service: 'pabalsti', counter: '2' });
      assert.match(String(issued.headers.location), /done=issued&number=A-\d{3}/);
      const calledResponse = await staff.submitForm(page, `${CONSOLE}/lodzini/2/izsaukt`, {});
      assert.match(String(calledResponse.headers.location), /done=called&number=A-001/);
      const after = await staff.get(String(calledResponse.headers.location));
      assert.match(after.body, /Izsaukts A-001/);
      assert.match(after.body, /class="queue-console-number">A-001</);
      const servedAction = /action="(\/staff\/vsaa\/rinda\/jelgava\/biletes\/[0-9a-f-]{36}\/served)"/.exec(after.body)?.[1] ?? '';
      assert.ok(servedAction);
      assert.equal((await staff.submitForm(page, servedAction, { counter: '2', identityDocument: 'passport' })).statusCode, 303);
      // The served client's ticket page now offers the survey: a link and the same link as a QR code.
      const ticketId = /biletes\/([0-9a-f-]{36})\/served/.exec(servedAction)?.[1] ?? '';
      const ticketPage = await platform.app.inject({ url: `/vsaa/rinda/jelgava/biletes/${ticketId}` });
      assert.match(ticketPage.body, /<a class="button" href="\/vsaa\/aptauja\/[^"]+">Novērtēt apkalpošanu/);
      assert.match(ticketPage.body, /<div class="queue-survey-qr" role="img" aria-label="QR kods ar saiti uz aptauju"><svg /);
      const twice = await staff.submitForm(page, servedAction, { counter: '2', identityDocument: 'passport' });
      assert.equal(twice.statusCode, 409, 'a double press shows the console with a clear error');
      assert.match(twice.body, /vairs nav izsaukta/);
      const noServices = await staff.submitForm(page, `${CONSOLE}/lodzini/2/atvert`, {});
      assert.equal(noServices.statusCode, 400);
      assert.match(noServices.body, /Izvēlieties vismaz vienu pakalpojumu/);
    });

    it('figures page for supervisors; Treasury staff get 403 on VSAA queue pages', async () => {
      const supervisor = await signedInStaff(platform, 'figures@vsaa.test', 'vsaa', 'supervisor');
      const figures = await supervisor.get(`${CONSOLE}/skaitli?day=2026-11-19`);
      assert.equal(figures.statusCode, 200);
      assert.match(figures.body, /Gaidīšana, 90\. procentile/);
      assert.match(figures.body, /<caption>Pa lodziņiem<\/caption>/);
      assert.equal((await supervisor.get(`${CONSOLE}/skaitli?day=19.11.2026`)).statusCode, 400);
      const auditor = await signedInStaff(platform, 'auditor@vsaa.test', 'vsaa', 'auditor');
      const list = await auditor.get('/staff/vsaa/rinda');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /href="\/staff\/vsaa\/rinda\/jelgava\/skaitli"/);
      assert.doesNotMatch(list.body, /href="\/staff\/vsaa\/rinda\/jelgava"/, 'auditors do not operate counters');
      assert.equal((await auditor.get(CONSOLE)).statusCode, 403);
      const treasury = await signedInStaff(platform, 'boss@kase.test', 'kase', 'supervisor');
      for (const url of ['/staff/vsaa/rinda', CONSOLE, `${CONSOLE}/skaitli`]) assert.equal((await treasury.get(url)).statusCode, 403, url);
      assert.equal((await new TestBrowser(platform.app).get(CONSOLE)).statusCode, 303, 'anonymous: to sign-in');
      assert.ok((await count(platform, 'audit_log', "action = 'queue.counters-viewed' and actor_label = 'figures@vsaa.test'")) === 0);
      assert.ok((await count(platform, 'audit_log', "action = 'queue.figures-viewed' and actor_label = 'figures@vsaa.test'")) >= 1);
    });
  });
}

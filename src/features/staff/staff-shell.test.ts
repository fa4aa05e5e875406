import '../../app/permissions.ts';
// The staff shell: staff pages carry the staff navigation (what the role may use), the agency and the other
// agencies of the person, and the counts of what waits; public pages keep the public menu.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { addStaff, signedIn } from '../../../test/support/staff-accounts.ts';
import { fileInquiry } from '../inquiries/inquiries.service.ts';
import { shellAgency, STAFF_NAV, visibleEntries } from './staff-nav.ts';
import { switchHref } from '../../web/staff-shell.tsx';

// Thursday 19 November 2026, 10:00 in Riga.
const NOW = '2026-11-19T08:00:00Z';
const CLIENT = { actorId: null, actorLabel: 'client', ip: null };

function navLinks(html: string): string[] {
  const nav = /<nav[^>]*aria-label="Darbinieku navigācija"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  const wide = /<ul class="nav-wide">([\s\S]*?)<\/ul>/.exec(nav)?.[1] ?? '';
  return [...wide.matchAll(/href="([^"]+)"/g)].map((m) => m[1] as string);
}

describe('staff navigation entries (pure)', () => {
  const never = () => false;
  it('shows a role only what its permissions allow', () => {
    const ids = (role: Parameters<typeof visibleEntries>[0]) => visibleEntries(role, never).map((e) => e.id);
    assert.deepEqual(ids('specialist'), ['inbox', 'appointments', 'queue', 'phone', 'feedback-record', 'faq', 'registers', 'outbox']);
    assert.ok(ids('supervisor').includes('figures') && ids('supervisor').includes('privacy') && !ids('specialist').includes('figures'));
    assert.ok(ids('auditor').includes('audit') && !ids('auditor').includes('appointments'));
    assert.ok(ids('administrator').includes('settings'));
    assert.ok(!ids('supervisor').includes('settings'));
  });
  it('an optional entry appears only once its route exists and its permission is known', () => {
    const entry = { id: 'later', path: 'velak', key: 'staffShell.nav.inbox' as const, permissions: ['workplace.view'], optional: true };
    const withRoute = (path: string) => path === '/staff/:agency/velak';
    assert.deepEqual(visibleEntries('specialist', withRoute, [entry]).map((e) => e.id), ['later']);
    assert.deepEqual(visibleEntries('specialist', never, [entry]), []);
    // A permission unknown to this build allows nobody: hidden even with the route.
    assert.deepEqual(visibleEntries('specialist', withRoute, [{ ...entry, permissions: ['nothing.here'] }]), []);
  });
  it('the agency of the page is the one in the path when the person belongs to it', () => {
    const memberships = [{ agency: 'vsaa', role: 'specialist' as const }, { agency: 'kase', role: 'auditor' as const }];
    assert.equal(shellAgency(memberships, '/staff/kase/audit')?.agency, 'kase');
    assert.equal(shellAgency(memberships, '/staff/outbox')?.agency, 'vsaa');
    assert.equal(shellAgency(memberships, '/staff/other/iesniegumi')?.agency, 'vsaa');
    assert.equal(shellAgency([], '/staff'), null);
  });
  it('switching agency keeps the section', () => {
    assert.equal(switchHref('/staff/vsaa/iesniegumi/123', 'vsaa', 'kase'), '/staff/kase/iesniegumi');
    assert.equal(switchHref('/staff/vsaa', 'vsaa', 'kase'), '/staff/kase');
    assert.equal(switchHref('/staff/outbox', 'vsaa', 'kase'), '/staff/kase');
  });
});

for (const target of testTargets()) {
  describe(`staff shell on pages (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      await addStaff(platform, 'spec@vsaa.test', 'vsaa', 'specialist');
      await addStaff(platform, 'aud@vsaa.test', 'vsaa', 'auditor');
      const both = await addStaff(platform, 'divas@vsaa.test', 'vsaa', 'supervisor', 'Dace Divējāda');
      await platform.deps.db.execute(sql`insert into staff_memberships (user_id, agency, role) values (${both.id}, 'kase', 'specialist')`);
    });
    after(() => platform.close());

    it('a specialist sees the staff navigation, not the public menu, and no audit log', async () => {
      const browser = await signedIn(platform, 'spec@vsaa.test');
      const page = await browser.get('/staff/vsaa/iesniegumi');
      assert.equal(page.statusCode, 200);
      const links = navLinks(page.body);
      assert.deepEqual(links, ['/staff/vsaa/iesniegumi', '/staff/vsaa/pieraksti', '/staff/vsaa/rinda', '/staff/vsaa/talrunis', '/staff/vsaa/atsauksmes/jauna', '/staff/vsaa/buj', '/staff/vsaa/registri', '/staff/outbox']);
      assert.ok(!page.body.includes('aria-label="Galvenā navigācija"'), 'no public menu on a staff page');
      assert.match(page.body, /<a href="\/staff\/vsaa\/iesniegumi" aria-current="page">Iesniegumi/);
      assert.match(page.body, /class="staff-agency-name">VSAA</);
      assert.match(page.body, /action="\/staff\/logout"/);
    });

    it('an auditor sees the audit log; the public pages keep the public menu without the API docs link', async () => {
      const browser = await signedIn(platform, 'aud@vsaa.test');
      const page = await browser.get('/staff/vsaa/audit');
      assert.ok(navLinks(page.body).includes('/staff/vsaa/audit'));
      assert.ok(!navLinks(page.body).includes('/staff/vsaa/pieraksti'));
      const pub = await platform.app.inject({ url: '/vsaa' });
      assert.match(pub.body, /aria-label="Galvenā navigācija"/);
      assert.ok(!pub.body.includes('href="/api/docs"'), 'the public footer no longer links the API docs');
      assert.match(pub.body, /<details class="nav-small"><summary>Izvēlne<\/summary>/);
    });

    it('counts what waits: overdue and near-deadline inquiries', async () => {
      const overdue = await fileInquiry(platform.deps, CLIENT, { agency: 'vsaa', channel: 'web-form', name: 'A', email: 'a@example.lv', text: 'x', acknowledge: false });
      const soon = await fileInquiry(platform.deps, CLIENT, { agency: 'vsaa', channel: 'web-form', name: 'B', email: 'b@example.lv', text: 'y', acknowledge: false });
      await platform.deps.db.execute(sql`update inquiries set deadline = '2026-11-10' where id = ${overdue.inquiry.id}`);
      await platform.deps.db.execute(sql`update inquiries set deadline = '2026-11-20' where id = ${soon.inquiry.id}`);
      const browser = await signedIn(platform, 'spec@vsaa.test');
      const page = await browser.get('/staff/vsaa');
      assert.match(page.body, /Iesniegumi<span class="nav-count nav-count-urgent"> nokavēti: 1<\/span><span class="nav-count"> termiņš tuvu: 1<\/span>/);
      const en = await browser.get('/staff/vsaa?lang=en');
      assert.match(en.body, /overdue: 1/);
    });

    it('a person in two agencies sees the agency and can switch to the same section of the other', async () => {
      const browser = await signedIn(platform, 'divas@vsaa.test');
      const vsaa = await browser.get('/staff/vsaa/iesniegumi');
      assert.match(vsaa.body, /Pārslēgties uz:.*<a href="\/staff\/kase\/iesniegumi">Valsts kase<\/a>/s);
      const kase = await browser.get('/staff/kase/iesniegumi');
      assert.equal(kase.statusCode, 200);
      assert.match(kase.body, /class="staff-agency-name">Valsts kase</);
      // In the Treasury the person is a specialist: no FAQ editing rights change the menu, but no audit either.
      assert.ok(!navLinks(kase.body).includes('/staff/kase/audit'));
      assert.match(kase.body, /<a href="\/staff\/vsaa\/iesniegumi">VSAA<\/a>/);
    });
  });
}

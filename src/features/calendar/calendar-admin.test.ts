import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, like } from 'drizzle-orm';
import { auditLog } from '../../platform/db/tables.ts';
import { calendarEntries } from './calendar.tables.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { createStaffUser } from '../staff/staff.service.ts';

const PASSWORD = 'correct-horse-battery-1';
const ADMIN = 'admin.kase@example.lv';
const SPECIALIST = 'specialist.kase@example.lv';

const ONE_OFF = {
  kind: 'holiday',
  date: '2027-05-05',
  nameLv: 'Vienreizēja svētku diena',
  nameEn: 'One-off public holiday',
  source: 'Grozījumi likumā «Par svētku, atceres un atzīmējamām dienām» (tests)',
};

for (const target of testTargets()) {
  describe(`staff calendar administration /staff/kalendars (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
      const deps = { ...platform.deps, agencyExists: () => true };
      const origin = { actorId: null, actorLabel: 'test', ip: null };
      await createStaffUser(deps, origin, { email: ADMIN, name: 'Admin', password: PASSWORD, agency: 'kase', role: 'administrator' });
      await createStaffUser(deps, origin, { email: SPECIALIST, name: 'Spec', password: PASSWORD, agency: 'kase', role: 'specialist' });
    });
    after(() => platform.close());

    async function signedIn(email: string): Promise<TestBrowser> {
      const browser = new TestBrowser(platform.app);
      await browser.signIn(email, PASSWORD);
      return browser;
    }

    const entryCount = async () => (await platform.deps.db.select().from(calendarEntries)).length;
    const auditOf = (action: string) => platform.deps.db.select().from(auditLog).where(eq(auditLog.action, action));

    async function day(date: string) {
      const response = await platform.app.inject({ url: `/api/v1/calendar?from=${date}&to=${date}` });
      assert.equal(response.statusCode, 200);
      return (response.json() as { days: Array<{ working: boolean; holiday: { lv: string; en: string } | null }> }).days[0];
    }

    it('sends an anonymous visitor to sign in, and back here afterwards', async () => {
      const response = await platform.app.inject({ url: '/staff/kalendars' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/staff/login?next=%2Fstaff%2Fkalendars');
      const browser = new TestBrowser(platform.app);
      const signIn = await browser.submitForm('/staff/login?next=%2Fstaff%2Fkalendars', '/staff/login?next=%2Fstaff%2Fkalendars', { email: ADMIN, password: PASSWORD });
      assert.equal(signIn.headers.location, '/staff/kalendars');
    });

    it('refuses a signed-in specialist with 403 (page and form posts)', async () => {
      const browser = await signedIn(SPECIALIST);
      const page = await browser.get('/staff/kalendars');
      assert.equal(page.statusCode, 403);
      assert.doesNotMatch(page.body, /name="nameLv"/);
      const before = await entryCount();
      const home = await browser.get('/staff');
      const token = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '';
      const post = await browser.request({ method: 'POST', url: '/staff/kalendars', form: { ...ONE_OFF, _csrf: token } });
      assert.equal(post.statusCode, 403);
      assert.equal(await entryCount(), before);
    });

    it('lists the seeded entries with a semantic table for an administrator', async () => {
      const browser = await signedIn(ADMIN);
      const page = await browser.get('/staff/kalendars');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<caption>Kalendāra izņēmumi datubāzē<\/caption>/);
      assert.match(page.body, /<th scope="col">Datums<\/th>/);
      assert.match(page.body, /dateTime="2026-01-17"/);
      assert.equal((page.body.match(/action="\/staff\/kalendars\/[0-9a-f-]{36}\/delete"/g) ?? []).length, await entryCount());
    });

    it('lets an administrator add a one-off holiday that the API reflects at once, then delete it; both audited', async () => {
      const browser = await signedIn(ADMIN);
      assert.equal((await day('2027-05-05'))?.working, true, 'a Wednesday is a working day before the change');

      const added = await browser.submitForm('/staff/kalendars', '/staff/kalendars', ONE_OFF);
      assert.equal(added.statusCode, 303);
      assert.equal(added.headers.location, '/staff/kalendars?saved=1');
      const after = await day('2027-05-05');
      assert.equal(after?.working, false);
      assert.equal(after?.holiday?.en, 'One-off public holiday');
      assert.equal((await day('2027-05-04'))?.working, false, 'the statutory holiday is still there');

      const [row] = await platform.deps.db.select().from(calendarEntries).where(eq(calendarEntries.date, '2027-05-05'));
      assert.ok(row);
      assert.equal(row.kind, 'holiday');
      assert.equal(row.movesOnWeekend, false);
      const addEvents = await auditOf('calendar.entry-added');
      assert.equal(addEvents.length, 1);
      assert.equal(addEvents[0]?.agency, null);
      assert.equal(addEvents[0]?.actorLabel, ADMIN);
      assert.equal(addEvents[0]?.recordId, row.id);
      assert.equal((addEvents[0]?.details as { date?: string }).date, '2027-05-05');

      const page = await browser.get('/staff/kalendars?saved=1');
      assert.match(page.body, /role="status">Ieraksts saglabāts\./);

      const deleted = await browser.submitForm('/staff/kalendars', `/staff/kalendars/${row.id}/delete`, {});
      assert.equal(deleted.statusCode, 303);
      assert.equal(deleted.headers.location, '/staff/kalendars?deleted=1');
      assert.equal((await day('2027-05-05'))?.working, true);
      const deleteEvents = await auditOf('calendar.entry-deleted');
      assert.equal(deleteEvents.length, 1);
      assert.equal(deleteEvents[0]?.recordId, row.id);
      assert.equal(deleteEvents[0]?.agency, null);

      const again = await browser.submitForm('/staff/kalendars', `/staff/kalendars/${row.id}/delete`, {});
      assert.equal(again.statusCode, 404);
      const bogus = await browser.submitForm('/staff/kalendars', '/staff/kalendars/not-a-uuid/delete', {});
      assert.equal(bogus.statusCode, 404);
    });

    it('re-renders a bad form with field errors and 400, and writes nothing', async () => {
      const browser = await signedIn(ADMIN);
      const entriesBefore = await entryCount();
      const auditBefore = (await platform.deps.db.select().from(auditLog).where(like(auditLog.action, 'calendar.%'))).length;

      const response = await browser.submitForm('/staff/kalendars', '/staff/kalendars', {
        kind: 'working-day',
        date: '2027-05-05',
        replaces: '2027-05-08',
        nameLv: '',
        nameEn: 'Worked day',
        source: 'MK rīkojums',
      });
      assert.equal(response.statusCode, 400);
      const html = response.body;
      assert.match(html, /class="error-summary"/);
      assert.match(html, /href="#field-date">Pārcelta darba diena var būt tikai sestdiena vai svētdiena\./);
      assert.match(html, /href="#field-replaces">Aizstājamajai dienai jābūt darbdienai/);
      assert.match(html, /href="#field-nameLv">Šis lauks ir obligāts\./);
      assert.match(html, /id="field-nameEn"[^>]*value="Worked day"|value="Worked day"[^>]*id="field-nameEn"/, 'typed values come back');
      assert.match(html, /name="kind" checked="" value="working-day"/);
      const summary = html.slice(html.indexOf('error-summary'), html.indexOf('</ul>', html.indexOf('error-summary')));
      assert.deepEqual([...summary.matchAll(/href="#field-(\w+)"/g)].map((m) => m[1]), ['date', 'replaces', 'nameLv'], 'in the order of the form');

      const impossible = await browser.submitForm('/staff/kalendars?lang=en', '/staff/kalendars', { ...ONE_OFF, date: '2027-02-30' });
      assert.equal(impossible.statusCode, 400);
      assert.match(impossible.body, /href="#field-date">There is no such date in the calendar\./);

      const duplicate = await browser.submitForm('/staff/kalendars', '/staff/kalendars', { ...ONE_OFF, date: '2026-01-02' });
      assert.equal(duplicate.statusCode, 400);
      assert.match(duplicate.body, /already an entry for this date/);

      const badKind = await browser.submitForm('/staff/kalendars', '/staff/kalendars', { ...ONE_OFF, kind: 'party' });
      assert.equal(badKind.statusCode, 400);
      assert.match(badKind.body, /href="#field-kind">Choose the kind of entry\./);

      const dayOffOnSunday = await browser.submitForm('/staff/kalendars', '/staff/kalendars', { ...ONE_OFF, kind: 'day-off', date: '2027-05-09' });
      assert.equal(dayOffOnSunday.statusCode, 400);
      assert.match(dayOffOnSunday.body, /A transferred day off must be a weekday/);

      assert.equal(await entryCount(), entriesBefore);
      const auditAfter = (await platform.deps.db.select().from(auditLog).where(like(auditLog.action, 'calendar.%'))).length;
      assert.equal(auditAfter, auditBefore);
    });

    it('accepts a transferred working day with the day it replaces', async () => {
      const browser = await signedIn(ADMIN);
      const off = await browser.submitForm('/staff/kalendars', '/staff/kalendars', {
        kind: 'day-off',
        date: '2027-05-03',
        nameLv: 'Pārcelta darbdiena',
        nameEn: 'Working day moved',
        source: 'MK rīkojums (tests)',
      });
      assert.equal(off.statusCode, 303);
      const worked = await browser.submitForm('/staff/kalendars', '/staff/kalendars', {
        kind: 'working-day',
        date: '2027-05-15',
        replaces: '2027-05-03',
        nameLv: 'Darbdiena 3. maija vietā',
        nameEn: 'Working day in place of 3 May',
        source: 'MK rīkojums (tests)',
      });
      assert.equal(worked.statusCode, 303, worked.body.slice(0, 2000));
      const response = await platform.app.inject({ url: '/api/v1/calendar?from=2027-05-03&to=2027-05-15' });
      const days = new Map((response.json() as { days: Array<{ date: string; working: boolean; replaces: string | null }> }).days.map((d) => [d.date, d]));
      assert.equal(days.get('2027-05-03')?.working, false);
      assert.equal(days.get('2027-05-15')?.working, true);
      assert.equal(days.get('2027-05-15')?.replaces, '2027-05-03');
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { movableClock } from '../feedback/feedback.testing.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { PUBLIC_CSV_COLUMNS, STAFF_CSV_COLUMNS } from './csv.ts';
import { refreshDays } from './refresh.service.ts';
import { event, exec, inquiry, surveyAnswer } from './standard-figures.testing.ts';

type StaffJson = { promises: Array<{ id: string; unit: string | null; value: number | null; base: number; status: string; trend: Array<{ label: string; value: number | null; base: number }> }> };
type PublicJson = { from: string; to: string; promises: Array<{ id: string; unit: string | null; measurable: boolean; months: Array<{ month: string; value: number | null; suppressed: boolean; status: string }> }> };

const STAFF_API = '/api/v1/staff/vsaa/standard-figures';
const PUBLIC_API = '/api/v1/agencies/vsaa/standard-figures';

for (const target of testTargets()) {
  describe(`standard figures over HTTP (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2027-01-20T10:00:00Z');
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let specialist: TestBrowser;
    let kaseAdmin: TestBrowser;
    let lateReference = '';

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      const p = platform;
      // Two inquiries answered in January: one on time, one late (fewer than 5: the public sees "fewer than 5").
      const onTime = await inquiry(p, { channel: 'web-form', receivedAt: '2027-01-04T08:00:00Z', receivedOn: '2027-01-04', deadline: '2027-01-18', status: 'answered' });
      await event(p, onTime.id, '2027-01-05T10:00:00Z', 'replied', 'answered');
      const late = await inquiry(p, { channel: 'email', receivedAt: '2027-01-04T08:00:00Z', receivedOn: '2027-01-04', deadline: '2027-01-18', status: 'answered' });
      await event(p, late.id, '2027-01-19T10:00:00Z', 'replied', 'answered');
      lateReference = late.reference;
      // Six survey answers rate courtesy 4 5 5 4 5 5 → 28 / 6 = 4.67 (shown: six records); competence only twice (suppressed).
      for (const [i, courtesy] of [4, 5, 5, 4, 5, 5].entries()) {
        await surveyAnswer(p, { createdAt: '2027-01-05T10:00:00Z', submittedAt: '2027-01-06T10:00:00Z', ratings: i < 2 ? { overall: 5, courtesy, competence: 5 } : { overall: 5, courtesy }, centre: 'riga-lacplesa' });
      }
      // The Treasury's own records: one survey answer, never to be seen in VSAA's figures.
      await surveyAnswer(p, { agency: 'kase', createdAt: '2027-01-05T10:00:00Z', submittedAt: '2027-01-06T10:00:00Z', ratings: { overall: 1, courtesy: 1 } });
      await refreshDays(p.deps, 'vsaa', '2026-12-01', '2027-01-20');
      await refreshDays(p.deps, 'kase', '2026-12-01', '2027-01-20');
      supervisor = await signedInStaff(p, 'vaditajs@vsaa.test', 'vsaa', 'supervisor');
      auditor = await signedInStaff(p, 'revidents@vsaa.test', 'vsaa', 'auditor');
      specialist = await signedInStaff(p, 'speciialists@vsaa.test', 'vsaa', 'specialist');
      kaseAdmin = await signedInStaff(p, 'admin@kase.test', 'kase', 'administrator');
    });
    after(() => platform.close());

    it('the staff dashboard: one row per promise with figure, target, verdict, change, SVG trend and numbers table', async () => {
      const res = await supervisor.get('/staff/vsaa/standarts?period=month&month=2027-01');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<q lang="lv">izturas laipni, taktiski un vienlīdzīgi/);
      assert.match(res.body, /<td>4,7 no 5<\/td><td>vismaz 4,5 no 5<\/td><td class="verdict verdict-kept">ievērots<\/td>/);
      assert.match(res.body, /<td>50 %<\/td><td>vismaz 100 %<\/td><td class="verdict verdict-not-kept">nav ievērots<\/td>/);
      assert.match(res.body, /<svg class="chart"[^>]*role="img" aria-labelledby="trend-\d+-title trend-\d+-desc"/);
      assert.match(res.body, /<th scope="row">2027-01<\/th><td>4,7 no 5<\/td><td>6<\/td>/, 'the numbers table beside the chart');
      assert.match(res.body, /nav izmērāms no ierakstiem/);
      assert.match(res.body, /ievēro aģentūras privātuma politiku/);
      assert.doesNotMatch(res.body, /Šos datus Apkalpe vēl nereģistrē/, 'gifts / errors / phone: their features register their sources');
      const en = await supervisor.get('/staff/vsaa/standarts?period=month&month=2027-01&lang=en');
      assert.match(en.body, /<td>4.7 of 5<\/td><td>at least 4.5 of 5<\/td><td class="verdict verdict-kept">kept<\/td>/);
    });

    it('the agency boundary and roles: the Treasury never sees VSAA figures, a specialist cannot, an auditor can', async () => {
      for (const url of ['/staff/vsaa/standarts', '/staff/vsaa/standarts/tabula.csv', STAFF_API, '/staff/vsaa/standarts/atbildes-termina/ieraksti']) {
        assert.equal((await kaseAdmin.get(url)).statusCode, 403, url);
        assert.equal((await specialist.get(url)).statusCode, 403, url);
      }
      assert.equal((await auditor.get(STAFF_API)).statusCode, 200);
      assert.equal((await platform.app.inject(STAFF_API)).statusCode, 401);
      // The Treasury's own figures hold only its own answer (overall 1), none of VSAA's six.
      const kase = (await kaseAdmin.get('/api/v1/staff/kase/standard-figures?period=month&month=2027-01')).json() as StaffJson;
      const overall = kase.promises.find((p) => p.id === 'kvalitativi');
      assert.equal(overall?.value, 1);
      assert.equal(overall?.base, 1);
    });

    it('the staff API: JSON per the OpenAPI schema, 12-period trend, previous period', async () => {
      const res = await supervisor.get(`${STAFF_API}?from=2027-01-01&to=2027-01-31`);
      assert.equal(res.statusCode, 200);
      const body = res.json() as StaffJson;
      const courtesy = body.promises.find((p) => p.id === 'laipni');
      assert.ok(courtesy);
      assert.ok(Math.abs((courtesy.value ?? 0) - 28 / 6) < 1e-9);
      assert.equal(courtesy.status, 'kept');
      assert.equal(courtesy.trend.length, 12);
      assert.equal(courtesy.trend[10]?.value, null, 'December: no answers');
      assert.equal(body.promises.find((p) => p.id === 'privatums')?.status, 'not-measurable');
      assert.equal(body.promises.find((p) => p.id === 'davanas')?.status, 'no-data', 'no gift recorded in January: no figure (the source is registered)');
      const doc = (await platform.app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/api/v1/staff/{agency}/standard-figures']);
      assert.ok(doc.paths['/api/v1/agencies/{slug}/standard-figures']);
    });

    it('bad input: reversed, over five years, malformed, impossible, NUL, unknown centre or channel → 400 with field errors in LV and EN', async () => {
      const cases: Array<[string, string]> = [
        ['from=2027-02-01&to=2027-01-01', 'to'],
        ['from=2020-01-01&to=2027-01-01', 'to'],
        ['from=2027-13-01&to=2027-01-31', 'from'],
        ['from=2027-02-30&to=2027-03-31', 'from'],
        ['from=2027-01-01%00&to=2027-01-31', 'from'],
        ['period=month&month=2027-1', 'month'],
        ['period=fortnight', 'period'],
        ['centre=atlantida', 'centre'],
        ['channel=golubjs', 'channel'],
      ];
      for (const [query, field] of cases) {
        const res = await supervisor.get(`${STAFF_API}?${query}`);
        assert.equal(res.statusCode, 400, query);
        const problem = res.json() as { errors: Array<{ field: string; message: string }> };
        assert.ok(problem.errors.some((e) => e.field === field), `${query} → ${field}`);
        assert.doesNotMatch(res.body, /atlantida|golubjs|2027-13-01|\\u0000/, 'the input is never echoed');
      }
      const lv = (await supervisor.get(`${STAFF_API}?from=2027-02-01&to=2027-01-01&lang=lv`)).json() as { errors: Array<{ message: string }> };
      assert.equal(lv.errors[0]?.message, 'Perioda beigas nevar būt pirms tā sākuma');
      const en = (await supervisor.get(`${STAFF_API}?from=2027-02-01&to=2027-01-01&lang=en`)).json() as { errors: Array<{ message: string }> };
      assert.equal(en.errors[0]?.message, 'The end of the period cannot be before its start');
      const page = await supervisor.get('/staff/vsaa/standarts?period=range&from=2020-01-01&to=2027-01-01&lang=lv');
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /Periods nevar būt garāks par pieciem gadiem/);
      const publicBad = await platform.app.inject(`${PUBLIC_API}?from=2027-01-31&to=2027-01-01`);
      assert.equal(publicBad.statusCode, 400);
      assert.equal((await platform.app.inject(`${PUBLIC_API}.csv?from=2027-01-01`)).statusCode, 400);
      assert.equal((await platform.app.inject('/vsaa/standarts/izpilde?from=2027-01-01&to=nakamgad')).statusCode, 400);
      assert.equal((await platform.app.inject('/api/v1/agencies/nav-tadas/standard-figures')).statusCode, 404);
    });

    it('drill-down: the late answers behind the figure, each opening the inquiry; the read is audited', async () => {
      const count = async () => Number((await exec(platform, sql`select count(*)::int as n from audit_log where action = 'standard-figures.records-viewed' and agency = 'vsaa'`))[0]?.n);
      const before = await count();
      const res = await supervisor.get('/staff/vsaa/standarts/atbildes-termina/ieraksti?period=month&month=2027-01');
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(lateReference), 'the late inquiry is listed');
      assert.match(res.body, /href="\/staff\/vsaa\/iesniegumi\/[0-9a-f-]{36}"/);
      assert.equal(await count(), before + 1);
      // The records follow the filters their figure follows: the late answer came by e-mail; a phone topic does not
      // apply to inquiries, so it is dropped rather than emptying the list.
      const drill = (query: string) => supervisor.get(`/staff/vsaa/standarts/atbildes-termina/ieraksti?period=month&month=2027-01&${query}`);
      assert.ok((await drill('channel=email')).body.includes(lateReference));
      assert.ok(!(await drill('channel=web-form')).body.includes(lateReference));
      assert.ok((await drill('channel=pensijas')).body.includes(lateReference));
      assert.equal((await supervisor.get('/staff/vsaa/standarts/nav-tada/ieraksti')).statusCode, 404);
      assert.equal((await supervisor.get('/staff/vsaa/standarts/privatums/ieraksti')).statusCode, 404, 'not measurable: no records');
    });

    it('CSV: the whole staff table, and the public open data with its stable columns', async () => {
      const staff = await supervisor.get('/staff/vsaa/standarts/tabula.csv?period=month&month=2027-01');
      assert.equal(staff.statusCode, 200);
      assert.match(String(staff.headers['content-type']), /text\/csv/);
      assert.equal(staff.body.split('\r\n')[0], STAFF_CSV_COLUMNS.join(','));
      assert.match(staff.body, /laipni,"izturas laipni[^\r]*,2027-01-01,2027-01-31,4\.666666666666667,6,atLeast,4\.5,kept,,/);
      const open = await platform.app.inject(`${PUBLIC_API}.csv?from=2027-01-01&to=2027-01-31`);
      assert.equal(open.statusCode, 200);
      const [header, ...rows] = open.body.trim().split('\r\n');
      assert.equal(header, PUBLIC_CSV_COLUMNS.join(','));
      assert.ok(rows.some((r) => r.startsWith('vsaa,atbildes-termina,') && r.endsWith(',,true,fewer-than-5')), 'two answers: fewer than 5');
    });

    it('the public page and open data: aggregates only, never a count below 5, never a personal datum; linked from the standard page', async () => {
      const standard = await platform.app.inject('/vsaa/standarts');
      assert.match(standard.body, /href="\/vsaa\/standarts\/izpilde"/);
      const page = await platform.app.inject('/vsaa/standarts/izpilde?from=2027-01-01&to=2027-01-31');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<th scope="row">2027-01<\/th><td>4,7 no 5<\/td><td>ievērots<\/td>/);
      assert.match(page.body, /<th scope="row">2027-01<\/th><td>mazāk nekā 5<\/td><td><\/td>/);
      assert.match(page.body, /nav izmērāms no ierakstiem/);
      for (const personal of ['Jānis', 'Bērziņš', lateReference, 'vaditajs', 'Name ']) assert.ok(!page.body.includes(personal), personal);
      const json = (await platform.app.inject(`${PUBLIC_API}?from=2026-02-01&to=2027-01-31`)).json() as PublicJson;
      assert.equal(json.promises[0]?.months.length, 12);
      const staff = (await supervisor.get(`${STAFF_API}?period=month&month=2027-01`)).json() as StaffJson;
      for (const p of json.promises) {
        for (const m of p.months) {
          if (m.value === null) continue;
          if (p.unit === 'count') assert.ok(m.value >= 5, `${p.id} ${m.month}`);
          const base = staff.promises.find((s) => s.id === p.id)?.trend.find((t) => t.label === m.month)?.base ?? 0;
          assert.ok(base >= 5, `${p.id} ${m.month}: a figure shown only from 5 or more records`);
        }
      }
      const text = JSON.stringify(json);
      for (const personal of ['Jānis', 'Bērziņš', lateReference, 'base']) assert.ok(!text.includes(personal), personal);
    });

    it('the question form counts starts per Riga day without storing who started', async () => {
      await platform.app.inject('/vsaa/jautajums');
      await platform.app.inject('/vsaa/jautajums');
      const rows = await exec(platform, sql`select day::text as day, n::int as n from standard_flow_counts where agency = 'vsaa' and flow = 'question-form' and step = 'started'`);
      assert.deepEqual(rows, [{ day: '2027-01-20', n: 2 }]);
      const columns = await exec(platform, sql`select column_name from information_schema.columns where table_name = 'standard_flow_counts' order by column_name`);
      assert.deepEqual(columns.map((c) => c.column_name), ['agency', 'day', 'flow', 'n', 'step']);
    });
  });
}

// Queue waits per centre AND per service (issue 19): a hand-built fixture, the expected figures worked out by
// hand below, period boundaries on Riga days; the service filter over HTTP with field-level errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { INDICATORS, type PeriodSelection } from '../../domain/standard-figures/index.ts';
import { movableClock } from '../feedback/feedback.testing.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { STAFF_CSV_COLUMNS } from './csv.ts';
import { computeStandardFigures, type FigureFilters, type StandardFigures } from './figures.service.ts';
import { refreshDays } from './refresh.service.ts';
import { ticket } from './standard-figures.testing.ts';

const JANUARY = { granularity: 'month' as const, period: { from: '2027-01-01', to: '2027-01-31' } };
const FEBRUARY = { granularity: 'month' as const, period: { from: '2027-02-01', to: '2027-02-28' } };

function withQueuePromises(profile: AgencyProfile): AgencyProfile {
  return {
    ...profile,
    promises: INDICATORS.filter((i) => i.id.startsWith('queue.') || i.id === 'survey.overall').map((i) => ({
      id: i.id.replace(/\./g, '-').toLowerCase(), words: { lv: i.name.lv, en: i.name.en }, indicator: i.id, target: { atLeast: 0, unit: i.unit },
    })),
  };
}

const row = (f: StandardFigures, indicator: string) => {
  const r = f.promises.find((p) => p.indicator?.id === indicator);
  assert.ok(r, indicator);
  return r;
};

for (const target of testTargets()) {
  describe(`queue waits per centre and service (${target})`, () => {
    let platform: TestPlatform;
    // "Today" is Wednesday 3 February 2027, 12:00 in Riga.
    const time = movableClock('2027-02-03T10:00:00Z');
    let profile: AgencyProfile;
    const figures = (filters: FigureFilters, selection: PeriodSelection = JANUARY) => computeStandardFigures(platform.deps, profile, selection, filters);

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      profile = withQueuePromises(platform.deps.agencies.get('vsaa') as AgencyProfile);
      const p = platform;
      const on = (centre: string, service: string, waits: number[]) =>
        Promise.all(waits.map((waitMinutes) => ticket(p, { centre, service, day: '2027-01-12', issuedAt: '2027-01-12T08:00:00Z', waitMinutes })));
      // Tuesday 12 January. Rīga Lāčplēša iela: pensions 2 4 6 8 40; benefits 10 12 14 16 18 20 22 24 26 60.
      await on('riga-lacplesa', 'pensijas', [2, 4, 6, 8, 40]);
      await on('riga-lacplesa', 'pabalsti', [10, 12, 14, 16, 18, 20, 22, 24, 26, 60]);
      // Daugavpils: pensions 1 and 30; a documents ticket never called (not counted anywhere).
      await on('daugavpils', 'pensijas', [1, 30]);
      await ticket(p, { centre: 'daugavpils', service: 'dokumenti', day: '2027-01-12', issuedAt: '2027-01-12T08:00:00Z', waitMinutes: null });
      // The Riga day boundary: a pensions ticket taken at 23:50 Riga on Sunday 31 January (21:50 UTC) is January's,
      // waited 50; one taken at 00:05 Riga on 1 February (still 31 January, 22:05 UTC) is February's, waited 70.
      await ticket(p, { centre: 'riga-lacplesa', service: 'pensijas', day: '2027-01-31', issuedAt: '2027-01-31T21:50:00Z', waitMinutes: 50 });
      await ticket(p, { centre: 'riga-lacplesa', service: 'pensijas', day: '2027-02-01', issuedAt: '2027-01-31T22:05:00Z', waitMinutes: 70 });
      // The Treasury's tickets never count for VSAA.
      await ticket(p, { agency: 'kase', centre: 'riga-smilsu', service: 'konti', day: '2027-01-12', issuedAt: '2027-01-12T08:00:00Z', waitMinutes: 5 });
      await refreshDays(p.deps, 'vsaa', '2027-01-01', '2027-02-03');
      await refreshDays(p.deps, 'kase', '2027-01-01', '2027-02-03');
    });
    after(() => platform.close());

    it('per service: median and p90 by nearest rank, served within 20 minutes', async () => {
      // Pensions in January (both centres): 1 2 4 6 8 30 40 50 → n 8; median rank 4 = 6; p90 rank ceil(7.2) = 8 → 50;
      // within 20 minutes: 1 2 4 6 8 = 5 of 8.
      const pensions = await figures({ service: 'pensijas' });
      assert.equal(row(pensions, 'queue.waitMedian').current.value, 6);
      assert.equal(row(pensions, 'queue.waitMedian').current.base, 8);
      assert.equal(row(pensions, 'queue.waitP90').current.value, 50);
      assert.equal(row(pensions, 'queue.servedWithinTarget').current.value, 62.5);
      assert.equal(row(pensions, 'queue.waitMedian').filterIgnored, false);
      // Benefits: 10 12 14 16 18 20 22 24 26 60 → n 10; median rank 5 = 18; p90 rank 9 = 26; within 20: 6 of 10.
      const benefits = await figures({ service: 'pabalsti' });
      assert.equal(row(benefits, 'queue.waitMedian').current.value, 18);
      assert.equal(row(benefits, 'queue.waitP90').current.value, 26);
      assert.equal(row(benefits, 'queue.servedWithinTarget').current.value, 60);
      // Documents: the one ticket was never called → no figure.
      const documents = await figures({ service: 'dokumenti' });
      assert.equal(row(documents, 'queue.waitMedian').current.value, null);
      assert.equal(row(documents, 'queue.waitMedian').current.base, 0);
    });

    it('per centre and service together, per centre alone, and the agency', async () => {
      // Rīga Lāčplēša iela, pensions: 2 4 6 8 40 50 → n 6; median rank 3 = 6; p90 rank ceil(5.4) = 6 → 50.
      const both = await figures({ centre: 'riga-lacplesa', service: 'pensijas' });
      assert.equal(row(both, 'queue.waitMedian').current.value, 6);
      assert.equal(row(both, 'queue.waitP90').current.value, 50);
      assert.equal(row(both, 'queue.waitMedian').current.base, 6);
      // Daugavpils, pensions: 1 30 → median rank 1 = 1; p90 rank ceil(1.8) = 2 → 30.
      const daugavpils = await figures({ centre: 'daugavpils', service: 'pensijas' });
      assert.equal(row(daugavpils, 'queue.waitMedian').current.value, 1);
      assert.equal(row(daugavpils, 'queue.waitP90').current.value, 30);
      // Rīga Lāčplēša iela, every service: 16 tickets 2 4 6 8 10 12 14 16 18 20 22 24 26 40 50 60 → median rank 8 = 16;
      // p90 rank ceil(14.4) = 15 → 50.
      const centre = await figures({ centre: 'riga-lacplesa' });
      assert.equal(row(centre, 'queue.waitMedian').current.value, 16);
      assert.equal(row(centre, 'queue.waitP90').current.value, 50);
      // The agency: 18 tickets (those 16 + 1 and 30) → median rank 9 = 16; p90 rank ceil(16.2) = 17 → 50.
      const agency = await figures({});
      assert.equal(row(agency, 'queue.waitMedian').current.value, 16);
      assert.equal(row(agency, 'queue.waitMedian').current.base, 18);
      assert.equal(row(agency, 'queue.waitP90').current.value, 50);
    });

    it('Riga days: the ticket taken at 00:05 on 1 February is February\'s; the day aggregates agree with the months', async () => {
      const february = await figures({ service: 'pensijas' }, FEBRUARY);
      assert.equal(row(february, 'queue.waitMedian').current.value, 70);
      assert.equal(row(february, 'queue.waitMedian').current.base, 1);
      // The previous period of February is January, per service too.
      assert.equal(row(february, 'queue.waitMedian').previous.value, 6);
      // A from–to period reads the day table: 31 January alone holds the 50-minute ticket only.
      const lastDay = await figures({ service: 'pensijas' }, { granularity: 'range', period: { from: '2027-01-31', to: '2027-01-31' } });
      assert.equal(row(lastDay, 'queue.waitMedian').current.value, 50);
      assert.equal(row(lastDay, 'queue.waitMedian').current.base, 1);
      const benefitsThatDay = await figures({ service: 'pabalsti' }, { granularity: 'range', period: { from: '2027-01-31', to: '2027-01-31' } });
      assert.equal(row(benefitsThatDay, 'queue.waitMedian').current.base, 0);
    });

    it('indicators without a service dimension show the agency figure with the note', async () => {
      const pensions = await figures({ service: 'pensijas' });
      assert.equal(row(pensions, 'survey.overall').filterIgnored, true);
      assert.equal(row(pensions, 'queue.waitP90').filterIgnored, false);
    });

    describe('over HTTP', () => {
      let supervisor: TestBrowser;
      let kase: TestBrowser;
      before(async () => {
        supervisor = await signedInStaff(platform, 'vaditajs@vsaa.test', 'vsaa', 'supervisor');
        kase = await signedInStaff(platform, 'vaditajs@kase.test', 'kase', 'supervisor');
      });

      it('the staff API and page take a service of the agency; the Treasury\'s promise "ātri" per service', async () => {
        // The Treasury promises a p90 wait of at most 20 minutes: its one konti ticket waited 5.
        const res = await kase.get('/api/v1/staff/kase/standard-figures?period=month&month=2027-01&service=konti');
        assert.equal(res.statusCode, 200);
        const body = res.json() as { service: string | null; promises: Array<{ id: string; value: number | null; base: number; filterIgnored: boolean }> };
        assert.equal(body.service, 'konti');
        const quick = body.promises.find((p) => p.id === 'atri');
        assert.equal(quick?.value, 5);
        assert.equal(quick?.base, 1);
        const other = (await kase.get('/api/v1/staff/kase/standard-figures?period=month&month=2027-01&service=parakstu-kartites')).json() as typeof body;
        assert.equal(other.promises.find((p) => p.id === 'atri')?.base, 0, 'no signature-card ticket');
        const page = await kase.get('/staff/kase/standarts?period=month&month=2027-01&service=konti');
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /<select[^>]*name="service"/);
        assert.match(page.body, /<option value="konti" selected="">Kontu atvēršana un slēgšana<\/option>/);
        const csv = await kase.get('/staff/kase/standarts/tabula.csv?period=month&month=2027-01&service=konti');
        assert.equal(csv.body.split('\r\n')[0], STAFF_CSV_COLUMNS.join(','));
        assert.match(csv.body, /\r\natri,[^\r]*,2027-01-01,2027-01-31,5,1,atMost,20,kept,[^\r]*,,,konti\r\n/);
        // The public page stays per agency and does not break.
        assert.equal((await platform.app.inject('/kase/standarts/izpilde')).statusCode, 200);
      });

      it('an unknown service, or another agency\'s: 400 with a field-level error in LV and EN, never echoed', async () => {
        for (const service of ['atlantida', 'konti']) {
          const res = await supervisor.get(`/api/v1/staff/vsaa/standard-figures?service=${service}&lang=lv`);
          assert.equal(res.statusCode, 400, service);
          const problem = res.json() as { errors: Array<{ field: string; message: string }> };
          assert.deepEqual(problem.errors.map((e) => [e.field, e.message]), [['service', 'Šāda iestādes pakalpojuma nav']]);
          assert.ok(!res.body.includes(service), 'never echoed');
        }
        const en = (await supervisor.get('/api/v1/staff/vsaa/standard-figures?service=atlantida&lang=en')).json() as { errors: Array<{ field: string; message: string }> };
        assert.deepEqual(en.errors.map((e) => [e.field, e.message]), [['service', 'There is no such service of the agency']]);
        const page = await supervisor.get('/staff/vsaa/standarts?service=atlantida&lang=lv');
        assert.equal(page.statusCode, 400);
        const main = page.body.slice(page.body.indexOf('<main'));
        assert.match(main, /<a href="#field-service">Šāda iestādes pakalpojuma nav<\/a>/);
        assert.ok(!main.includes('atlantida'), 'the page never shows the unknown value');
      });
    });
  });
}

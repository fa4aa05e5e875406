import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { INDICATORS } from '../../domain/standard-figures/index.ts';
import { movableClock } from '../feedback/feedback.testing.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { phoneCallsFigureSource } from '../phone/phone.figure-sources.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import { computeStandardFigures, knownChannels, type StandardFigures } from './figures.service.ts';
import { refreshDays, refreshRecent } from './refresh.service.ts';
import { availableSources, registerFigureSource } from './sources.ts';
import { call, callback, gift, incident, serviceError } from './seam-sources.testing.ts';
import { exec } from './standard-figures.testing.ts';

const JANUARY = { granularity: 'month' as const, period: { from: '2027-01-01', to: '2027-01-31' } };
const DECEMBER = { granularity: 'month' as const, period: { from: '2026-12-01', to: '2026-12-31' } };
const SEAM_INDICATORS = INDICATORS.filter((i) => i.source === 'phone' || i.source === 'registers');

function everySeamIndicator(profile: AgencyProfile): AgencyProfile {
  return {
    ...profile,
    promises: SEAM_INDICATORS.map((i) => ({ id: i.id.replace(/\./g, '-').toLowerCase(), words: { lv: i.name.lv, en: i.name.en }, indicator: i.id, target: { atLeast: 0, unit: i.unit } })),
  };
}

function figure(f: StandardFigures, indicator: string) {
  const row = f.promises.find((p) => p.indicator?.id === indicator);
  assert.ok(row, indicator);
  return row;
}

for (const target of testTargets()) {
  describe(`phone and registers figures through the seam, from a hand-built fixture (${target})`, () => {
    let platform: TestPlatform;
    // "Today" is Wednesday 20 January 2027, 12:00 in Riga (UTC+2 in winter).
    const time = movableClock('2027-01-20T10:00:00Z');
    let profile: AgencyProfile;
    let january: StandardFigures;
    let december: StandardFigures;

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      profile = everySeamIndicator(platform.deps.agencies.get('vsaa') as AgencyProfile);
      const p = platform;

      // --- Calls. 22:30 UTC on 31 December is 00:30 on 1 January in Riga: January. 21:30 UTC is 23:30 Riga: December.
      await call(p, '2026-12-31T22:30:00Z', 'citi');
      await call(p, '2027-01-05T09:00:00Z', 'pensijas');
      await call(p, '2027-01-05T10:00:00Z', 'pensijas');
      await call(p, '2026-12-31T21:30:00Z', 'pensijas');
      await call(p, '2027-01-05T09:00:00Z', 'pensijas', 'kase'); // the Treasury's: never in VSAA's figures

      // --- Callbacks, by the Riga day of the promised time (call_by); now is 20 January 10:00 UTC.
      await callback(p, { callBy: '2027-01-05T15:00:00Z', status: 'reached', closedAt: '2027-01-05T14:00:00Z' }); // on time
      await callback(p, { callBy: '2027-01-05T15:00:00Z', status: 'reached', closedAt: '2027-01-05T16:00:00Z' }); // late
      await callback(p, { callBy: '2027-01-06T15:00:00Z', status: 'unreachable', closedAt: '2027-01-06T12:00:00Z' }); // not called back: late
      await callback(p, { callBy: '2027-01-07T15:00:00Z', status: 'open' }); // the promised time has passed: late
      await callback(p, { callBy: '2027-01-20T15:00:00Z', status: 'open' }); // still to come: not counted yet
      await callback(p, { callBy: '2027-01-20T15:00:00Z', status: 'reached', closedAt: '2027-01-20T09:00:00Z' }); // on time, today
      await callback(p, { callBy: '2026-12-31T22:00:00Z', status: 'reached', closedAt: '2026-12-31T21:00:00Z' }); // promised by Riga midnight into 1 January: January, on time
      await callback(p, { callBy: '2026-12-31T21:59:00Z', status: 'reached', closedAt: '2026-12-31T20:00:00Z' }); // 23:59 Riga on 31 December: December
      await callback(p, { callBy: '2027-01-05T15:00:00Z', status: 'open', agency: 'kase' });

      // --- Service errors. Days to the apology are Riga calendar days between the two steps.
      await serviceError(p, { acknowledged: '2027-01-04T10:00:00Z', 'apology-sent': '2027-01-05T10:00:00Z', remedied: '2027-01-10T10:00:00Z' }); // E1: 1 day, remedied
      // E2: acknowledged 23:30 Riga on 10 January, apology 00:30 Riga on 12 January: 2 Riga days (1 by UTC dates, 25 hours).
      await serviceError(p, { acknowledged: '2027-01-10T21:30:00Z', 'apology-sent': '2027-01-11T22:30:00Z' });
      await serviceError(p, { acknowledged: '2027-01-11T08:00:00Z', 'apology-sent': '2027-01-18T08:00:00Z', remedied: '2027-01-19T08:00:00Z' }); // E3: 7 days, remedied
      await serviceError(p, { acknowledged: '2027-01-12T08:00:00Z' }); // E4: no apology yet, not remedied
      // E5: acknowledged 23:30 Riga on 31 December (December), apology 2 January (January): 2 days; remedied.
      await serviceError(p, { acknowledged: '2026-12-31T21:30:00Z', 'apology-sent': '2027-01-02T08:00:00Z', remedied: '2027-01-03T08:00:00Z' });
      await serviceError(p, {}); // E6: recorded, never acknowledged: not counted
      await serviceError(p, { acknowledged: '2026-12-31T22:30:00Z', 'apology-sent': '2027-01-01T08:00:00Z' }); // E7: 00:30 Riga on 1 January: January, 0 days
      await serviceError(p, { acknowledged: '2027-01-05T10:00:00Z', 'apology-sent': '2027-01-05T11:00:00Z' }, 'kase');

      // --- Incidents by the Riga day they occurred.
      await incident(p, '2027-01-05T09:00:00Z', 'aggressive-behaviour');
      await incident(p, '2027-01-05T10:00:00Z', 'aggressive-behaviour');
      await incident(p, '2026-12-31T22:30:00Z', 'intoxication'); // 1 January in Riga
      await incident(p, '2026-12-31T21:30:00Z', 'other'); // 31 December in Riga
      await incident(p, '2027-01-05T09:00:00Z', 'other', 'kase');

      // --- Gifts by the day offered (a calendar date).
      for (const [day, declined] of [['2027-01-03', true], ['2027-01-08', true], ['2027-01-15', true], ['2027-01-19', false], ['2026-12-31', true]] as const) await gift(p, day, declined);
      await gift(p, '2027-01-05', false, 'kase');

      // The job's regular refresh: VSAA was never rebuilt, so it is rebuilt from its oldest record — which only the
      // phone and register sources know (their firstDay): without it December would stay empty.
      await refreshRecent(p.deps, 2);
      january = await computeStandardFigures(p.deps, profile, JANUARY, {});
      december = await computeStandardFigures(p.deps, profile, DECEMBER, {});
    });
    after(() => platform.close());

    it('the phone and registers sources are registered from their features: no indicator answers "no data" for a missing source', () => {
      assert.ok(availableSources().has('phone'));
      assert.ok(availableSources().has('registers'));
      assert.deepEqual(SEAM_INDICATORS.map((i) => i.id).sort(), [
        'errors.acknowledged', 'errors.apologisedWithinDays', 'errors.remediedShare', 'gifts.declared', 'gifts.declinedShare', 'incidents.recorded', 'phone.callbacksWithinPromise', 'phone.calls',
      ]);
      for (const i of SEAM_INDICATORS) assert.equal(figure(january, i.id).sourceMissing, false, i.id);
      assert.throws(() => registerFigureSource(phoneCallsFigureSource), /already registered/, 'a second registration would count every call twice');
    });

    it('phone.calls: by the Riga day the call started, per topic; the other agency never counts', async () => {
      assert.equal(figure(january, 'phone.calls').current.value, 3, '00:30 Riga on 1 January + two on 5 January');
      assert.equal(figure(december, 'phone.calls').current.value, 1, '23:30 Riga on 31 December');
      const topics = await exec(platform, sql`select channel_key, sum(n)::int as n from standard_figure_days
        where agency = 'vsaa' and metric = 'phone.calls' and day between '2027-01-01' and '2027-01-31' group by channel_key order by channel_key`);
      assert.deepEqual(topics, [{ channel_key: 'citi', n: 1 }, { channel_key: 'pensijas', n: 2 }]);
    });

    it('phone.callbacksWithinPromise: on time = reached by the promised time; unreachable and overdue are late; future ones wait', () => {
      // January: on time 5.1 (reached 14:00), 20.1, 1.1 (Riga midnight); late 5.1 (16:00), 6.1 unreachable, 7.1 open → 3 of 6.
      assert.equal(figure(january, 'phone.callbacksWithinPromise').current.value, 50);
      assert.equal(figure(january, 'phone.callbacksWithinPromise').current.base, 6);
      assert.equal(figure(december, 'phone.callbacksWithinPromise').current.value, 100);
      assert.equal(figure(december, 'phone.callbacksWithinPromise').current.base, 1);
    });

    it('errors: acknowledged and remedied by the Riga day of acknowledging; days to apologise in Riga calendar days', () => {
      // Acknowledged in January: E1 E2 E3 E4 E7 (E5 on 31 December Riga, E6 never) → 5; remedied E1 E3 → 40 %.
      assert.equal(figure(january, 'errors.acknowledged').current.value, 5);
      assert.equal(figure(january, 'errors.remediedShare').current.value, 40);
      assert.equal(figure(january, 'errors.remediedShare').current.base, 5);
      // Apologies sent in January: E7 0, E1 1, E2 2, E5 2, E3 7 → nearest-rank median (3rd of 5) = 2.
      // (Counted by UTC dates E2 would be 1 and the median 1.)
      assert.equal(figure(january, 'errors.apologisedWithinDays').current.value, 2);
      assert.equal(figure(january, 'errors.apologisedWithinDays').current.base, 5);
      assert.equal(figure(december, 'errors.acknowledged').current.value, 1, 'E5');
      assert.equal(figure(december, 'errors.remediedShare').current.value, 100);
      assert.equal(figure(december, 'errors.apologisedWithinDays').current.value, null, 'no apology was sent in December');
    });

    it('incidents.recorded: by the Riga day they occurred, per kind', async () => {
      assert.equal(figure(january, 'incidents.recorded').current.value, 3);
      assert.equal(figure(december, 'incidents.recorded').current.value, 1);
      const kinds = await exec(platform, sql`select channel_key, sum(n)::int as n from standard_figure_days
        where agency = 'vsaa' and metric = 'incidents.recorded' and day between '2027-01-01' and '2027-01-31' group by channel_key order by channel_key`);
      assert.deepEqual(kinds, [{ channel_key: 'aggressive-behaviour', n: 2 }, { channel_key: 'intoxication', n: 1 }]);
    });

    it('gifts: declared and declined share by the day offered', () => {
      assert.equal(figure(january, 'gifts.declared').current.value, 4);
      assert.equal(figure(january, 'gifts.declinedShare').current.value, 75);
      assert.equal(figure(december, 'gifts.declinedShare').current.value, 100);
    });

    it('the profile promises: the staff figures follow; the public page shows fewer than 5 as "fewer than 5"', async () => {
      const vsaa = platform.deps.agencies.get('vsaa') as AgencyProfile;
      const staff = await computeStandardFigures(platform.deps, vsaa, JANUARY, {});
      const byId = (id: string) => staff.promises.find((p) => p.promise.id === id);
      assert.equal(byId('kludas')?.current.value, 2, '"kļūdu gadījumā tās atzīst, atvainojas": median 2 days');
      assert.equal(byId('kludas')?.verdict, 'kept', 'target: at most 5 days');
      assert.equal(byId('kludu-sekas')?.verdict, 'not-kept', 'remedied 40 %, target 100 %');
      assert.equal(byId('davanas')?.verdict, 'not-kept', 'one gift of four accepted');
      const res = await platform.app.inject('/api/v1/agencies/vsaa/standard-figures?from=2027-01-01&to=2027-01-31');
      assert.equal(res.statusCode, 200);
      const body = res.json() as { promises: Array<{ id: string; months: Array<{ value: number | null; suppressed: boolean; status: string }> }> };
      const month = (id: string) => body.promises.find((p) => p.id === id)?.months[0];
      assert.deepEqual(month('davanas'), { ...month('davanas'), value: null, suppressed: true, status: 'fewer-than-5' }, 'four gift offers: fewer than 5');
      assert.deepEqual(month('kludu-sekas'), { ...month('kludu-sekas'), value: 40, suppressed: false, status: 'not-kept' }, 'five errors: shown');
      assert.deepEqual(month('kludas'), { ...month('kludas'), value: 2, suppressed: false, status: 'kept' });
      assert.doesNotMatch(res.body, /Kļūda|Konfektes|Anna Kalniņa|\+3712/, 'no record text or personal datum');
    });

    it('the channel filter picks a phone topic, an incident kind or an incident action for the indicators that have them', async () => {
      // Added now (and refreshed): a benefits callback on 8 January, reached on time; two incidents with actions.
      await callback(platform, { callBy: '2027-01-08T15:00:00Z', status: 'reached', closedAt: '2027-01-08T10:00:00Z', topic: 'pabalsti' });
      await incident(platform, '2027-01-06T09:00:00Z', 'public-order', 'vsaa', ['warned', 'state-police-called']);
      await incident(platform, '2027-01-07T09:00:00Z', 'aggressive-behaviour', 'vsaa', ['warned']);
      await incident(platform, '2027-01-07T09:00:00Z', 'aggressive-behaviour', 'kase', ['warned']);
      time.advance({ minutes: 1 });
      await refreshDays(platform.deps, 'vsaa', '2027-01-01', '2027-01-20');
      const by = (channel: string) => computeStandardFigures(platform.deps, profile, JANUARY, { channel });

      // Phone topics: calls on pensions in January 2 (5 January ×2; the 1 January call was "citi").
      const pensions = await by('pensijas');
      assert.equal(figure(pensions, 'phone.calls').current.value, 2);
      assert.equal(figure(pensions, 'phone.calls').filterIgnored, false);
      // Callbacks on pensions: unchanged 3 on time of 6 → 50 %; on benefits the one reached on time → 100 % of 1.
      assert.equal(figure(pensions, 'phone.callbacksWithinPromise').current.value, 50);
      assert.equal(figure(pensions, 'phone.callbacksWithinPromise').current.base, 6);
      const benefits = await by('pabalsti');
      assert.equal(figure(benefits, 'phone.callbacksWithinPromise').current.value, 100);
      assert.equal(figure(benefits, 'phone.callbacksWithinPromise').current.base, 1);
      assert.equal(figure(benefits, 'phone.calls').current.value, 0);
      // A topic is no incident kind: the incidents show the agency's figure with the note (3 + 2 new = 5).
      assert.equal(figure(pensions, 'incidents.recorded').filterIgnored, true);
      assert.equal(figure(pensions, 'incidents.recorded').current.value, 5);
      // Incident kinds: aggressive behaviour 2 on 5 January + 1 on 7 January.
      const aggressive = await by('aggressive-behaviour');
      assert.equal(figure(aggressive, 'incidents.recorded').current.value, 3);
      assert.equal(figure(aggressive, 'incidents.recorded').filterIgnored, false);
      assert.equal(figure(aggressive, 'phone.calls').filterIgnored, true, 'a kind is no phone topic');
      // Incident actions: "warned" twice (6 and 7 January), the state police once, "asked to leave" never; the
      // Treasury's warning never counts.
      assert.equal(figure(await by('warned'), 'incidents.recorded').current.value, 2);
      assert.equal(figure(await by('state-police-called'), 'incidents.recorded').current.value, 1);
      assert.equal(figure(await by('asked-to-leave'), 'incidents.recorded').current.value, 0);
      // "other" is both a VSAA phone topic and an incident kind: each indicator takes it in its own sense
      // (no call on "other"; the one "other" incident was on 31 December).
      const other = await by('other');
      assert.equal(figure(other, 'incidents.recorded').filterIgnored, false);
      assert.equal(figure(other, 'incidents.recorded').current.value, 0);
      assert.equal(figure(other, 'phone.calls').filterIgnored, false);
      assert.equal(figure(other, 'phone.calls').current.value, 0);
      assert.equal(figure(await computeStandardFigures(platform.deps, profile, DECEMBER, { channel: 'other' }), 'incidents.recorded').current.value, 1);
      // The Treasury's topics are not VSAA's.
      assert.ok(knownChannels(platform.deps.agencies.require('vsaa')).has('pabalsti'));
      assert.ok(!knownChannels(platform.deps.agencies.require('vsaa')).has('maksajumi'));
    });

    it('over HTTP: the grouped channel filter; unknown values → 400 field error in LV and EN, never echoed', async () => {
      const supervisor = await signedInStaff(platform, 'kanali@vsaa.test', 'vsaa', 'supervisor');
      const page = await supervisor.get('/staff/vsaa/standarts?period=month&month=2027-01&channel=warned&lang=lv');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<optgroup label="Tālruņa konsultāciju tēmas"><option value="pensijas">/);
      assert.match(page.body, /<optgroup label="Incidentu veidi">.*<option value="aggressive-behaviour">Agresīva uzvedība<\/option>/);
      assert.match(page.body, /<optgroup label="Rīcība incidentos">.*<option value="warned" selected="">Klients brīdināts<\/option>/);
      const api = await supervisor.get('/api/v1/staff/vsaa/standard-figures?period=month&month=2027-01&channel=pabalsti');
      assert.equal(api.statusCode, 200);
      assert.equal((api.json() as { channel: string }).channel, 'pabalsti');
      for (const channel of ['maksajumi', 'police-called', 'x'.repeat(64)]) {
        for (const [lang, message] of [['lv', 'Šāda kanāla nav'], ['en', 'There is no such channel']] as const) {
          const res = await supervisor.get(`/api/v1/staff/vsaa/standard-figures?channel=${channel}&lang=${lang}`);
          assert.equal(res.statusCode, 400, channel);
          assert.match(String(res.headers['content-type']), /application\/problem\+json/);
          const problem = res.json() as { errors: Array<{ field: string; message: string }> };
          assert.deepEqual(problem.errors.map((e) => [e.field, e.message]), [['channel', message]]);
          assert.ok(!res.body.includes(channel), 'never echoed');
        }
      }
      const bad = await supervisor.get('/staff/vsaa/standarts?channel=maksajumi&lang=en');
      assert.equal(bad.statusCode, 400);
      const main = bad.body.slice(bad.body.indexOf('<main'));
      assert.match(main, /<a href="#field-channel">There is no such channel<\/a>/);
      assert.ok(!main.includes('maksajumi'));
    });
  });
}

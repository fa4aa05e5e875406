import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { computeTerm } from '../../domain/terms/index.ts';
import { INDICATORS, type Source } from '../../domain/standard-figures/index.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { movableClock } from '../feedback/feedback.testing.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { computeStandardFigures, type StandardFigures } from './figures.service.ts';
import { refreshDays } from './refresh.service.ts';
import { appointment, event, flow, inquiry, opinion, phoneConsultation, surveyAnswer, ticket } from './standard-figures.testing.ts';

const JANUARY = { granularity: 'month' as const, period: { from: '2027-01-01', to: '2027-01-31' } };

/** The VSAA profile with one promise per indicator, so every indicator is computed. */
function everyIndicator(profile: AgencyProfile): AgencyProfile {
  return {
    ...profile,
    promises: INDICATORS.map((i) => ({ id: i.id.replace(/\./g, '-').toLowerCase(), words: { lv: i.name.lv, en: i.name.en }, indicator: i.id, target: { atLeast: 0, unit: i.unit } })),
  };
}

function figure(f: StandardFigures, indicator: string) {
  const row = f.promises.find((p) => p.indicator?.id === indicator);
  assert.ok(row, indicator);
  return row;
}

for (const target of testTargets()) {
  describe(`standard figures from a hand-built fixture (${target})`, () => {
    let platform: TestPlatform;
    // "Today" is Wednesday 20 January 2027, 12:00 in Riga.
    const time = movableClock('2027-01-20T10:00:00Z');
    let profile: AgencyProfile;
    let figures: StandardFigures;

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      profile = everyIndicator(platform.deps.agencies.get('vsaa') as AgencyProfile);
      const p = platform;

      // --- Inquiries. Received Tuesday 22 December 2026: ten working days (Law on Submissions since 1 March 2026),
      // counted by hand: 23.12 (1); 24, 25, 26 December holidays; 28 (2), 29 (3), 30 (4); 31.12 and 1.1 holidays;
      // 4.1 (5), 5 (6), 6 (7), 7 (8), 8 (9), 11 January (10) → the last permitted day is Monday 11 January 2027.
      const christmasDeadline = '2027-01-11';
      const calendar = await loadCalendar(p.deps);
      assert.equal(computeTerm('submission.answer', '2026-12-22', calendar).deadline, christmasDeadline, 'the platform agrees with the hand count');
      // Received Monday 4 January: ten working days → 18 January; forward within five working days → 11 January.
      assert.equal(computeTerm('submission.answer', '2027-01-04', calendar).deadline, '2027-01-18');
      const a = await inquiry(p, { channel: 'web-form', receivedAt: '2026-12-22T09:00:00Z', receivedOn: '2026-12-22', deadline: christmasDeadline, status: 'answered' });
      const b = await inquiry(p, { channel: 'web-form', receivedAt: '2026-12-22T09:00:00Z', receivedOn: '2026-12-22', deadline: christmasDeadline, status: 'answered' });
      // A: answered 11 January 23:30 Riga (21:30 UTC) — the last permitted day: on time, 10 working days.
      await event(p, a.id, '2027-01-11T21:30:00Z', 'replied', 'answered');
      // B: answered 12 January 00:30 Riga (still 11 January in UTC) — a day late by Riga days: late, 11 working days.
      await event(p, b.id, '2027-01-11T22:30:00Z', 'replied', 'answered');
      const c = await inquiry(p, { channel: 'web-form', receivedAt: '2027-01-04T08:00:00Z', receivedOn: '2027-01-04', deadline: '2027-01-18', status: 'answered' });
      await event(p, c.id, '2027-01-05T10:00:00Z', 'replied', 'answered'); // 1 working day
      const d = await inquiry(p, { channel: 'email', receivedAt: '2027-01-04T08:00:00Z', receivedOn: '2027-01-04', deadline: '2027-01-18', status: 'answered' });
      await event(p, d.id, '2027-01-06T10:00:00Z', 'replied', 'answered'); // 2 working days
      await event(p, d.id, '2027-01-19T10:00:00Z', 'replied', 'answered'); // a second answer: only the first counts
      const e = await inquiry(p, { channel: 'post', receivedAt: '2027-01-04T08:00:00Z', receivedOn: '2027-01-04', deadline: '2027-01-18', forwardDeadline: '2027-01-11', status: 'forwarded' });
      await event(p, e.id, '2027-01-11T15:00:00Z', 'forwarded', 'forwarded'); // the fifth working day: on time
      const f = await inquiry(p, { channel: 'e-address', receivedAt: '2027-01-04T08:00:00Z', receivedOn: '2027-01-04', deadline: '2027-01-18', forwardDeadline: '2027-01-11', status: 'forwarded' });
      await event(p, f.id, '2027-01-12T08:00:00Z', 'forwarded', 'forwarded'); // a day late
      const g = await inquiry(p, { channel: 'in-person', receivedAt: '2027-01-04T08:00:00Z', receivedOn: '2027-01-04', deadline: '2027-01-18', status: 'assigned' });
      await event(p, g.id, '2027-01-08T10:00:00Z', 'deadline-extended', null, { reason: 'Vajag ziņas no citas iestādes', from: '2027-01-18', to: '2027-01-18', max: '2027-05-04' });
      await event(p, c.id, '2027-01-05T09:00:00Z', 'deadline-extended', null, { reason: '', from: '2027-01-18', to: '2027-02-01', max: '2027-05-04' });
      const u = await inquiry(p, { channel: 'email', receivedAt: '2027-01-07T08:00:00Z', receivedOn: '2027-01-07', deadline: '2027-01-21', status: 'unexamined' });
      await event(p, u.id, '2027-01-08T08:00:00Z', 'unexamined', 'unexamined');

      // --- Queue, Tuesday 5 January: ten called tickets at Rīga Lāčplēša iela, one at Daugavpils, one never called.
      for (const wait of [0, 5, 10, 20, 21, 30, 45, 60, 90, 120]) await ticket(p, { centre: 'riga-lacplesa', day: '2027-01-05', issuedAt: '2027-01-05T08:00:00Z', waitMinutes: wait });
      await ticket(p, { centre: 'daugavpils', day: '2027-01-05', issuedAt: '2027-01-05T08:00:00Z', waitMinutes: 3 });
      await ticket(p, { centre: 'daugavpils', day: '2027-01-05', issuedAt: '2027-01-05T08:00:00Z', waitMinutes: null });

      // --- Appointments in January: 3 served, 1 arrived, 1 no-show; 2 cancelled by the agency, 1 by the client.
      for (const status of ['served', 'served', 'served', 'arrived', 'no-show']) await appointment(p, { centre: 'riga-lacplesa', startsAt: '2027-01-07T09:00:00Z', status });
      await appointment(p, { centre: 'riga-lacplesa', startsAt: '2027-01-27T09:00:00Z', status: 'cancelled', cancelledAt: '2027-01-12T09:00:00Z', cancelReason: 'Slimība' });
      await appointment(p, { centre: 'daugavpils', startsAt: '2027-01-27T09:00:00Z', status: 'cancelled', cancelledAt: '2027-01-13T09:00:00Z', cancelReason: 'Centrs slēgts' });
      await appointment(p, { centre: 'daugavpils', startsAt: '2027-01-27T09:00:00Z', status: 'cancelled', cancelledAt: '2027-01-13T09:00:00Z', cancelReason: 'client' });

      // --- Survey: 8 invitations in January, 5 answered.
      const answers: Array<Record<string, number>> = [
        { overall: 5, competence: 5 },
        { overall: 4, competence: 4 },
        { overall: 4 },
        { overall: 3, courtesy: 2 },
        { overall: 5 },
      ];
      for (const ratings of answers) await surveyAnswer(p, { createdAt: '2027-01-05T10:00:00Z', submittedAt: '2027-01-06T10:00:00Z', ratings, centre: 'riga-lacplesa' });
      for (let i = 0; i < 3; i += 1) await surveyAnswer(p, { createdAt: '2027-01-05T10:00:00Z', submittedAt: null });

      // --- Opinions: 2 complaints (one became inquiry A, answered on time), 1 praise.
      await opinion(p, { kind: 'complaint', receivedAt: '2026-12-22T09:00:00Z', inquiryReference: a.reference });
      await opinion(p, { kind: 'complaint', receivedAt: '2027-01-10T09:00:00Z' });
      await opinion(p, { kind: 'praise', receivedAt: '2027-01-10T09:00:00Z' });
      await phoneConsultation(p, '2027-01-05T09:00:00Z');
      await phoneConsultation(p, '2027-01-06T09:00:00Z');

      // --- Flows: question form opened 10×, suggestions shown 4×, filed 3× (1 after suggestions); booking 4 started, 2 finished.
      await flow(p, '2027-01-05', 'question-form', 'started', 10);
      await flow(p, '2027-01-05', 'question-form', 'suggested', 4);
      await flow(p, '2027-01-05', 'question-form', 'filed', 3);
      await flow(p, '2027-01-05', 'question-form', 'filed-after-suggestions', 1);
      await flow(p, '2027-01-05', 'booking', 'started', 4);
      await flow(p, '2027-01-05', 'booking', 'finished', 2);

      await refreshDays(p.deps, 'vsaa', '2026-12-01', '2027-01-20');
      figures = await computeStandardFigures(p.deps, profile, JANUARY, {});
    });
    after(() => platform.close());

    it('inquiries: within term by Riga day (the Christmas example), median working days, forwarded, extensions, unexamined, open and overdue', () => {
      // First answers in January: A on time, B late, C on time, D on time → 3 of 4.
      assert.equal(figure(figures, 'inquiries.answeredWithinTerm').current.value, 75);
      assert.equal(figure(figures, 'inquiries.answeredWithinTerm').current.base, 4);
      // Working days 10, 11, 1, 2 → sorted 1, 2, 10, 11; nearest-rank median (2nd) = 2.
      assert.equal(figure(figures, 'inquiries.medianWorkingDaysToAnswer').current.value, 2);
      assert.equal(figure(figures, 'inquiries.forwardedWithinFiveDays').current.value, 50);
      assert.equal(figure(figures, 'inquiries.extensions').current.value, 2);
      assert.equal(figure(figures, 'inquiries.extensionsLawful').current.value, 50, 'one extension has no reason');
      assert.equal(figure(figures, 'inquiries.unexamined').current.value, 1);
      // Open now: G (assigned); overdue: G's term 18 January < today 20 January.
      assert.equal(figure(figures, 'inquiries.openNow').current.value, 1);
      assert.equal(figure(figures, 'inquiries.overdueNow').current.value, 1);
      // December: nobody answered in December.
      const trend = figure(figures, 'inquiries.answeredWithinTerm').trend;
      assert.equal(trend.length, 12);
      assert.equal(trend[10]?.label, '2026-12');
      assert.equal(trend[10]?.figure.value, null);
    });

    it('queue: median and p90 wait by nearest rank, served within 20 minutes; per centre', async () => {
      // 11 called tickets: 0 3 5 10 20 21 30 45 60 90 120 → median rank 6 = 21; p90 rank ceil(9.9) = 10 → 90; ≤ 20 min: 5 of 11.
      assert.equal(figure(figures, 'queue.waitMedian').current.value, 21);
      assert.equal(figure(figures, 'queue.waitP90').current.value, 90);
      assert.ok(Math.abs((figure(figures, 'queue.servedWithinTarget').current.value ?? 0) - (100 * 5) / 11) < 1e-9);
      const daugavpils = await computeStandardFigures(platform.deps, profile, JANUARY, { centre: 'daugavpils' });
      assert.equal(figure(daugavpils, 'queue.waitMedian').current.value, 3);
      assert.equal(figure(daugavpils, 'queue.waitMedian').current.base, 1);
      // The inquiry figures have no centre: the filter does not apply and the agency's figure is shown.
      assert.equal(figure(daugavpils, 'inquiries.answeredWithinTerm').filterIgnored, true);
      assert.equal(figure(daugavpils, 'inquiries.answeredWithinTerm').current.value, 75);
    });

    it('appointments: no-show rate, cancelled by the agency', () => {
      assert.equal(figure(figures, 'appointments.noShowRate').current.value, 20);
      assert.equal(figure(figures, 'appointments.cancelledByAgency').current.value, 2);
    });

    it('survey: score per question, response rate, satisfied share; complaints, praise, complaints answered in term', () => {
      assert.equal(figure(figures, 'survey.overall').current.value, 4.2); // (5+4+4+3+5)/5
      assert.equal(figure(figures, 'survey.competence').current.value, 4.5);
      assert.equal(figure(figures, 'survey.courtesy').current.value, 2);
      assert.equal(figure(figures, 'survey.clarity').current.value, null);
      assert.equal(figure(figures, 'survey.responseRate').current.value, 62.5); // 5 of 8
      assert.equal(figure(figures, 'survey.satisfied').current.value, 80); // 4 of 5 gave 4 or 5
      assert.equal(figure(figures, 'feedback.complaints').current.value, 1, 'the other complaint came in December');
      assert.equal(figure(figures, 'feedback.praise').current.value, 1);
      assert.equal(figure(figures, 'feedback.complaintsAnsweredWithinTerm').current.value, 100);
    });

    it('FAQ deflection, digital take-up, form and booking completion', () => {
      // Suggestions shown 4, of which 1 filed anyway → 3 ended at the FAQ; against 3 + 3 filed → 50 %.
      assert.equal(figure(figures, 'faq.deflection').current.value, 50);
      // January contacts: inquiries C D E F G U (web-form, email, post, e-address, in-person, email) + 12 tickets + 2 calls = 20;
      // electronic: C, D, F, U = 4 → 20 %.
      assert.equal(figure(figures, 'digital.takeUp').current.value, 20);
      assert.equal(figure(figures, 'digital.takeUp').current.base, 20);
      assert.equal(figure(figures, 'forms.questionCompletion').current.value, 30);
      assert.equal(figure(figures, 'forms.bookingCompletion').current.value, 50);
    });

    it('phone and registers indicators: their features register the sources; without a source an indicator answers "no data"', async () => {
      // The phone and registers features register their sources (seam-sources.test.ts checks their figures).
      for (const id of ['phone.calls', 'phone.callbacksWithinPromise', 'errors.apologisedWithinDays', 'errors.remediedShare', 'incidents.recorded', 'gifts.declinedShare']) {
        assert.equal(figure(figures, id).sourceMissing, false, id);
      }
      // Only the records source: the same indicators answer "no data" (the mechanism the seam relies on).
      const recordsOnly = await computeStandardFigures(platform.deps, profile, JANUARY, {}, new Set<Source>(['records']));
      for (const id of ['phone.calls', 'gifts.declinedShare']) {
        assert.equal(figure(recordsOnly, id).sourceMissing, true, id);
        assert.equal(figure(recordsOnly, id).verdict, 'no-data', id);
      }
      // With the registers source the indicator computes from its metric (here: rows written by hand).
      await platform.deps.db.execute((await import('drizzle-orm')).sql`insert into standard_figure_months (agency, month, metric, bucket, n) values ('vsaa', '2027-01-01', 'gifts.offered', 1, 3), ('vsaa', '2027-01-01', 'gifts.offered', 0, 1)`);
      const withRegisters = await computeStandardFigures(platform.deps, profile, JANUARY, {}, new Set<Source>(['records', 'registers']));
      assert.equal(figure(withRegisters, 'gifts.declinedShare').current.value, 75);
      assert.equal(figure(withRegisters, 'phone.calls').verdict, 'no-data');
    });

    it('a from–to period reads the day aggregates: 12 January alone holds B\'s late answer only', async () => {
      const day = await computeStandardFigures(platform.deps, profile, { granularity: 'range', period: { from: '2027-01-12', to: '2027-01-12' } }, {});
      assert.equal(figure(day, 'inquiries.answeredWithinTerm').current.value, 0);
      assert.equal(figure(day, 'inquiries.answeredWithinTerm').current.base, 1);
      const eleventh = await computeStandardFigures(platform.deps, profile, { granularity: 'range', period: { from: '2027-01-11', to: '2027-01-11' } }, {});
      assert.equal(figure(eleventh, 'inquiries.answeredWithinTerm').current.value, 100, 'A answered at 23:30 Riga on the 11th');
    });

    it('a refresh is repeatable: running it again gives the same figures', async () => {
      time.advance({ minutes: 1 }); // a new refresh time: the figures are computed again, not taken from the cache
      await refreshDays(platform.deps, 'vsaa', '2027-01-01', '2027-01-20');
      const again = await computeStandardFigures(platform.deps, profile, JANUARY, {});
      for (const row of figures.promises) {
        if (row.indicator?.source === 'records') assert.deepEqual(figure(again, row.indicator.id).current, row.current, row.indicator.id);
      }
      // A new late answer, then a refresh: the figure follows (3 of 5 on time), the cache does not hide it.
      const late = await inquiry(platform, { channel: 'web-form', receivedAt: '2027-01-04T08:00:00Z', receivedOn: '2027-01-04', deadline: '2027-01-18', status: 'answered' });
      await event(platform, late.id, '2027-01-19T09:00:00Z', 'replied', 'answered');
      assert.equal(figure(await computeStandardFigures(platform.deps, profile, JANUARY, {}), 'inquiries.answeredWithinTerm').current.value, 75, 'not yet refreshed');
      time.advance({ minutes: 1 });
      await refreshDays(platform.deps, 'vsaa', '2027-01-19', '2027-01-20');
      assert.equal(figure(await computeStandardFigures(platform.deps, profile, JANUARY, {}), 'inquiries.answeredWithinTerm').current.value, 60);
    });
  });
}

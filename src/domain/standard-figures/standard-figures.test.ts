import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  INDICATORS,
  findIndicator,
  isWholeMonths,
  mean,
  parsePeriod,
  percent,
  previousPeriod,
  publicFigure,
  quantile,
  rangeOf,
  trendPeriods,
  verdict,
} from './index.ts';

const hist = (values: number[]) => {
  const h = new Map<number, number>();
  for (const v of values) h.set(v, (h.get(v) ?? 0) + 1);
  return h;
};

describe('histogram statistics', () => {
  it('median and p90 by nearest rank, worked by hand', () => {
    const waits = [0, 5, 10, 20, 21, 30, 45, 60, 90, 120];
    assert.equal(quantile(hist(waits), 0.5), 21, 'rank ceil(0.5·10) = 5 → the 5th smallest, 21');
    assert.equal(quantile(hist(waits), 0.9), 90, 'rank ceil(0.9·10) = 9 → 90');
    assert.equal(quantile(hist([1, 2, 10, 11]), 0.5), 2);
    assert.equal(quantile(new Map(), 0.5), null);
    assert.equal(mean(hist([5, 4, 4, 3, 5])), 4.2);
    assert.equal(percent(3, 4), 75);
    assert.equal(percent(1, 0), null);
  });

  it('the quantile is always one of the values and never below a smaller quantile (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 200 }), (values) => {
        const h = hist(values);
        const median = quantile(h, 0.5) as number;
        const p90 = quantile(h, 0.9) as number;
        assert.ok(values.includes(median));
        assert.ok(p90 >= median);
        const sorted = [...values].sort((a, b) => a - b);
        assert.equal(median, sorted[Math.ceil(0.5 * values.length) - 1]);
      }),
    );
  });
});

describe('periods (Riga calendar days)', () => {
  it('month, quarter, year and range', () => {
    assert.deepEqual(parsePeriod({ period: 'month', month: '2026-02' }, '2026-06-01'), { selection: { granularity: 'month', period: { from: '2026-02-01', to: '2026-02-28' } } });
    assert.deepEqual(parsePeriod({ period: 'quarter', quarter: '2026-Q4' }, '2026-06-01'), { selection: { granularity: 'quarter', period: { from: '2026-10-01', to: '2026-12-31' } } });
    assert.deepEqual(parsePeriod({ period: 'year', year: '2028' }, '2026-06-01'), { selection: { granularity: 'year', period: { from: '2028-01-01', to: '2028-12-31' } } });
    assert.deepEqual(parsePeriod({ from: '2026-03-05', to: '2026-03-09' }, '2026-06-01'), { selection: { granularity: 'range', period: { from: '2026-03-05', to: '2026-03-09' } } });
    assert.deepEqual(parsePeriod({}, '2026-06-15'), { selection: { granularity: 'month', period: { from: '2026-06-01', to: '2026-06-30' } } });
  });

  it('bad input: reversed, over five years, malformed and impossible dates, unknown kinds', () => {
    assert.deepEqual(rangeOf('2026-03-10', '2026-03-09'), { errors: [{ field: 'to', code: 'reversed' }] });
    assert.deepEqual(rangeOf('2020-01-01', '2025-01-01'), { errors: [{ field: 'to', code: 'too_long' }] });
    assert.ok('period' in rangeOf('2020-01-01', '2024-12-31'), 'exactly five years is allowed');
    assert.deepEqual(rangeOf('2026-02-30', '2026-03-01'), { errors: [{ field: 'from', code: 'invalid_format' }] });
    assert.deepEqual(rangeOf('2026-03-01\u0000', undefined), { errors: [{ field: 'from', code: 'invalid_format' }, { field: 'to', code: 'required' }] });
    assert.deepEqual(parsePeriod({ period: 'month', month: '2026-13' }, '2026-06-01'), { errors: [{ field: 'month', code: 'invalid_format' }] });
    assert.deepEqual(parsePeriod({ period: 'quarter', quarter: '2026-Q5' }, '2026-06-01'), { errors: [{ field: 'quarter', code: 'invalid_format' }] });
    assert.deepEqual(parsePeriod({ period: 'week' }, '2026-06-01'), { errors: [{ field: 'period', code: 'invalid_format' }] });
  });

  it('previous period and 12-period trends', () => {
    assert.deepEqual(previousPeriod({ granularity: 'month', period: { from: '2026-03-01', to: '2026-03-31' } }), { from: '2026-02-01', to: '2026-02-28' });
    assert.deepEqual(previousPeriod({ granularity: 'range', period: { from: '2026-03-05', to: '2026-03-09' } }), { from: '2026-02-28', to: '2026-03-04' });
    const trend = trendPeriods({ granularity: 'quarter', period: { from: '2026-01-01', to: '2026-03-31' } });
    assert.equal(trend.length, 12);
    assert.deepEqual(trend[0], { from: '2023-04-01', to: '2023-06-30' });
    assert.ok(trend.every(isWholeMonths));
    assert.equal(isWholeMonths({ from: '2026-03-05', to: '2026-03-31' }), false);
  });
});

describe('verdict and the public rule', () => {
  it('kept / not kept / no data, compared at one decimal', () => {
    assert.equal(verdict(100, { comparison: 'atLeast', value: 100, unit: 'percent' }), 'kept');
    assert.equal(verdict(99.94, { comparison: 'atLeast', value: 100, unit: 'percent' }), 'not-kept');
    assert.equal(verdict(21, { comparison: 'atMost', value: 20, unit: 'minutes' }), 'not-kept');
    assert.equal(verdict(null, { comparison: 'atMost', value: 20, unit: 'minutes' }), 'no-data');
    assert.equal(verdict(100, { comparison: 'exactly', value: 100, unit: 'percent' }), 'kept');
  });

  it('never a count below 5, never a figure from fewer than 5 records', () => {
    assert.deepEqual(publicFigure(4, 4, 'count'), { value: null, suppressed: true });
    assert.deepEqual(publicFigure(0, 0, 'count'), { value: null, suppressed: true });
    assert.deepEqual(publicFigure(100, 3, 'percent'), { value: null, suppressed: true });
    assert.deepEqual(publicFigure(80, 5, 'percent'), { value: 80, suppressed: false });
    assert.deepEqual(publicFigure(null, 0, 'percent'), { value: null, suppressed: false });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (value, base) => {
        const shown = publicFigure(value, base, 'count');
        if (shown.value !== null) assert.ok(shown.value >= 5 && base >= 5);
      }),
    );
  });
});

describe('the indicator registry', () => {
  it('every indicator has a unique id, LV and EN definitions, and the metrics it reads', () => {
    const ids = INDICATORS.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const i of INDICATORS) {
      assert.ok(i.definition.lv.length > 20 && i.definition.en.length > 20, i.id);
      assert.ok(i.metrics.length > 0, i.id);
    }
    for (const id of ['inquiries.answeredWithinTerm', 'queue.waitP90', 'survey.competence', 'errors.apologisedWithinDays', 'gifts.declinedShare', 'digital.takeUp', 'forms.questionCompletion', 'forms.bookingCompletion', 'survey.satisfied', 'faq.deflection', 'phone.callbacksWithinPromise', 'incidents.recorded']) {
      assert.ok(findIndicator(id), id);
    }
    assert.deepEqual(
      INDICATORS.filter((i) => i.source !== 'records').map((i) => i.id.split('.')[0]).filter((v, i, a) => a.indexOf(v) === i),
      ['phone', 'errors', 'incidents', 'gifts'],
    );
  });
});

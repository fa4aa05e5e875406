import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { KNOWN_CALENDAR_ENTRIES, LatvianCalendar } from '../calendar/index.ts';
import { computeTerm } from './compute-term.ts';
import {
  TermRuleDisabledError,
  TermRuleError,
  TermRuleNotInForceError,
  TermRuleOptionRequiredError,
  UnknownTermRuleError,
} from './errors.ts';
import { addCalendarMonths } from './period.ts';

const cal = new LatvianCalendar(KNOWN_CALENDAR_ENTRIES);
const deadline = (rule: string, receivedOn: string, options = {}) => computeTerm(rule, receivedOn, cal, options).deadline;

describe('computeTerm: LEGAL.md worked examples', () => {
  it('received 2025-02-15, one month → 2025-03-17', () => assert.equal(deadline('submission.answer', '2025-02-15'), '2025-03-17'));
  it('received 2026-03-02, 10 working days → 2026-03-16', () => assert.equal(deadline('submission.answer', '2026-03-02'), '2026-03-16'));
  it('received 2026-03-27, 10 working days → 2026-04-14', () => assert.equal(deadline('submission.answer', '2026-03-27'), '2026-04-14'));
  it('received 2025-04-02, one month → 2025-05-06', () => assert.equal(deadline('submission.answer', '2025-04-02'), '2025-05-06'));
  it('the calendar is injected: without the Cabinet order 2025-04-02 → 2025-05-02', () => {
    assert.equal(computeTerm('submission.answer', '2025-04-02', new LatvianCalendar([])).deadline, '2025-05-02');
  });
});

describe('computeTerm: submission.answer switches versions at 2026-03-01', () => {
  it('received Sat 2026-02-28: one month → 28 Mar (Sat) → Mon 2026-03-30', () => {
    const result = computeTerm('submission.answer', '2026-02-28', cal);
    assert.deepEqual(result, {
      deadline: '2026-03-30',
      rule: 'submission.answer',
      validFrom: '2008-01-01',
      validTo: '2026-02-28',
      source: {
        lv: 'Iesniegumu likums, 5. panta pirmā daļa (redakcijā līdz 28.02.2026.)',
        en: 'Law on Submissions, Section 5(1) (wording in force until 28.02.2026)',
      },
      period: { unit: 'months', amount: 1 },
    });
  });

  it('received Sun 2026-03-01: 10 working days → 2026-03-13', () => {
    const result = computeTerm('submission.answer', '2026-03-01', cal);
    assert.equal(result.deadline, '2026-03-13');
    assert.equal(result.validFrom, '2026-03-01');
    assert.equal(result.validTo, null);
    assert.deepEqual(result.period, { unit: 'workingDays', amount: 10 });
    assert.match(result.source.lv, /redakcijā no 01\.03\.2026/);
  });

  it('received Fri 2026-02-27: one month → Fri 2026-03-27', () => assert.equal(deadline('submission.answer', '2026-02-27'), '2026-03-27'));
});

describe('computeTerm: submission.answerComplex is one month in both versions', () => {
  it('2026-02-28 → 2026-03-30 (old version)', () => {
    const r = computeTerm('submission.answerComplex', '2026-02-28', cal);
    assert.equal(r.deadline, '2026-03-30');
    assert.equal(r.validTo, '2026-02-28');
  });
  it('2026-03-01 → 2026-04-01 (new version)', () => {
    const r = computeTerm('submission.answerComplex', '2026-03-01', cal);
    assert.equal(r.deadline, '2026-04-01');
    assert.equal(r.validFrom, '2026-03-01');
    assert.deepEqual(r.period, { unit: 'months', amount: 1 });
  });
  it('31 Mar 2026 → Thu 30 Apr 2026; 31 Jan 2027 → Mon 1 Mar 2027', () => {
    assert.equal(deadline('submission.answerComplex', '2026-03-31'), '2026-04-30');
    assert.equal(deadline('submission.answerComplex', '2027-01-31'), '2027-03-01');
  });
});

describe('computeTerm: submission.forward (7 → 5 working days)', () => {
  it('received Sat 2026-02-28: 7 working days → 2026-03-10', () => {
    const r = computeTerm('submission.forward', '2026-02-28', cal);
    assert.equal(r.deadline, '2026-03-10');
    assert.deepEqual(r.period, { unit: 'workingDays', amount: 7 });
  });
  it('received Sun 2026-03-01: 5 working days → 2026-03-06', () => {
    const r = computeTerm('submission.forward', '2026-03-01', cal);
    assert.equal(r.deadline, '2026-03-06');
    assert.deepEqual(r.period, { unit: 'workingDays', amount: 5 });
  });
  it('counts across holidays and a worked Saturday', () => {
    assert.equal(deadline('submission.forward', '2025-12-19'), '2026-01-07'); // 22, 23, 29, 30, (2 Jan off) 5, 6, 7
    assert.equal(deadline('submission.forward', '2026-06-19'), '2026-06-30'); // 25, 26, Sat 27, 29, 30
  });
});

describe('computeTerm: submission.extensionMax', () => {
  it('old version: four months from receipt, option ignored', () => {
    assert.equal(deadline('submission.extensionMax', '2025-10-31'), '2026-03-02'); // 28 Feb 2026 is a Saturday
    assert.equal(deadline('submission.extensionMax', '2026-02-28', { extensionAllowed: false }), '2026-06-29');
    assert.equal(deadline('submission.extensionMax', '2023-10-31'), '2024-02-29');
  });
  it('new version: on by default and with extensionAllowed: true', () => {
    assert.equal(deadline('submission.extensionMax', '2026-03-01'), '2026-07-01');
    assert.equal(deadline('submission.extensionMax', '2026-03-01', { extensionAllowed: true }), '2026-07-01');
  });
  it('new version with extensionAllowed: false throws TermRuleDisabledError', () => {
    assert.throws(
      () => computeTerm('submission.extensionMax', '2026-03-01', cal, { extensionAllowed: false }),
      (error: unknown) =>
        error instanceof TermRuleDisabledError &&
        error instanceof TermRuleError &&
        error.code === 'TERM_RULE_DISABLED' &&
        error.option === 'extensionAllowed',
    );
  });
});

describe('computeTerm: appointment.minNotice', () => {
  it('counts N working days from the booking date', () => {
    const r = computeTerm('appointment.minNotice', '2026-06-19', cal, { minNoticeWorkingDays: 3 });
    assert.equal(r.deadline, '2026-06-27');
    assert.deepEqual(r.period, { unit: 'workingDays', amount: 3 });
    assert.equal(deadline('appointment.minNotice', '2025-12-23', { minNoticeWorkingDays: 1 }), '2025-12-29');
    assert.equal(deadline('appointment.minNotice', '2025-12-23', { minNoticeWorkingDays: 0 }), '2025-12-23');
  });
  it('without the option throws TermRuleOptionRequiredError naming it', () => {
    assert.throws(
      () => computeTerm('appointment.minNotice', '2026-06-19', cal),
      (error: unknown) =>
        error instanceof TermRuleOptionRequiredError &&
        error.code === 'TERM_RULE_OPTION_REQUIRED' &&
        error.option === 'minNoticeWorkingDays' &&
        /minNoticeWorkingDays/.test(error.message),
    );
  });
  it('rejects a negative or fractional option', () => {
    assert.throws(() => computeTerm('appointment.minNotice', '2026-06-19', cal, { minNoticeWorkingDays: -1 }), RangeError);
    assert.throws(() => computeTerm('appointment.minNotice', '2026-06-19', cal, { minNoticeWorkingDays: 1.5 }), RangeError);
  });
});

describe('computeTerm: errors', () => {
  it('unknown rule → UnknownTermRuleError', () => {
    assert.throws(
      () => computeTerm('submission.unknown', '2026-03-01', cal),
      (error: unknown) =>
        error instanceof UnknownTermRuleError && error.code === 'UNKNOWN_TERM_RULE' && error.rule === 'submission.unknown',
    );
  });
  it('receipt before the law was in force → TermRuleNotInForceError', () => {
    assert.throws(() => computeTerm('submission.answer', '2007-12-31', cal), TermRuleNotInForceError);
    assert.equal(deadline('submission.answer', '2008-01-01'), '2008-02-01');
  });
  it('malformed receipt date → RangeError', () => {
    assert.throws(() => computeTerm('submission.answer', '2026-02-29', cal), { name: 'RangeError', message: /receivedOn/ });
  });
});

describe('computeTerm: properties (receipts 2008–2098)', () => {
  const START = Temporal.PlainDate.from('2008-01-01');
  const date = fc
    .integer({ min: 0, max: START.until(Temporal.PlainDate.from('2098-12-31')).days })
    .map((offset) => START.add({ days: offset }).toString());
  const rule = fc.constantFrom('submission.answer', 'submission.answerComplex', 'submission.extensionMax', 'submission.forward');

  it('the deadline is a working day after receipt, never before the raw period end', () => {
    fc.assert(
      fc.property(date, rule, (receivedOn, id) => {
        const r = computeTerm(id, receivedOn, cal);
        assert.ok(cal.isWorkingDay(r.deadline) && r.deadline > receivedOn);
        if (r.period.unit === 'months') {
          const raw = addCalendarMonths(receivedOn, r.period.amount);
          assert.ok(r.deadline >= raw);
          assert.equal(cal.countWorkingDays(raw, r.deadline) <= 1, true);
        } else {
          assert.equal(cal.countWorkingDays(receivedOn, r.deadline), r.period.amount);
        }
      }),
      { numRuns: 300 },
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { TERM_RULE_IDS, findTermRuleVersion, getTermRuleVersions, isTermRuleId } from './term-rules.ts';

describe('term rule table', () => {
  it('has the six rules', () => {
    assert.deepEqual(
      [...TERM_RULE_IDS],
      ['submission.answer', 'submission.answerComplex', 'submission.extensionMax', 'submission.forward', 'appointment.minNotice', 'gdpr.subjectRequest'],
    );
  });

  it('isTermRuleId accepts known ids only', () => {
    for (const id of TERM_RULE_IDS) assert.equal(isTermRuleId(id), true);
    assert.equal(isTermRuleId('submission.unknown'), false);
    assert.equal(isTermRuleId(''), false);
    assert.equal(isTermRuleId(42), false);
    assert.equal(isTermRuleId(undefined), false);
  });

  it('every rule has contiguous, non-overlapping versions ending open-ended', () => {
    for (const rule of TERM_RULE_IDS) {
      const versions = getTermRuleVersions(rule);
      assert.ok(versions.length >= 1, rule);
      assert.equal(versions.at(-1)?.validTo, null, rule);
      for (let i = 1; i < versions.length; i++) {
        const prev = versions[i - 1];
        const cur = versions[i];
        assert.ok(prev && cur && prev.validTo !== null, rule);
        const dayAfter = Temporal.PlainDate.from(prev.validTo).add({ days: 1 }).toString();
        assert.equal(cur.validFrom, dayAfter, `${rule}: gap or overlap before ${cur.validFrom}`);
      }
      for (const v of versions) {
        assert.ok(v.source.lv.length > 0 && v.source.en.length > 0);
        if (v.validTo !== null) assert.ok(v.validFrom <= v.validTo);
      }
    }
  });

  it('the submission rules switch on 2026-03-01', () => {
    for (const rule of ['submission.answer', 'submission.answerComplex', 'submission.extensionMax', 'submission.forward'] as const) {
      assert.equal(findTermRuleVersion(rule, '2026-02-28')?.validTo, '2026-02-28', rule);
      assert.equal(findTermRuleVersion(rule, '2026-03-01')?.validFrom, '2026-03-01', rule);
    }
    assert.deepEqual(findTermRuleVersion('submission.answer', '2026-03-01')?.period, { unit: 'workingDays', amount: 10 });
    assert.deepEqual(findTermRuleVersion('submission.forward', '2026-02-28')?.period, { unit: 'workingDays', amount: 7 });
    assert.equal(findTermRuleVersion('submission.answer', '2007-12-31'), undefined);
  });

  it('the table returned for documentation is a frozen copy', () => {
    const versions = getTermRuleVersions();
    assert.equal(versions.length, 10);
    versions.pop();
    assert.equal(getTermRuleVersions().length, 10);
    const first = getTermRuleVersions()[0];
    assert.ok(first && Object.isFrozen(first) && Object.isFrozen(first.source));
    assert.equal(first.source.lv, 'Iesniegumu likums, 5. panta pirmā daļa (redakcijā līdz 28.02.2026.)');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { daysBetween, ERROR_STEPS, errorStatus, giftNeedsReason, isCleanText, isInFuture, stepRefusal, type ErrorStep } from './registers.ts';

describe('service error steps', () => {
  it('acknowledged first; remedied before acknowledged is refused', () => {
    assert.equal(stepRefusal([], 'acknowledged'), null);
    assert.equal(stepRefusal([], 'remedied'), 'not-acknowledged');
    assert.equal(stepRefusal([], 'apology-sent'), 'not-acknowledged');
    assert.equal(stepRefusal([], 'closed'), 'not-acknowledged');
  });
  it('apology then remedy then close; the apology may be skipped, not taken after the remedy', () => {
    assert.equal(stepRefusal(['acknowledged'], 'apology-sent'), null);
    assert.equal(stepRefusal(['acknowledged'], 'remedied'), null);
    assert.equal(stepRefusal(['acknowledged', 'remedied'], 'apology-sent'), 'out-of-order');
    assert.equal(stepRefusal(['acknowledged'], 'closed'), 'not-remedied');
    assert.equal(stepRefusal(['acknowledged', 'apology-sent', 'remedied'], 'closed'), null);
    assert.equal(stepRefusal(['acknowledged', 'remedied', 'closed'], 'apology-sent'), 'closed');
    assert.equal(stepRefusal(['acknowledged'], 'acknowledged'), 'already-done');
  });
  it('property: any accepted sequence is in the standard order, starts acknowledged, and closes only after a remedy', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ERROR_STEPS), { maxLength: 8 }), (attempts) => {
        const done: ErrorStep[] = [];
        for (const step of attempts) if (stepRefusal(done, step) === null) done.push(step);
        const indexes = done.map((s) => ERROR_STEPS.indexOf(s));
        assert.deepEqual(indexes, [...indexes].sort((a, b) => a - b));
        if (done.length) assert.equal(done[0], 'acknowledged');
        if (done.includes('closed')) assert.ok(done.includes('remedied'));
        assert.equal(errorStatus(done), done.length ? done[done.length - 1] : 'open');
      }),
    );
  });
});

describe('register rules', () => {
  it('days between, never negative', () => {
    assert.equal(daysBetween(0, 36 * 3600_000), 1);
    assert.equal(daysBetween(1000, 0), 0);
  });
  it('an accepted gift needs a reason', () => {
    assert.equal(giftNeedsReason(true, undefined), false);
    assert.equal(giftNeedsReason(false, '  '), true);
    assert.equal(giftNeedsReason(false, 'Nodots iestādes bibliotēkai'), false);
  });
  it('control characters and future times', () => {
    assert.equal(isCleanText('Rinda\nlodziņš\t2'), true);
    assert.equal(isCleanText('a\u0000b'), false);
    assert.equal(isInFuture(10 * 60_000, 0), true);
    assert.equal(isInFuture(60_000, 0), false);
  });
});

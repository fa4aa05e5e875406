import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_DELIVERY_ATTEMPTS, nextDeliveryAttempt } from './retry-policy.ts';

const at = new Date('2026-11-21T10:00:00Z');
const minutesAfter = (date: Date | null) => (date ? (date.getTime() - at.getTime()) / 60_000 : null);

describe('mail retry policy', () => {
  it('waits 1, 2, 4, 8 … minutes, never more than 6 hours, and gives up after the 12th attempt', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => minutesAfter(nextDeliveryAttempt(n, at))), [1, 2, 4, 8, 16]);
    assert.equal(minutesAfter(nextDeliveryAttempt(10, at)), 360);
    assert.equal(minutesAfter(nextDeliveryAttempt(11, at)), 360);
    assert.equal(nextDeliveryAttempt(MAX_DELIVERY_ATTEMPTS, at), null);
    assert.equal(nextDeliveryAttempt(MAX_DELIVERY_ATTEMPTS + 5, at), null);
  });

  it('refuses a count that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) assert.throws(() => nextDeliveryAttempt(bad, at), RangeError);
  });

  it('never schedules earlier than the failure, and never waits less after more failures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DELIVERY_ATTEMPTS - 2 }), (n) => {
        const a = nextDeliveryAttempt(n, at);
        const b = nextDeliveryAttempt(n + 1, at);
        assert.ok(a && b && a > at && b >= a);
      }),
    );
  });
});

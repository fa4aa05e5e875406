import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { rigaDateAt, rigaIsoAt, rigaOffsetAt } from './riga-clock.ts';

const at = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;

/** The reference: Temporal's own zoned time. */
const zoned = (epochMs: number) => Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO('Europe/Riga');

describe('Riga clock', () => {
  it('writes winter and summer time with their offsets, to the second', () => {
    assert.equal(rigaIsoAt(at('2026-11-19T07:05:00Z')), '2026-11-19T09:05:00+02:00');
    assert.equal(rigaIsoAt(at('2026-07-01T06:30:59.999Z')), '2026-07-01T09:30:59+03:00');
    assert.deepEqual(rigaOffsetAt(at('2026-07-01T00:00:00Z')), { text: '+03:00', ms: 3 * 3_600_000 });
  });

  it('changes the offset exactly at the transitions (last Sundays of March and October, 01:00 UTC)', () => {
    assert.equal(rigaIsoAt(at('2026-03-29T00:59:59Z')), '2026-03-29T02:59:59+02:00');
    assert.equal(rigaIsoAt(at('2026-03-29T01:00:00Z')), '2026-03-29T04:00:00+03:00');
    assert.equal(rigaIsoAt(at('2026-10-25T00:59:59Z')), '2026-10-25T03:59:59+03:00');
    assert.equal(rigaIsoAt(at('2026-10-25T01:00:00Z')), '2026-10-25T03:00:00+02:00');
  });

  it('gives the Riga date, which is ahead of UTC around midnight', () => {
    assert.equal(rigaDateAt(at('2026-12-31T21:59:59Z')), '2026-12-31');
    assert.equal(rigaDateAt(at('2026-12-31T22:00:00Z')), '2027-01-01');
    assert.equal(rigaDateAt(at('2026-06-30T21:00:00Z')), '2026-07-01');
  });

  it('agrees with Temporal for any instant from 1995 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2100, 0, 1) }), (epochMs) => {
        const reference = zoned(epochMs);
        assert.equal(rigaIsoAt(epochMs), reference.toString({ timeZoneName: 'never', smallestUnit: 'second' }));
        assert.equal(rigaDateAt(epochMs), reference.toPlainDate().toString());
      }),
      { numRuns: 5_000 },
    );
  });
});

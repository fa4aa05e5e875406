// Impossible days in the booking URL are a 400 page with the field named, never a 500.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { isCalendarDate } from './booking.pages.tsx';

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    for (const ok of ['2026-12-31', '2028-02-29']) assert.ok(isCalendarDate(ok), ok);
    for (const bad of ['2026-13-45', '2026-12-32', '2026-02-29', '2026-1-1', '', '2026-12-31T00:00', '2026-12-31\u0000']) assert.ok(!isCalendarDate(bad), bad);
  });
});

for (const target of testTargets()) {
  describe(`booking with an impossible day (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock('2026-11-19T08:00:00Z') });
    });
    after(() => platform.close());

    it('answers 400 with an HTML page in both languages', async () => {
      for (const query of ['day=2026-13-45', 'service=pensijas&centre=riga-lacplesa&day=2026-12-32', 'service=pensijas&centre=riga-lacplesa&day=2026-12-32&lang=en']) {
        const res = await platform.app.inject({ url: `/vsaa/pieraksts?${query}` });
        assert.equal(res.statusCode, 400, query);
        assert.match(String(res.headers['content-type']), /text\/html/);
        assert.ok(!res.body.includes('2026-12-32</'), 'the bad input is not echoed as content');
      }
      const ok = await platform.app.inject({ url: '/vsaa/pieraksts?service=pensijas&centre=riga-lacplesa&day=2026-11-20' });
      assert.equal(ok.statusCode, 200);
    });
  });
}

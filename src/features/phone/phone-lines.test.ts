import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAgencyProfiles } from '../agencies/agency-profile.loader.ts';
import { AgencyProfileSchema } from '../agencies/agency-profile.schema.ts';
import { callbackLine, phoneLines, phoneTopics } from './phone-lines.ts';

const profiles = await loadAgencyProfiles(new URL('../../../agencies', import.meta.url).pathname);
const bySlug = (slug: string) => {
  const profile = profiles.find((p) => p.slug === slug);
  if (!profile) throw new Error(slug);
  return profile;
};

describe('phone lines from the profile', () => {
  it('VSAA: the information line 64507020, then every KAC’s own number with the centre’s hours', () => {
    const lines = phoneLines(bySlug('vsaa'));
    assert.equal(lines[0]?.number, '64507020');
    assert.equal(lines[0]?.kind, 'channel');
    const kac = lines.filter((l) => l.kind === 'centre');
    assert.equal(kac.length, bySlug('vsaa').serviceCentres.length);
    assert.ok(kac.every((l) => /^\+371 6\d{7}$/.test(l.number) && l.hours?.weekly.mon?.[0] === '08:30-17:00'));
    assert.equal(callbackLine(bySlug('vsaa'))?.id, 'info-talrunis');
  });
  it('Treasury: one line (the centre shares its number), recorded, five topics', () => {
    const kase = bySlug('kase');
    assert.deepEqual(phoneLines(kase).map((l) => [l.id, l.recorded]), [['talrunis', true]]);
    assert.equal(phoneTopics(kase).length, 5);
    assert.equal(kase.phone.callbackWithinWorkingDays, 1);
  });
  it('a profile without a phone section still loads: defaults (not recorded, callback within 1 working day)', () => {
    const { phone: _phone, ...withoutPhone } = bySlug('kase');
    const parsed = AgencyProfileSchema.parse(withoutPhone);
    assert.deepEqual(parsed.phone, { topics: [], recorded: false, callbackWithinWorkingDays: 1 });
    assert.equal(phoneTopics(parsed).length, 5, 'falls back to phoneTopics');
  });
  it('refuses a bad phone section', () => {
    const kase = bySlug('kase');
    assert.equal(AgencyProfileSchema.safeParse({ ...kase, phone: { callbackWithinWorkingDays: -1 } }).success, false);
    assert.equal(AgencyProfileSchema.safeParse({ ...kase, phone: { recorded: 'yes' } }).success, false);
    assert.equal(AgencyProfileSchema.safeParse({ ...kase, phone: { unknown: 1 } }).success, false);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAgencyProfiles } from './agency-profile.loader.ts';
import { agencyNameIn } from './agency-name.ts';

describe('agency names in Latvian cases', () => {
  it("uses the profile's forms for both agencies", async () => {
    const profiles = await loadAgencyProfiles(new URL('../../../agencies', import.meta.url).pathname);
    const kase = profiles.find((p) => p.slug === 'kase')!;
    const vsaa = profiles.find((p) => p.slug === 'vsaa')!;
    assert.equal(`nav ${agencyNameIn(kase, 'lv', 'genitive')} kompetencē`, 'nav Valsts kases kompetencē');
    assert.equal(`sazinājāties ar ${agencyNameIn(kase, 'lv', 'accusative')}`, 'sazinājāties ar Valsts kasi');
    assert.equal(agencyNameIn(vsaa, 'lv', 'dative'), 'Valsts sociālās apdrošināšanas aģentūrai');
    assert.equal(agencyNameIn(vsaa, 'lv', 'locative'), 'Valsts sociālās apdrošināšanas aģentūrā');
    assert.equal(agencyNameIn(kase, 'en', 'genitive'), 'State Treasury', 'English has no cases');
    assert.equal(agencyNameIn(kase, 'lv', 'nominative'), 'Valsts kase');
  });

  it('without forms, declines the word "iestāde" and quotes the name', () => {
    const plain = { name: { lv: 'Demo birojs', en: 'Demo office' } };
    assert.equal(agencyNameIn(plain, 'lv', 'genitive'), 'iestādes „Demo birojs”');
    assert.equal(agencyNameIn(plain, 'lv', 'dative'), 'iestādei „Demo birojs”');
    assert.equal(agencyNameIn(plain, 'lv', 'accusative'), 'iestādi „Demo birojs”');
    assert.equal(agencyNameIn(plain, 'lv', 'locative'), 'iestādē „Demo birojs”');
  });
});

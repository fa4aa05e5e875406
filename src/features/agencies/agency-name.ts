import type { AgencyProfile } from './agency-profile.schema.ts';

export type NameCase = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'locative';

/** "iestāde" in each case: the fallback puts the agency's name in quotes after it, which needs no declension. */
const INSTITUTION: Record<Exclude<NameCase, 'nominative'>, string> = { genitive: 'iestādes', dative: 'iestādei', accusative: 'iestādi', locative: 'iestādē' };

/** The agency's name in the case a Latvian sentence needs; English has no cases. */
export function agencyNameIn(profile: Pick<AgencyProfile, 'name' | 'nameForms'>, lang: 'lv' | 'en', nameCase: NameCase): string {
  if (lang === 'en' || nameCase === 'nominative') return profile.name[lang];
  return profile.nameForms?.[nameCase] ?? `${INSTITUTION[nameCase]} „${profile.name.lv}”`;
}

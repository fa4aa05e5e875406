import type { AgencyProfile, LocalizedText } from '../agencies/agency-profile.schema.ts';
import { KASE_FAQ } from './faq.seed-data.kase.ts';
import { VSAA_FAQ } from './faq.seed-data.vsaa.ts';

export type FaqTopic = { id: string; name: LocalizedText };
export type FaqSeedEntry = { topic: string; question: LocalizedText; answer: LocalizedText };
export type FaqSeed = { topics: FaqTopic[]; entries: FaqSeedEntry[] };

/** The knowledge base each agency starts with, by slug. */
export const FAQ_SEEDS: Readonly<Record<string, FaqSeed>> = { vsaa: VSAA_FAQ, kase: KASE_FAQ };

export const GENERAL_TOPIC: FaqTopic = { id: 'general', name: { lv: 'Vispārīgi jautājumi', en: 'General questions' } };

/**
 * The topics an agency's questions are grouped by: its seed data's topics; for an agency added by
 * profile alone, the phone consultation topics of its standard; else one general topic.
 */
export function faqTopicsFor(profile: Pick<AgencyProfile, 'slug' | 'phoneTopics'>): FaqTopic[] {
  const seeded = FAQ_SEEDS[profile.slug];
  if (seeded) return seeded.topics;
  if (profile.phoneTopics.length > 0) return profile.phoneTopics.map((t) => ({ id: t.id, name: t.name }));
  return [GENERAL_TOPIC];
}

import type { AgencyProfile, LocalizedText } from '../agencies/agency-profile.schema.ts';
import { readAllFaqSeeds, type FaqSeed } from './faq.seed-data.ts';

export type { FaqSeed } from './faq.seed-data.ts';
export type FaqTopic = { id: string; name: LocalizedText };

/** The knowledge base each agency starts with, by slug (agencies/faq/<slug>.yaml). */
export const FAQ_SEEDS: Readonly<Record<string, FaqSeed>> = readAllFaqSeeds();

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

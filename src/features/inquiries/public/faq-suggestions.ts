import type { AppDeps } from '../../../platform/deps.ts';
import type { Language } from '../../../platform/i18n/index.ts';
import { searchFaq, type FaqSearchHit } from '../../knowledge-base/faq.service.ts';

/** A knowledge-base answer that may already answer the client's question (highlighted HTML is safe, <mark> only). */
export type FaqSuggestion = FaqSearchHit;

export const SUGGESTION_LIMIT = 5;

/** The one place the question form asks the knowledge base for matching answers (searchFaq reads the first 200 characters). */
export async function suggestFaqAnswers(deps: Pick<AppDeps, 'db'>, agency: string, text: string, lang: Language): Promise<FaqSuggestion[]> {
  const query = text.trim();
  if (query.length < 3) return [];
  return searchFaq(deps, agency, query, lang, { limit: SUGGESTION_LIMIT });
}

/** Where the public FAQ page shows an entry. */
export function faqEntryHref(agency: string, id: string): string {
  return `/${agency}/buj#faq-${id}`;
}

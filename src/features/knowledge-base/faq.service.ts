import type { Database } from '../../platform/db/client.ts';
import { MAX_QUERY_LENGTH, markMatches, searchDocument, searchTerms, snippetAround, type MarkedText } from '../../domain/latvian-text/index.ts';
import { listFaqEntries, searchFaqEntries, type FaqEntryRow, type FaqEntryValues } from './faq.repository.ts';
import type { FaqTopic } from './faq.topics.ts';

export type FaqLanguage = 'lv' | 'en';

export type FaqSearchHit = {
  id: string;
  topic: string;
  question: string;
  answer: string;
  /** The question, its words that answer the search marked. */
  questionMarks: MarkedText;
  /** At most 300 characters of the answer around the first match, marked. */
  answerMarks: MarkedText;
  score: number;
};

export type PublicFaqEntry = { id: string; topic: string; question: string; answer: string; updatedAt: string };

export const DEFAULT_SEARCH_LIMIT = 10;
const MAX_SEARCH_LIMIT = 50;

function inLanguage(row: FaqEntryRow, lang: FaqLanguage): { question: string; answer: string } {
  return lang === 'lv' ? { question: row.questionLv, answer: row.answerLv } : { question: row.questionEn, answer: row.answerEn };
}

/** The folded, stemmed text stored for search in both languages. */
export function searchColumns(entry: Pick<FaqEntryValues, 'questionLv' | 'answerLv' | 'questionEn' | 'answerEn'>) {
  return {
    searchLv: searchDocument(entry.questionLv, entry.answerLv, 'lv'),
    searchEn: searchDocument(entry.questionEn, entry.answerEn, 'en'),
  };
}

/**
 * Searches an agency's knowledge base the way a Latvian reader expects: diacritics and word forms
 * optional, typos forgiven, best first, with the matches marked. Published entries only unless
 * `includeDrafts`. A blank query gives []; only the first 200 characters are read; never throws
 * on user input.
 */
export async function searchFaq(
  deps: { db: Database },
  agency: string,
  query: string,
  lang: FaqLanguage,
  options: { limit?: number; includeDrafts?: boolean } = {},
): Promise<FaqSearchHit[]> {
  if (typeof query !== 'string') return [];
  const language: FaqLanguage = lang === 'en' ? 'en' : 'lv';
  const terms = searchTerms(query.slice(0, MAX_QUERY_LENGTH), language);
  if (terms.length === 0) return [];
  const wanted = Number.isFinite(options.limit) ? Math.trunc(options.limit as number) : DEFAULT_SEARCH_LIMIT;
  const limit = Math.min(Math.max(wanted, 1), MAX_SEARCH_LIMIT);
  const rows = await searchFaqEntries(deps.db, { agency, lang: language, terms, limit, includeDrafts: options.includeDrafts === true });
  return rows.map((row) => {
    const { question, answer } = inLanguage(row, language);
    return {
      id: row.id,
      topic: row.topic,
      question,
      answer,
      questionMarks: markMatches(question, terms, language),
      answerMarks: snippetAround(answer, terms, language),
      score: Math.round(row.score * 10000) / 10000,
    };
  });
}

/** An agency's published entries in one language, oldest first (the order they were written in). */
export async function listPublishedFaq(deps: { db: Database }, agency: string, lang: FaqLanguage, topic?: string): Promise<PublicFaqEntry[]> {
  const rows = await listFaqEntries(deps.db, agency, { publishedOnly: true, ...(topic ? { topic } : {}) });
  return rows.map((row) => ({ id: row.id, topic: row.topic, ...inLanguage(row, lang), updatedAt: row.updatedAt.toISOString() }));
}

export type TopicGroup<T> = { topic: FaqTopic; entries: T[] };

/** Entries under their topics, in the topics' order; an entry of an unknown topic gets a group of its own. */
export function groupByTopic<T extends { topic: string }>(entries: readonly T[], topics: readonly FaqTopic[]): Array<TopicGroup<T>> {
  const groups = new Map<string, TopicGroup<T>>(topics.map((topic) => [topic.id, { topic, entries: [] }]));
  for (const entry of entries) {
    let group = groups.get(entry.topic);
    if (!group) {
      group = { topic: { id: entry.topic, name: { lv: entry.topic, en: entry.topic } }, entries: [] };
      groups.set(entry.topic, group);
    }
    group.entries.push(entry);
  }
  return [...groups.values()].filter((g) => g.entries.length > 0);
}

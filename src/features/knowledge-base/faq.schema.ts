import { z } from 'zod';
import { FAQ_STATUSES } from './faq.tables.ts';
import { catalogMessage } from '../../platform/http/problem.ts';

export const FAQ_QUESTION_MAX = 500;
export const FAQ_ANSWER_MAX = 5000;
/** The API reads queries up to this length (and searches the first 200 characters); longer is a 400. */
export const FAQ_QUERY_MAX = 1000;

function message(key: 'questionTooLong' | 'answerTooLong' | 'topic', max = 0) {
  return catalogMessage(`faq.errors.${key}`, { max });
}

// A refinement, not .max(): Zod keeps the bilingual message params only on custom issues.
const question = z
  .string()
  .trim()
  .min(1)
  .refine((text) => text.length <= FAQ_QUESTION_MAX, message('questionTooLong', FAQ_QUESTION_MAX));
const answer = z
  .string()
  .trim()
  .min(1)
  .refine((text) => text.length <= FAQ_ANSWER_MAX, message('answerTooLong', FAQ_ANSWER_MAX));

/** One entry as staff write it (form or API); the topic is checked against the agency's topics. */
export function faqEntryInputSchema(topicIds: readonly string[]) {
  return z.object({
    topic: z.string().refine((topic) => topicIds.includes(topic), message('topic')),
    status: z.enum(FAQ_STATUSES),
    questionLv: question,
    answerLv: answer,
    questionEn: question,
    answerEn: answer,
  });
}

export type FaqEntryInput = z.infer<ReturnType<typeof faqEntryInputSchema>>;

/** The version the edit was based on (optimistic locking). */
export const FaqVersionSchema = z.coerce.number().int().min(1);

// ── Public API ───────────────────────────────────────────────────────────────

export const FaqAgencyParamsSchema = z.object({ slug: z.string().min(1).max(40) });

export const FaqQuerySchema = z
  .object({
    q: z.string().max(FAQ_QUERY_MAX).optional().describe('Search text; diacritics and word forms are optional'),
    lang: z.enum(['lv', 'en']).optional().describe('Language of the texts (default: the request language)'),
    topic: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/)
      .optional()
      .describe('Only this topic'),
    limit: z.coerce.number().int().min(1).max(50).optional().describe('Most search hits (default 10)'),
  })
  .strict();

const TopicSchema = z.object({ id: z.string(), name: z.object({ lv: z.string(), en: z.string() }) });

export const PublicFaqEntrySchema = z.object({
  id: z.string(),
  topic: z.string(),
  question: z.string(),
  answer: z.string(),
  updatedAt: z.string().describe('ISO 8601'),
});

export const FaqSearchHitSchema = z.object({
  id: z.string(),
  topic: z.string(),
  question: z.string(),
  answer: z.string(),
  questionHighlighted: z.string().describe('Safe HTML: the escaped question with <mark> around matches'),
  answerSnippet: z.string().describe('Safe HTML: at most 300 characters of the answer around the first match'),
  score: z.number(),
});

export const FaqListResponseSchema = z.object({
  agency: z.string(),
  lang: z.enum(['lv', 'en']),
  query: z.string().nullable().describe('The search text, or null when listing'),
  topics: z.array(TopicSchema),
  entries: z.array(PublicFaqEntrySchema).describe('Published entries by topic (empty when searching)'),
  hits: z.array(FaqSearchHitSchema).describe('Search hits, best first (empty when listing)'),
});

// ── Staff API ────────────────────────────────────────────────────────────────

export const StaffFaqParamsSchema = z.object({ agency: z.string().min(1).max(40) });
export const StaffFaqEntryParamsSchema = StaffFaqParamsSchema.extend({ id: z.string().min(1).max(64) });

export const StaffFaqEntrySchema = z.object({
  id: z.string(),
  topic: z.string(),
  status: z.enum(FAQ_STATUSES),
  questionLv: z.string(),
  answerLv: z.string(),
  questionEn: z.string(),
  answerEn: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const StaffFaqListResponseSchema = z.object({ entries: z.array(StaffFaqEntrySchema) });
export const StaffFaqWriteBodySchema = z.record(z.string(), z.unknown());

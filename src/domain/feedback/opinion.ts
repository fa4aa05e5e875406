export const OPINION_KINDS = ['praise', 'complaint', 'suggestion'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
export const OPINION_SOURCES = ['web', 'in-person', 'phone'] as const;
export type OpinionSource = (typeof OPINION_SOURCES)[number];
export const OPINION_SUBJECTS = ['general', 'centre', 'channel', 'staff'] as const;
export type OpinionSubject = (typeof OPINION_SUBJECTS)[number];

/** Longest opinion text (characters). */
export const OPINION_TEXT_MAX = 5000;

export type OpinionFacts = {
  kind: OpinionKind;
  source: OpinionSource;
  anonymous: boolean;
  expectsAnswer: boolean;
  hasContact: boolean;
};

/**
 * Law on Submissions: a written complaint, or any signed (named) opinion whose author expects an answer,
 * is a submission with the statutory term — provided we know whom to answer. Anonymous opinions are
 * recorded but not examined as submissions (section 7).
 */
export function opinionBecomesInquiry(facts: OpinionFacts): boolean {
  if (facts.anonymous || !facts.hasContact) return false;
  return facts.expectsAnswer || (facts.kind === 'complaint' && facts.source === 'web');
}

/** A survey question as the profile defines it (structurally the profile's SurveyQuestion). */
export type SurveyQuestionRule = { id: string; kind: 'rating' | 'comment'; required: boolean };

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** Longest comment a survey answer may carry (characters, after trimming). */
export const SURVEY_COMMENT_MAX = 2000;

export type SurveyAnswers = { ratings: Record<string, number>; comments: Record<string, string> };

export type SurveyAnswerProblem = { question: string; problem: 'required' | 'out-of-range' | 'too-long' };

export type SurveyValidation = { ok: true; answers: SurveyAnswers } | { ok: false; problems: SurveyAnswerProblem[] };

/** A rating as the form sends it: an integer 1–5 written plainly ("3"), nothing else. */
export function parseRating(raw: string): number | null {
  if (!/^\d{1,2}$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return value >= RATING_MIN && value <= RATING_MAX ? value : null;
}

/**
 * Checks raw form answers against the profile's questions: ratings are whole numbers 1–5, required
 * questions are answered, comments are at most SURVEY_COMMENT_MAX characters. Unknown fields are ignored.
 */
export function validateSurveyAnswers(questions: readonly SurveyQuestionRule[], raw: Readonly<Record<string, string | undefined>>): SurveyValidation {
  const problems: SurveyAnswerProblem[] = [];
  const answers: SurveyAnswers = { ratings: {}, comments: {} };
  for (const question of questions) {
    const value = (raw[question.id] ?? '').trim();
    if (value === '') {
      if (question.required) problems.push({ question: question.id, problem: 'required' });
      continue;
    }
    if (question.kind === 'rating') {
      const rating = parseRating(value);
      if (rating === null) problems.push({ question: question.id, problem: 'out-of-range' });
      else answers.ratings[question.id] = rating;
    } else if ([...value].length > SURVEY_COMMENT_MAX) {
      problems.push({ question: question.id, problem: 'too-long' });
    } else {
      answers.comments[question.id] = value;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

import { computeTerm } from '../../domain/terms/index.ts';

// A client's request about their own data, sent through the question form under the topic "personal data":
// the inquiry gets the GDPR one-month term (Art. 12(3)) alongside the Law on Submissions term, and its
// deadline is the earlier of the two.

export const PERSONAL_DATA_TOPIC = 'personal-data';
export const PERSONAL_DATA_TOPIC_NAME = { lv: 'Personas dati (pieprasījums par saviem datiem)', en: 'Personal data (a request about your own data)' };

type Calendar = Parameters<typeof computeTerm>[2];
export type SubjectRequestTerm = ReturnType<typeof computeTerm>;

/** The GDPR term of an inquiry on the personal-data topic; null for any other topic. */
export function subjectRequestTerm(topic: string | undefined | null, receivedOn: string, calendar: Calendar): SubjectRequestTerm | null {
  return topic === PERSONAL_DATA_TOPIC ? computeTerm('gdpr.subjectRequest', receivedOn, calendar) : null;
}

/** The deadline the inquiry carries: the earlier of the Law on Submissions term and the GDPR term. */
export function earlierDeadline(submissions: string, gdpr: SubjectRequestTerm | null): string {
  return gdpr && gdpr.deadline < submissions ? gdpr.deadline : submissions;
}

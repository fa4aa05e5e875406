// What an indicator is: its units, dimensions, the period data it reads, and the raw metrics' names.
import type { Histogram } from './histogram.ts';
export const UNITS = ['percent', 'minutes', 'workingDays', 'days', 'score', 'count'] as const;
export type Unit = (typeof UNITS)[number];

/** Where an indicator's records come from: built in today, or a feature that registers its source later. */
export const SOURCES = ['records', 'phone', 'registers'] as const;
export type Source = (typeof SOURCES)[number];
export type Dimension = 'centre' | 'service' | 'channel';
export type Text = { lv: string; en: string };

/** The raw aggregate a period hands to the indicators: counts per bucket of each metric, summed over its days. */
export type PeriodData = {
  histogram(metric: string): Histogram;
  /** A snapshot metric (e.g. open now): its value on the last day of the period that has one. */
  latest(metric: string): number | null;
};

/** A figure and the number of records behind it (the base: answers, tickets, inquiries…). */
export type Figure = { value: number | null; base: number };

export type Indicator = {
  id: string;
  unit: Unit;
  name: Text;
  definition: Text;
  source: Source;
  /** The raw metrics it reads (what a source must fill). */
  metrics: readonly string[];
  /** Filters that apply to it. */
  dimensions: readonly Dimension[];
  /** Figures whose base is a count of records (suppressed below 5 on the public page). */
  compute: (data: PeriodData) => Figure;
};

/** Names of the raw metrics in standard_figure_days (the contract between the sources and the indicators). */
export const METRICS = {
  answeredLate: 'inquiries.answered.late',
  answeredDays: 'inquiries.answered.workingDays',
  forwardedLate: 'inquiries.forwarded.late',
  extended: 'inquiries.extended',
  unexamined: 'inquiries.unexamined',
  open: 'inquiries.open',
  overdue: 'inquiries.overdue',
  contacts: 'contacts',
  appointmentOutcome: 'appointments.outcome',
  cancelledByAgency: 'appointments.cancelledByAgency',
  firstFreeSlot: 'appointments.firstFreeSlot',
  queueWait: 'queue.wait',
  invitations: 'survey.invitations',
  complaints: 'opinions.complaint',
  praise: 'opinions.praise',
  complaintAnsweredLate: 'opinions.complaint.answeredLate',
  questionStarted: 'flow.question-form.started',
  questionSuggested: 'flow.question-form.suggested',
  questionFiledAfterSuggestions: 'flow.question-form.filed-after-suggestions',
  questionFiled: 'flow.question-form.filed',
  bookingStarted: 'flow.booking.started',
  bookingFinished: 'flow.booking.finished',
  // Filled by features that are not built yet (see the seam in src/features/standard-figures/sources.ts).
  phoneCalls: 'phone.calls',
  phoneCallbackLate: 'phone.callbacks.late',
  errorsAcknowledged: 'errors.acknowledged',
  errorsApologisedDays: 'errors.apologised.days',
  errorsRemedied: 'errors.remedied',
  incidents: 'incidents.recorded',
  /** One row per action taken about an incident, channel_key the action (an incident with two actions has two). */
  incidentActions: 'incidents.action',
  gifts: 'gifts.offered',
} as const;

export const SNAPSHOT_METRICS: readonly string[] = [METRICS.open, METRICS.overdue];
/** Metrics written by a daily sample (not recomputable from records): a refresh keeps them; months sum them. */
export const SAMPLED_METRICS: readonly string[] = [METRICS.firstFreeSlot];
export const surveyMetric = (question: string) => `survey.rating.${question}`;
/** The wait a promise of "served within the target" counts against (minutes). */
export const QUEUE_TARGET_MINUTES = 20;

/** The range a target of each unit may take. */
export const UNIT_RANGES: Record<Unit, [number, number]> = {
  percent: [0, 100],
  minutes: [0, 24 * 60],
  workingDays: [0, 400],
  days: [0, 400],
  score: [1, 5],
  count: [0, 1_000_000_000],
};

// Conduct, error and integrity registers: the kinds from the standards and the pure rules (no I/O).

/** Incidents on premises, on the phone or video: from the premises rules of the profiles. */
export const INCIDENT_KINDS = ['unauthorised-recording', 'intoxication', 'aggressive-behaviour', 'offensive-behaviour', 'public-order', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** What staff may do about it (VSAA: ask to leave, end the contact, call the state or municipal police). */
export const INCIDENT_ACTIONS = ['warned', 'asked-to-leave', 'contact-ended', 'state-police-called', 'municipal-police-called'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The record a service error concerns. 'call' is a phone call logged by the phone feature. */
export const CONCERNS_KINDS = ['inquiry', 'appointment', 'ticket', 'call'] as const;
export type ConcernsKind = (typeof CONCERNS_KINDS)[number];

export const CAME_TO_LIGHT = ['client-complaint', 'staff', 'audit'] as const;
export type CameToLight = (typeof CAME_TO_LIGHT)[number];

/** Admit, apologise, remedy, close: the steps of a service error, in their order. */
export const ERROR_STEPS = ['acknowledged', 'apology-sent', 'remedied', 'closed'] as const;
export type ErrorStep = (typeof ERROR_STEPS)[number];
export const ERROR_STATUSES = ['open', ...ERROR_STEPS] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

export const GIFT_KINDS = ['gift', 'hospitality', 'money', 'other-benefit'] as const;
export type GiftKind = (typeof GIFT_KINDS)[number];

export const IDENTITY_DOCUMENT_KINDS = ['passport', 'id-card', 'residence-permit', 'other'] as const;
export type IdentityDocumentKind = (typeof IDENTITY_DOCUMENT_KINDS)[number];

/** Longest free text of a register entry (characters); the value limit of a gift (euro). */
export const REGISTER_TEXT_MAX = 4000;
export const REGISTER_SHORT_TEXT_MAX = 200;
export const GIFT_VALUE_MAX_EUR = 100_000;

export type StepRefusal = 'already-done' | 'not-acknowledged' | 'not-remedied' | 'closed' | 'out-of-order';

/**
 * Whether a step may be taken after those already done. Acknowledged comes first; an apology and the remedy
 * follow it in that order (the apology may be skipped, e.g. an error found by audit no client noticed);
 * closing needs the remedy. Nothing after closed; no step twice.
 */
export function stepRefusal(done: readonly ErrorStep[], step: ErrorStep): StepRefusal | null {
  if (done.includes('closed')) return 'closed';
  if (done.includes(step)) return 'already-done';
  if (step === 'acknowledged') return null;
  if (!done.includes('acknowledged')) return 'not-acknowledged';
  if (step === 'closed' && !done.includes('remedied')) return 'not-remedied';
  const last = Math.max(...done.map((d) => ERROR_STEPS.indexOf(d)));
  return ERROR_STEPS.indexOf(step) > last ? null : 'out-of-order';
}

/** The status a service error shows: its latest step, or open. */
export function errorStatus(done: readonly ErrorStep[]): ErrorStatus {
  let status: ErrorStatus = 'open';
  for (const step of ERROR_STEPS) if (done.includes(step)) status = step;
  return status;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between two moments (never negative): how long an error has been open, or took. */
export function daysBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / DAY_MS));
}

/** A gift accepted needs a reason (and what was done with it); a declined one needs none. */
export function giftNeedsReason(declined: boolean, reason: string | undefined | null): boolean {
  return !declined && !(reason ?? '').trim();
}

/** The text has no NUL or other control characters except tab and line breaks. */
export function isCleanText(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** Allowed tolerance for a clock a few minutes ahead on the recording device (a "future" time within it is now). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export function isInFuture(atMs: number, nowMs: number): boolean {
  return atMs > nowMs + FUTURE_TOLERANCE_MS;
}

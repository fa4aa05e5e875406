export { ATTEMPT_RESULTS, CALLBACK_HORIZON_DAYS, CALLBACK_STATUSES, MAX_FAILED_ATTEMPTS, callBy, isOverdue, statusAfterAttempt, windowError } from './callback-rules.ts';
export type { AttemptResult, CallbackStatus, WindowError } from './callback-rules.ts';
export { CALL_OUTCOMES, MAX_CALL_SECONDS, medianOfCounts, parseDuration, percent } from './call-rules.ts';
export type { CallOutcome } from './call-rules.ts';

export { computeTerm } from './compute-term.ts';
export type { TermOptions, TermResult } from './compute-term.ts';
export {
  TermRuleDisabledError,
  TermRuleError,
  TermRuleNotInForceError,
  TermRuleOptionRequiredError,
  UnknownTermRuleError,
} from './errors.ts';
export type { TermRuleErrorCode } from './errors.ts';
export { addCalendarMonths, periodEnd } from './period.ts';
export type { TermPeriod } from './period.ts';
export { TERM_RULE_IDS, findTermRuleVersion, getTermRuleVersions, isTermRuleId } from './term-rules.ts';
export type { TermRuleId, TermRuleToggle, TermRuleVersion } from './term-rules.ts';

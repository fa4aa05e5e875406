import type { IsoDate } from '../calendar/index.ts';

export type TermRuleErrorCode =
  | 'UNKNOWN_TERM_RULE'
  | 'TERM_RULE_OPTION_REQUIRED'
  | 'TERM_RULE_DISABLED'
  | 'TERM_RULE_NOT_IN_FORCE';

export abstract class TermRuleError extends Error {
  abstract readonly code: TermRuleErrorCode;
}

export class UnknownTermRuleError extends TermRuleError {
  override readonly name = 'UnknownTermRuleError';
  readonly code = 'UNKNOWN_TERM_RULE' as const;
  constructor(readonly rule: string) {
    super(`Unknown term rule "${rule}"`);
  }
}

export class TermRuleOptionRequiredError extends TermRuleError {
  override readonly name = 'TermRuleOptionRequiredError';
  readonly code = 'TERM_RULE_OPTION_REQUIRED' as const;
  constructor(
    readonly rule: string,
    readonly option: string,
  ) {
    super(`Term rule "${rule}" needs the option "${option}" (set it in the agency profile)`);
  }
}

export class TermRuleDisabledError extends TermRuleError {
  override readonly name = 'TermRuleDisabledError';
  readonly code = 'TERM_RULE_DISABLED' as const;
  constructor(
    readonly rule: string,
    readonly option: string,
  ) {
    super(`Term rule "${rule}" is switched off by the option "${option}: false"`);
  }
}

export class TermRuleNotInForceError extends TermRuleError {
  override readonly name = 'TermRuleNotInForceError';
  readonly code = 'TERM_RULE_NOT_IN_FORCE' as const;
  constructor(
    readonly rule: string,
    readonly receivedOn: IsoDate,
  ) {
    super(`Term rule "${rule}" has no version in force on ${receivedOn}`);
  }
}

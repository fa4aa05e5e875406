import type { FastifyReply } from 'fastify';
import type { MessageKey, Translate } from '../i18n/index.ts';

/** One field's error, in the request's language. */
export type FieldError = { field: string; code: string; message: string };

/** RFC 9457 problem details, with field-level errors. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
};

/**
 * An error a user may see. The internal `message` goes to the log; the user
 * reads `messageKey` translated into the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly values: Record<string, unknown> = {},
    readonly fieldErrors: Array<{ field: string; code: string; messageKey?: MessageKey; message?: { lv: string; en: string }; values?: Record<string, unknown> }> = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(`${code}: ${messageKey}`);
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

export function problemType(code: string): string {
  return `https://apkalpe.lv/problems/${code}`;
}

/** A structural view of a Zod 4 issue: what we read from it. */
export type IssueLike = {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  input?: unknown;
  format?: string;
  values?: ReadonlyArray<unknown>;
  keys?: ReadonlyArray<string>;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  params?: { i18n?: { lv: string; en: string }; messageKey?: MessageKey; messageValues?: Record<string, unknown> };
};

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

/**
 * An AppError's field errors in the request's language: each in its own words, or its message key with its values
 * (`fallback` for one that has neither). The one mapping for JSON problems and HTML forms alike.
 */
export function fieldErrorsOf(error: AppError, t: Translate, lang: 'lv' | 'en', fallback: MessageKey = 'errors.field.invalidFormat'): FieldError[] {
  return error.fieldErrors.map((f) => ({ field: f.field, code: f.code, message: f.message ? f.message[lang] : t(f.messageKey ?? fallback, f.values) }));
}

/** Maps Zod issues to field errors with Latvian and English messages. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<IssueLike>, t: Translate, lang: 'lv' | 'en', prefix = ''): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const base = fieldPath(issue.path);
    const field = [prefix, base].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return (issue.keys ?? []).map((key) => ({
        field: [field, key].filter(Boolean).join('.'),
        code: 'unknown_key',
        message: t('errors.field.unknownKey'),
      }));
    }
    return [{ field: field || '(root)', code: issue.code, message: issueMessage(issue, t, lang) }];
  });
}

function issueMessage(issue: IssueLike, t: Translate, lang: 'lv' | 'en'): string {
  if (issue.params?.messageKey) return t(issue.params.messageKey, issue.params.messageValues);
  if (issue.params?.i18n) return issue.params.i18n[lang];
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? t('errors.field.required') : t('errors.field.invalidType');
    case 'too_small':
      // A string that must have at least one character is a required field left empty.
      return issue.input === '' || (issue.origin === 'string' && issue.minimum === 1) ? t('errors.field.required') : t('errors.field.tooSmall');
    case 'too_big':
      return t('errors.field.tooBig');
    case 'invalid_format':
      if (issue.format === 'email') return t('errors.field.invalidEmail');
      if (issue.format === 'date') return t('errors.field.invalidDate');
      return t('errors.field.invalidFormat');
    case 'invalid_value':
      return t('errors.field.invalidValue', { values: (issue.values ?? []).map(String).join(', ') });
    default:
      return t('errors.field.invalidFormat');
  }
}

/**
 * Zod check options whose message is a catalog key, put in words in the request's language when the issue is
 * reported (schemas are built before the catalogs are registered).
 */
export function catalogMessage(
  key: MessageKey,
  values?: Record<string, unknown>,
): { message: string; params: { messageKey: MessageKey; messageValues?: Record<string, unknown> } } {
  return { message: key, params: values ? { messageKey: key, messageValues: values } : { messageKey: key } };
}

/** Zod refinement options with a message in both languages. */
export function localized(message: { lv: string; en: string }): { message: string; params: { i18n: { lv: string; en: string } } } {
  return { message: message.en, params: { i18n: message } };
}

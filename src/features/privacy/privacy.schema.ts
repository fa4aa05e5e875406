import { z } from 'zod';
import { validatePersonalCode } from '../../domain/personal-code/index.ts';
import { RETENTION_KINDS } from '../../domain/privacy/retention-kinds.ts';
import { fieldErrorsFromIssues, type FieldError, type IssueLike } from '../../platform/http/problem.ts';
import type { Language, MessageKey, Translate } from '../../platform/i18n/index.ts';
import { privacyMessages } from './privacy.messages.ts';

// One source of validation for the holds and subject-access forms and the subject-access API.

type ErrorKey = keyof typeof privacyMessages.lv.errors;
const i18n = (key: ErrorKey) => ({ lv: privacyMessages.lv.errors[key], en: privacyMessages.en.errors[key] });
/** The issue's message is the catalog key; privacyFieldErrors translates it. */
const issue = (key: ErrorKey) => ({ error: `privacy.errors.${key}` });

/** Field errors in the request's language: our own keys translated, anything else as the platform words it. */
export function privacyFieldErrors(issues: readonly IssueLike[], t: Translate, lang: Language): FieldError[] {
  return issues.flatMap((i) =>
    i.message.startsWith('privacy.errors.')
      ? [{ field: i.path.map(String).join('.') || '(root)', code: i.code, message: t(i.message as MessageKey) }]
      : fieldErrorsFromIssues([i], t, lang),
  );
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControl = (text: string) => !CONTROL.test(text);

const Reason = z
  .string(issue('reasonRequired'))
  .trim()
  .min(5, issue('reasonRequired'))
  .max(1000)
  .refine(noControl, issue('controlCharacters'));

const optionalText = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

export const SubjectQuerySchema = z
  .object({
    personalCode: optionalText(
      z
        .string()
        .trim()
        .max(20, issue('personalCode'))
        .refine((code) => validatePersonalCode(code).valid, issue('personalCode')),
    ),
    email: optionalText(z.string().trim().max(254).pipe(z.email(issue('email')))),
    phone: optionalText(
      z
        .string()
        .trim()
        .max(30, issue('phone'))
        .regex(/^\+?[\d\s()-]+$/, issue('phone'))
        .refine((p) => {
          const digits = p.replace(/\D/g, '').length;
          return digits >= 6 && digits <= 20;
        }, issue('phone')),
    ),
    reason: Reason,
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!q.personalCode && !q.email && !q.phone) ctx.addIssue({ code: 'custom', path: ['personalCode'], message: 'privacy.errors.identifierRequired', params: { i18n: i18n('identifierRequired') } });
  });
export type SubjectQuery = z.infer<typeof SubjectQuerySchema>;

export const HOLDABLE_KINDS = RETENTION_KINDS.filter((kind) => kind !== 'audit-event' && kind !== 'staff-session');

export const SetHoldSchema = z
  .object({
    kind: z.enum(HOLDABLE_KINDS as [string, ...string[]], issue('kind')),
    record: z
      .string(issue('record'))
      .trim()
      .min(1, issue('record'))
      .max(100, issue('record'))
      .regex(/^[A-Za-z0-9._/-]+$/, issue('record')),
    reason: Reason,
  })
  .strict();
export type SetHoldInput = z.infer<typeof SetHoldSchema>;

export const LiftHoldSchema = z.object({ hold: z.uuid(issue('holdNotFound')), reason: Reason }).strict();

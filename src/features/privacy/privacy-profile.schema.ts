import { z } from 'zod';
import {
  checkRetentionSetting,
  RETENTION_ACTIONS,
  RETENTION_KINDS,
  RETENTION_RULES,
  RETENTION_UNITS,
  type RetentionKind,
} from '../../domain/privacy/retention-kinds.ts';

// The privacy part of an agency profile: the notice's facts, the retention settings the nightly job applies,
// and the accessibility statement. Included in AgencyProfileSchema as `privacy`.

const Text = z.object({ lv: z.string().trim().min(1, 'Latvian text is required'), en: z.string().trim().min(1, 'English text is required') }).strict();

export const RetentionSettingSchema = z
  .object({
    period: z.object({ amount: z.number().int().min(1).max(100 * 366), unit: z.enum(RETENTION_UNITS) }).strict(),
    action: z.enum(RETENTION_ACTIONS),
  })
  .strict();

function retentionMessage(kind: RetentionKind, problem: ReturnType<typeof checkRetentionSetting>[number]): string {
  switch (problem.code) {
    case 'wrong-unit':
      return `Set the retention of "${kind}" in ${problem.expected}`;
    case 'too-short':
      return `The law requires keeping "${kind}" at least ${problem.minimum} ${problem.unit} (${RETENTION_RULES[kind].basis.en})`;
    case 'action-not-allowed':
      return `"${kind}" allows only: ${problem.allowed.join(', ')}`;
  }
}

const retentionShape = Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, RetentionSettingSchema])) as Record<RetentionKind, typeof RetentionSettingSchema>;

export const RetentionSettingsSchema = z
  .object(retentionShape)
  .strict()
  .superRefine((settings, ctx) => {
    for (const kind of RETENTION_KINDS) {
      for (const problem of checkRetentionSetting(kind, settings[kind])) {
        ctx.addIssue({ code: 'custom', path: [kind, problem.code === 'action-not-allowed' ? 'action' : 'period'], message: retentionMessage(kind, problem) });
      }
    }
  });
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;

export const ACCESSIBILITY_STATUSES = ['compliant', 'partially-compliant', 'non-compliant'] as const;

export const PrivacyProfileSchema = z
  .object({
    controller: Text,
    dataProtectionOfficer: z.object({ email: z.email(), phone: z.string().trim().min(1).optional(), address: z.string().trim().min(1).optional() }).strict(),
    purposes: z.array(z.object({ purpose: Text, legalBasis: Text }).strict()).min(1),
    recipients: z.array(Text).default([]),
    retention: RetentionSettingsSchema,
    accessibility: z
      .object({
        status: z.enum(ACCESSIBILITY_STATUSES),
        exceptions: z.array(Text).default([]),
        preparedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD'),
        reviewedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD'),
        feedbackEmail: z.email(),
        feedbackPhone: z.string().trim().min(1).optional(),
      })
      .strict(),
  })
  .strict();
export type PrivacyProfile = z.infer<typeof PrivacyProfileSchema>;

// The registers' request and response schemas: one source for validation, types and the OpenAPI document.
import { z } from 'zod';
import {
  CAME_TO_LIGHT,
  CONCERNS_KINDS,
  ERROR_STATUSES,
  ERROR_STEPS,
  GIFT_KINDS,
  GIFT_VALUE_MAX_EUR,
  INCIDENT_ACTIONS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  isCleanText,
  REGISTER_SHORT_TEXT_MAX,
  REGISTER_TEXT_MAX,
} from '../../domain/registers/index.ts';
import { catalogMessage } from '../../platform/http/problem.ts';

/** Free text of a register entry: trimmed, not empty, bounded, no control characters. */
export function registerText(max = REGISTER_TEXT_MAX) {
  return z.string().trim().min(1).max(max).refine(isCleanText, catalogMessage('registers.errors.controlCharacters'));
}

const ProfileId = z.string().trim().min(1).max(60).regex(/^[a-z0-9-]+$/);
const Uuid = z.uuid();

export const AgencyParamsSchema = z.object({ agency: z.string() });
export const RecordParamsSchema = z.object({ agency: z.string(), id: Uuid });

export const IncidentBodySchema = z
  .object({
    occurredAt: z.iso.datetime({ offset: true }).describe('When it happened (ISO 8601 with offset); not in the future'),
    centre: ProfileId.optional().describe('Service centre or video location id of the profile'),
    channel: ProfileId.optional().describe('Channel id of the profile (phone line, video consultation)'),
    kind: z.enum(INCIDENT_KINDS),
    description: registerText(),
    actions: z
      .array(z.enum(INCIDENT_ACTIONS))
      .max(INCIDENT_ACTIONS.length)
      .refine((a) => new Set(a).size === a.length, catalogMessage('registers.errors.actionsOnce')),
    staffInvolved: registerText(REGISTER_SHORT_TEXT_MAX).optional().describe('Staff involved (names), besides the one recording'),
    client: registerText(REGISTER_SHORT_TEXT_MAX).optional().describe('Optional client identification (name as given)'),
    appointmentId: Uuid.optional(),
    ticketId: Uuid.optional(),
    callId: Uuid.optional().describe('A call logged by the phone feature'),
  })
  .strict();
export type IncidentBody = z.infer<typeof IncidentBodySchema>;

export const IncidentPatchSchema = z
  .object({
    status: z.literal('closed').optional().describe('Close after review (supervisor, administrator)'),
    reviewNote: registerText().optional(),
    description: registerText().optional(),
    actions: IncidentBodySchema.shape.actions.optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, catalogMessage('registers.errors.nothingToChange'));
export type IncidentPatch = z.infer<typeof IncidentPatchSchema>;

export const ConcernsSchema = z.object({ kind: z.enum(CONCERNS_KINDS), id: Uuid }).strict();

export const ServiceErrorBodySchema = z
  .object({
    concerns: ConcernsSchema.describe('The record the error concerns, in this agency'),
    description: registerText(),
    cameToLight: z.enum(CAME_TO_LIGHT),
    consequences: registerText().optional(),
  })
  .strict();
export type ServiceErrorBody = z.infer<typeof ServiceErrorBodySchema>;

export const ServiceErrorPatchSchema = z
  .object({ description: registerText().optional(), consequences: registerText().optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, catalogMessage('registers.errors.nothingToChange'));

export const StepBodySchema = z
  .object({
    step: z.enum(ERROR_STEPS),
    text: registerText().optional().describe('remedied: what was done (required); apology-sent: a paragraph for the letter; others: a note'),
  })
  .strict();
export type StepBody = z.infer<typeof StepBodySchema>;

export const GiftBodySchema = z
  .object({
    offeredOn: z.iso.date().describe('YYYY-MM-DD; not in the future'),
    offeredBy: registerText(REGISTER_SHORT_TEXT_MAX).optional(),
    what: registerText(1000),
    kind: z.enum(GIFT_KINDS),
    estimatedValueEur: z.number().min(0).max(GIFT_VALUE_MAX_EUR).multipleOf(0.01).optional(),
    declined: z.boolean().describe('Declined: the standard\'s answer. false only exceptionally, with the reason and what was done with it'),
    reason: registerText().optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (!g.declined && !g.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], ...catalogMessage('registers.errors.acceptedGiftReason') });
    }
  });
export type GiftBody = z.infer<typeof GiftBodySchema>;

export const GiftPatchSchema = z.object({ acknowledged: z.literal(true).describe('Supervisor acknowledgement') }).strict();

/** A day of a register's period: a real date within the years records can have (older years are not records). */
const PeriodDay = z.iso.date().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', catalogMessage('registers.errors.periodYears'));

const PageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  from: PeriodDay.optional(),
  to: PeriodDay.optional(),
  centre: ProfileId.optional(),
};
export const IncidentListQuerySchema = z.object({ ...PageQuery, kind: z.enum(INCIDENT_KINDS).optional(), status: z.enum(INCIDENT_STATUSES).optional() }).strict();
export const ServiceErrorListQuerySchema = z.object({ ...PageQuery, cameToLight: z.enum(CAME_TO_LIGHT).optional(), status: z.enum(ERROR_STATUSES).optional(), open: z.enum(['yes']).optional() }).strict();
export const GiftListQuerySchema = z.object({ ...PageQuery, kind: z.enum(GIFT_KINDS).optional(), status: z.enum(['declined', 'accepted', 'unacknowledged']).optional() }).strict();
export type IncidentListQuery = z.infer<typeof IncidentListQuerySchema>;
export type ServiceErrorListQuery = z.infer<typeof ServiceErrorListQuerySchema>;
export type GiftListQuery = z.infer<typeof GiftListQuerySchema>;

export const IncidentSchema = z.object({
  id: Uuid,
  occurredAt: z.string(),
  centre: z.string().nullable(),
  channel: z.string().nullable(),
  kind: z.enum(INCIDENT_KINDS),
  description: z.string(),
  actions: z.array(z.enum(INCIDENT_ACTIONS)),
  staffInvolved: z.string().nullable(),
  client: z.string().nullable(),
  appointmentId: z.string().nullable(),
  ticketId: z.string().nullable(),
  callId: z.string().nullable(),
  status: z.enum(INCIDENT_STATUSES),
  reviewNote: z.string().nullable(),
  recordedBy: z.string(),
  closedAt: z.string().nullable(),
});

export const StepSchema = z.object({
  step: z.enum(ERROR_STEPS),
  text: z.string().nullable(),
  takenBy: z.string(),
  takenAt: z.string(),
  letter: z.object({ to: z.string().nullable(), subject: z.string(), body: z.string(), lang: z.enum(['lv', 'en']), outboxId: z.string().nullable() }).nullable(),
});

export const ServiceErrorSchema = z.object({
  id: Uuid,
  concerns: ConcernsSchema.nullable(),
  opinionId: z.string().nullable(),
  centre: z.string().nullable(),
  description: z.string(),
  cameToLight: z.enum(CAME_TO_LIGHT),
  consequences: z.string().nullable(),
  status: z.enum(ERROR_STATUSES),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  daysOpen: z.number().int().describe('Whole days open until now, or until closed'),
  steps: z.array(StepSchema),
});

export const GiftSchema = z.object({
  id: Uuid,
  offeredOn: z.string(),
  offeredBy: z.string().nullable(),
  what: z.string(),
  kind: z.enum(GIFT_KINDS),
  estimatedValueEur: z.number().nullable(),
  declined: z.boolean(),
  reason: z.string().nullable(),
  declaredBy: z.string(),
  acknowledgedAt: z.string().nullable(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), page: z.number().int(), hasMore: z.boolean() });
export const CreatedSchema = <T extends z.ZodRawShape>(shape: T) => z.object({ id: Uuid, ...shape });

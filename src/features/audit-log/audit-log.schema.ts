// The audit trail's query and answer: one source for the page's filter form, the JSON API and the OpenAPI document.
import { z } from 'zod';
import { IsoDateSchema } from '../calendar/calendar.schema.ts';
import { catalogMessage } from '../../platform/http/problem.ts';

export const AgencyParamsSchema = z.object({ agency: z.string().min(1).max(40) });

/** Record types are written by our own code: lower-case words joined by '-' or '_'. */
const RecordTypeSchema = z.string().trim().max(40).regex(/^[a-z][a-z_-]*$/, catalogMessage('auditLog.errors.recordType'));
const RecordIdSchema = z.string().trim().max(120).regex(/^[^\u0000-\u001f\u007f]*$/, catalogMessage('auditLog.errors.recordId'));

/** '' from an untouched filter field means "any". */
const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const AuditQuerySchema = z
  .object({
    before: z.preprocess(blankAsAbsent, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()).describe('Only events older than this id (the next page)'),
    actor: z.preprocess(blankAsAbsent, z.uuid().optional()).describe('Only what this staff member did'),
    recordType: z.preprocess(blankAsAbsent, RecordTypeSchema.optional()).describe("Only events about this kind of record, e.g. 'inquiry'"),
    recordId: z.preprocess(blankAsAbsent, RecordIdSchema.optional()).describe('Only events about this record'),
    from: z.preprocess(blankAsAbsent, IsoDateSchema.optional()).describe('First Riga day (inclusive), YYYY-MM-DD'),
    to: z.preprocess(blankAsAbsent, IsoDateSchema.optional()).describe('Last Riga day (inclusive), YYYY-MM-DD'),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to) ctx.addIssue({ code: 'custom', path: ['to'], ...catalogMessage('auditLog.errors.periodReversed') });
  });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditRecordSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  agency: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const AuditListResponseSchema = z.object({ records: z.array(AuditRecordSchema), nextBefore: z.number().nullable() });

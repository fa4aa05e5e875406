import { z } from 'zod';

export const AgencyParamsSchema = z.object({ agency: z.string().min(1).max(40) });
export const AuditQuerySchema = z.object({ before: z.coerce.number().int().positive().optional() });

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

export const AuditListResponseSchema = z.object({ records: z.array(AuditRecordSchema) });

// The verdict stored with each inquiry attachment (columns of inquiry_attachments, migration 0012).
import { jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { SIGNATURE_STATUSES, type Signature, type SignatureProblem } from './signatures.schema.ts';

export function attachmentSignatureColumns() {
  return {
    signatureStatus: text('signature_status', { enum: SIGNATURE_STATUSES }).notNull().default('unsigned'),
    signatures: jsonb('signatures').$type<Signature[]>().notNull().default([]),
    signatureProblems: jsonb('signature_problems').$type<SignatureProblem[]>().notNull().default([]),
    /** When the file was examined (on arrival); null for files stored before verification existed. */
    signatureCheckedAt: timestamp('signature_checked_at', { withTimezone: true }),
  };
}

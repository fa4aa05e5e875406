// Idempotent filing (issue 13, finding 10): a client retrying with the same key gets the first inquiry back
// instead of filing twice. The key is stored in the filing transaction under a primary key (agency, key), so two
// concurrent requests with one key file once; a different request under a used key is refused.
import { createHash } from 'node:crypto';
import { and, eq, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/client.ts';
import { violatedConstraint } from '../../platform/db/constraint-violation.ts';
import { catalogMessage } from '../../platform/http/problem.ts';
import { inquiries, inquiryIdempotencyKeys } from './inquiries.tables.ts';
import type { InquiryRow } from './inquiries.repository.ts';
import type { FiledInquiry, PlannedInquiry } from './inquiries.service.ts';

export const IDEMPOTENCY_KEY_MAX = 255;
const KEY_FORMAT = new RegExp(`^(?:"[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX}}"|[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX}})$`);
const KEY_PRIMARY = 'inquiry_idempotency_keys_pkey';
const invalidKey = catalogMessage('inquiries.public.idempotency.keyInvalid');

/** A structured-field string (`"abc"`, as the IETF draft writes it) or a bare token: its value either way. */
function unquoted(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** 1–255 visible ASCII characters (no space, no control character, no NUL); surrounding quotes are dropped. */
export const IdempotencyKeySchema = z
  .string()
  .refine((value) => KEY_FORMAT.test(value) && unquoted(value) !== '', invalidKey)
  .transform(unquoted);

/** The API's header parameter (other headers pass through untouched). */
export const IdempotencyHeadersSchema = z.looseObject({
  'idempotency-key': IdempotencyKeySchema.optional().describe(
    'Optional, 1–255 visible ASCII characters (a UUID is a good key). Repeating a request with the same key (same agency) files nothing new: ' +
      'the first inquiry is answered with 200, without the access code (shown only in the first answer). The same key with a different body is refused with 422.',
  ),
});

export type Idempotency = { key: string; fingerprint: string };

/** SHA-256 of the request as it is filed, fields in a fixed order: a retry has the same one. */
export function fingerprintOf(content: Record<string, unknown>): string {
  const ordered = Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined && v !== '').sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

export type IdempotentFiling =
  | { kind: 'filed'; filed: FiledInquiry }
  | { kind: 'repeated'; inquiry: InquiryRow }
  | { kind: 'mismatch'; inquiry: InquiryRow };

async function earlierFiling(db: Database, agency: string, key: string): Promise<{ inquiry: InquiryRow; fingerprint: string } | undefined> {
  const [row] = await db
    .select({ inquiry: inquiries, fingerprint: inquiryIdempotencyKeys.fingerprint })
    .from(inquiryIdempotencyKeys)
    .innerJoin(inquiries, eq(inquiries.id, inquiryIdempotencyKeys.inquiryId))
    .where(and(eq(inquiryIdempotencyKeys.agency, agency), eq(inquiryIdempotencyKeys.key, key)));
  return row;
}

function answerOf(earlier: { inquiry: InquiryRow; fingerprint: string }, idempotency: Idempotency): IdempotentFiling {
  return { kind: earlier.fingerprint === idempotency.fingerprint ? 'repeated' : 'mismatch', inquiry: earlier.inquiry };
}

/** The write fileInquiry sends with the filing: the key row, which a concurrent twin's insert collides with. */
export type FilingHook = (db: Database, inquiry: PlannedInquiry) => SQLWrapper[];

/**
 * Files once per (agency, key): an earlier filing under the key answers (repeated or mismatch); otherwise
 * `file` runs with a hook that stores the key in its transaction. A concurrent twin that loses the race on the
 * primary key is rolled back whole (inquiry, messages, acknowledgement e-mail) and answers with the winner.
 */
export async function fileOnce(db: Database, agency: string, idempotency: Idempotency | undefined, file: (hook?: FilingHook) => Promise<FiledInquiry>): Promise<IdempotentFiling> {
  if (!idempotency) return { kind: 'filed', filed: await file() };
  const earlier = await earlierFiling(db, agency, idempotency.key);
  if (earlier) return answerOf(earlier, idempotency);
  try {
    const filed = await file((tx, inquiry) => [tx.insert(inquiryIdempotencyKeys).values({ agency, key: idempotency.key, inquiryId: inquiry.id, fingerprint: idempotency.fingerprint })]);
    return { kind: 'filed', filed };
  } catch (error) {
    if (violatedConstraint(error, 'unique') !== KEY_PRIMARY) throw error;
    const winner = await earlierFiling(db, agency, idempotency.key);
    if (!winner) throw error;
    return answerOf(winner, idempotency);
  }
}

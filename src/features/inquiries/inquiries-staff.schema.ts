import { z } from 'zod';
import { INQUIRY_STATUSES } from '../../domain/inquiry/index.ts';
import { INQUIRY_CHANNELS } from './inquiries.tables.ts';
import { catalogMessage } from '../../platform/http/problem.ts';
import { IsoDateSchema } from '../calendar/calendar.schema.ts';
import { ATTACHMENTS_MAX_COUNT, RequesterSchema, TEXT_MAX } from './inquiries.schema.ts';
import { SIGNATURE_STATUSES, SignatureSchema } from '../signatures/signatures.schema.ts';

/** Rows per inbox page. */
export const INBOX_PAGE_SIZE = 50;
/** An open inquiry whose deadline is at most this many working days away is "due soon" (and warned about). */
export const NEAR_DEADLINE_WORKING_DAYS = 2;

const requiredText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value ? value : undefined))
    .optional();

// ── Inbox ────────────────────────────────────────────────────────────────────

export const InboxStatusFilterSchema = z.enum([...INQUIRY_STATUSES, 'open', 'all']);

export const InboxQuerySchema = z.object({
  status: InboxStatusFilterSchema.optional().describe("A status, 'open' (default: new, assigned, waiting-for-client) or 'all'"),
  topic: z.string().trim().max(60).optional(),
  channel: z.enum(INQUIRY_CHANNELS).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional().describe("A staff member's id, 'me' or 'none'"),
  overdue: z.enum(['true', 'false']).optional().describe('true: only open inquiries whose answer deadline has passed'),
  dueWithin: z.coerce.number().int().min(0).max(60).optional().describe('Open inquiries whose deadline is within this many working days from today'),
  signature: z.enum(['missing-or-invalid']).optional().describe('missing-or-invalid: the channel requires a secure e-signature and no file carries a valid one'),
  q: z.string().trim().max(200).optional().describe('Search in names, e-mails and texts (diacritics optional), or an exact reference number'),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export const AssigneeSchema = z.object({ id: z.string(), name: z.string() });

export const InboxItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(INQUIRY_STATUSES),
  channel: z.enum(INQUIRY_CHANNELS),
  topic: z.string().nullable(),
  subject: z.string(),
  requesterName: z.string(),
  receivedOn: z.string(),
  deadline: z.string().describe('Last day of the answer term (YYYY-MM-DD, Riga)'),
  forwardDeadline: z.string(),
  assignee: AssigneeSchema.nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean().describe(`Open, not overdue, deadline within ${NEAR_DEADLINE_WORKING_DAYS} working days`),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxResponseSchema = z.object({ items: z.array(InboxItemSchema), nextCursor: z.string().nullable() });

// ── Detail ───────────────────────────────────────────────────────────────────

export const InquiryParamsSchema = z.object({ agency: z.string().min(1).max(40), id: z.string().max(60) });
export const AttachmentParamsSchema = InquiryParamsSchema.extend({ attachmentId: z.string().max(60) });

const LocalizedSchema = z.object({ lv: z.string(), en: z.string() });
const TermSchema = z.object({ date: z.string(), rule: z.string(), source: LocalizedSchema });

export const InquiryDetailSchema = z.object({
  inquiry: InboxItemSchema.extend({
    receivedAt: z.string(),
    requesterEmail: z.string().nullable(),
    requesterPhone: z.string().nullable(),
    requesterPersonalCode: z.string().nullable(),
    requesterAddress: z.string().nullable(),
    termRule: z.string(),
    signed: z.boolean().nullable(),
    mergedInto: z.object({ id: z.string(), reference: z.string() }).nullable(),
    forwardOverdue: z.boolean(),
  }),
  deadlines: z.object({ answer: TermSchema, forward: TermSchema, extensionMax: TermSchema.nullable() }),
  events: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      actor: z.string().nullable(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['in', 'out']),
      medium: z.string(),
      at: z.string(),
      subject: z.string(),
      text: z.string(),
      author: z.string().nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.string(),
      messageId: z.string().nullable(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      signatureStatus: z.enum(SIGNATURE_STATUSES).describe('The e-signature verdict of the file, examined on arrival'),
      signatures: z.array(SignatureSchema),
    }),
  ),
  duplicates: z.array(z.object({ id: z.string(), reference: z.string() })),
});

// ── Actions (the same bodies for the JSON API and the page forms) ───────────

export const AssignBodySchema = z.object({ assigneeId: z.uuid() }).strict();
export const ReplyBodySchema = z.object({ text: requiredText(TEXT_MAX), subject: optionalText(200) }).strict();
export const RequestInfoBodySchema = z.object({ text: requiredText(TEXT_MAX) }).strict();

export const FORWARD_MODES = ['forward', 'refer'] as const;
export const ForwardBodySchema = z
  .object({
    mode: z.enum(FORWARD_MODES).describe("forward: send it to the institution; refer: tell the client where to turn"),
    institutionId: optionalText(60).describe("An id from the agency profile's competentInstitutions"),
    institutionName: optionalText(200).describe('Another institution, by name'),
    note: optionalText(2000),
  })
  .strict()
  .refine((body) => Boolean(body.institutionId || body.institutionName), {
    path: ['institutionId'],
    ...catalogMessage('inquiries.staff.errors.institutionRequired'),
  });

export const COMPLEX_REASONS = ['more-information', 'other-institutions', 'large-volume'] as const;
export const ComplexBodySchema = z.object({ reason: z.enum(COMPLEX_REASONS), note: optionalText(2000) }).strict();

export const ExtendBodySchema = z.object({ newDeadline: IsoDateSchema, reason: requiredText(2000) }).strict();

export const UNEXAMINED_REASONS = ['anonymous', 'unsigned', 'offensive', 'illegible', 'repeat', 'repeat-further'] as const;
export type UnexaminedReason = (typeof UNEXAMINED_REASONS)[number];
export const UnexaminedBodySchema = z.object({ reason: z.enum(UNEXAMINED_REASONS), note: optionalText(2000) }).strict();

export const MergeBodySchema = z.object({ into: requiredText(60).describe('Reference number (or id) of the main inquiry') }).strict();
export const CloseBodySchema = z.object({ note: optionalText(2000) }).strict();

export const ACTION_SCHEMAS = {
  assign: AssignBodySchema,
  reply: ReplyBodySchema,
  'request-info': RequestInfoBodySchema,
  forward: ForwardBodySchema,
  complex: ComplexBodySchema,
  extend: ExtendBodySchema,
  unexamined: UnexaminedBodySchema,
  merge: MergeBodySchema,
  close: CloseBodySchema,
} as const;
export type InquiryAction = keyof typeof ACTION_SCHEMAS;
export const INQUIRY_ACTIONS = Object.keys(ACTION_SCHEMAS) as InquiryAction[];
export type ActionBody<A extends InquiryAction> = z.infer<(typeof ACTION_SCHEMAS)[A]>;

export const ActionResultSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(INQUIRY_STATUSES),
  deadline: z.string(),
  assigneeId: z.string().nullable(),
  mergedInto: z.string().nullable(),
  message: z
    .object({ id: z.string(), medium: z.string(), letterUrl: z.string().nullable(), outboxId: z.string().nullable() })
    .nullable()
    .describe('What was sent to the client, if anything: an e-mail (outboxId) or a letter to print (letterUrl)'),
});

// ── Answer templates ─────────────────────────────────────────────────────────

export const TemplateBodySchema = z
  .object({
    title: requiredText(200),
    bodyLv: requiredText(TEXT_MAX),
    bodyEn: z.string().trim().max(TEXT_MAX).optional().default(''),
  })
  .strict();
export type TemplateBody = z.infer<typeof TemplateBodySchema>;

export const TemplateParamsSchema = z.object({ agency: z.string().min(1).max(40), templateId: z.string().max(60) });
export const TemplateSchema = z.object({ id: z.string(), title: z.string(), bodyLv: z.string(), bodyEn: z.string(), updatedAt: z.string() });
export const TemplateListSchema = z.object({ templates: z.array(TemplateSchema) });

// ── Registration of letters received on paper or through other systems ──────

export const REGISTRABLE_CHANNELS = ['post', 'e-address', 'national-portal', 'in-person'] as const;

export const RegisterLetterSchema = z.object({
  channel: z.enum(REGISTRABLE_CHANNELS),
  receivedOn: IsoDateSchema,
  name: z.string().trim().max(200).optional().default(''),
  email: RequesterSchema.shape.email,
  phone: RequesterSchema.shape.phone,
  personalCode: RequesterSchema.shape.personalCode,
  address: optionalText(500),
  topic: optionalText(60),
  subject: optionalText(200),
  text: requiredText(TEXT_MAX),
});
export type RegisterLetterInput = z.infer<typeof RegisterLetterSchema>;

/** A scan sent with the JSON registration: its bytes in base64. */
export const ScanSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.string().trim().min(1).max(100),
  contentBase64: z.base64().describe('The file, base64-encoded'),
});

export const RegisterLetterBodySchema = RegisterLetterSchema.extend({
  attachments: z.array(ScanSchema).max(ATTACHMENTS_MAX_COUNT).optional().describe('Scans of the letter (PDF, JPG, PNG, EDOC/ASICE …)'),
});
export type RegisterLetterBody = z.infer<typeof RegisterLetterBodySchema>;

export const RegisteredLetterSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  accessCode: z.string().describe('For the client (e.g. printed on the acknowledgement letter); shown only here'),
  deadline: z.string().describe('YYYY-MM-DD, Riga time'),
});

// ── Cursor of the inbox's keyset pagination: (deadline, id) of the last row ──

export function encodeCursor(deadline: string, id: string): string {
  return Buffer.from(`${deadline}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { deadline: string; id: string } | null {
  const [deadline, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!deadline || !id || !/^\d{4}-\d{2}-\d{2}$/.test(deadline) || !isUuid(id)) return null;
  return { deadline, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

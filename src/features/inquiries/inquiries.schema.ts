import { z } from 'zod';
import { validatePersonalCode } from '../../domain/personal-code/index.ts';
import { personalCodeReasonKey } from '../personal-codes/personal-codes.messages.ts';
import { INQUIRY_CHANNELS } from './inquiries.tables.ts';
import { catalogMessage } from '../../platform/http/problem.ts';
import type { ExaminedFile } from '../signatures/signatures.service.ts';

export const TEXT_MAX = 20_000;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_MAX_TOTAL_BYTES = 25 * 1024 * 1024;
export const ATTACHMENTS_MAX_COUNT = 10;

/** What clients may attach: documents and scans; containers of signed documents (.edoc/.asice). */
export const ALLOWED_ATTACHMENT_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/vnd.etsi.asic-e+zip': ['.edoc', '.asice'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'text/plain': ['.txt'],
};

export function isAllowedAttachment(fileName: string, contentType: string): boolean {
  const extension = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  // Containers often arrive as application/zip or octet-stream: trust the extension for them.
  if (extension === '.edoc' || extension === '.asice') return true;
  return (ALLOWED_ATTACHMENT_TYPES[contentType.toLowerCase()] ?? []).includes(extension);
}

export const PersonalCodeFieldSchema = z
  .string()
  .trim()
  .max(20)
  .superRefine((code, ctx) => {
    if (code === '') return;
    const result = validatePersonalCode(code);
    if (!result.valid) ctx.addIssue({ code: 'custom', ...catalogMessage(personalCodeReasonKey(result.reason)) });
  });

const contactRequired = catalogMessage('inquiries.public.errors.contactRequired');

export const AttachmentInputSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.string().min(1).max(200),
  content: z.instanceof(Buffer),
});
/** `examined`: the e-signature verdict when a channel examined the file already (see signatures feature). */
export type AttachmentInput = z.infer<typeof AttachmentInputSchema> & { examined?: ExaminedFile };

/** The client's own fields, shared by the web form, the public API and staff registration. */
export const RequesterSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).optional().or(z.literal('').transform(() => undefined)),
  phone: z
    .string()
    .trim()
    .max(40)
    .refine((phone) => /^\+?[0-9 ()-]{6,}$/.test(phone), catalogMessage('inquiries.public.errors.phoneInvalid'))
    .optional()
    .or(z.literal('').transform(() => undefined)),
  personalCode: PersonalCodeFieldSchema.optional().transform((code) => (code ? code : undefined)),
});

/** POST /api/v1/agencies/{slug}/inquiries: the public question form as JSON. */
export const PublicInquiryBodySchema = RequesterSchema.extend({
  topic: z.string().trim().max(60).optional(),
  text: z.string().trim().min(1).max(TEXT_MAX),
})
  .strict()
  .refine((body) => Boolean(body.email || body.phone), { path: ['email'], ...contactRequired });
export type PublicInquiryBody = z.infer<typeof PublicInquiryBodySchema>;

export const PublicInquiryCreatedSchema = z.object({
  reference: z.string(),
  accessCode: z.string().describe('Shown once: with the reference it lets the client follow the inquiry'),
  deadline: z.string().describe('YYYY-MM-DD: the last day of the statutory answer term, Riga time'),
});

/** What the core service needs to file an inquiry from any channel. */
export type NewInquiryInput = {
  agency: string;
  channel: (typeof INQUIRY_CHANNELS)[number];
  /**
   * The profile channels (ids) the inquiry reached, e.g. the e-mail addresses it was sent to: they decide
   * whether a secure e-signature is required (only when every one of them requires it). Without them, the
   * agency's first channel of the kind decides.
   */
  channelIds?: readonly string[];
  receivedAt?: Date;
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  personalCode?: string | undefined;
  address?: string | undefined;
  topic?: string | undefined;
  subject?: string | undefined;
  text: string;
  attachments?: AttachmentInput[];
  emailMessageId?: string | undefined;
  /** Leave out files refused on arrival (zip bombs, fake PDFs) instead of refusing the submission (e-mail intake). */
  dropRefusedFiles?: boolean;
  /** Send the client the receipt e-mail (default true; false e.g. for an automatic e-mail, RFC 3834). */
  acknowledge?: boolean;
};

import { z } from 'zod';
import { INQUIRY_STATUSES } from '../../domain/inquiry/index.ts';

/**
 * Failed code attempts counted in the window: from these many on, each next attempt on that reference, or from that
 * network address, waits 1, 2, 4 … up to 60 s after the last failure (429 with Retry-After) — a delay, never a
 * lockout, so a stranger cannot shut a client out and one shared address cannot shut every inquiry.
 */
export const ACCESS_WINDOW_MINUTES = 15;
export const MAX_ACCESS_FAILURES_PER_REFERENCE = 5;
export const MAX_ACCESS_FAILURES_PER_IP = 30;

/** The confirmation page reads the new reference and its access code from this signed cookie only. */
export const CONFIRMATION_COOKIE = 'apkalpe_question';
export const CONFIRMATION_MAX_AGE_SECONDS = 600;

/** The web form's own fields besides the requester's (which PublicInquiryBodySchema checks). */
/** `idempotencyKey` is the form's hidden key: a form sent twice (double click, retry after a lost answer) files once. */
/** `uploadsToken` is the form's hidden half of the key to the files kept between its steps (pending-uploads.service.ts). */
export const QUESTION_FORM_FIELDS = ['name', 'email', 'phone', 'personalCode', 'topic', 'text', 'idempotencyKey', 'uploadsToken'] as const;
export type QuestionFormValues = Record<(typeof QUESTION_FORM_FIELDS)[number], string>;
export const EMPTY_QUESTION_FORM: QuestionFormValues = { name: '', email: '', phone: '', personalCode: '', topic: '', text: '', idempotencyKey: '', uploadsToken: '' };

/** The kept files the client ticked "remove" (checkboxes `removeUpload`, one value per file id), at most a few dozen. */
export function removedUploads(body: unknown): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>).removeUpload : undefined;
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.length <= 64).slice(0, 30);
}

/** First POST shows matching FAQ answers (when there are any); the second files the question. */
export type QuestionStep = 'preview' | 'file';

/** A multipart (or urlencoded) body as typed, reduced to the form's strings; anything else is ignored. */
export function questionFormValues(body: unknown): QuestionFormValues & { step: QuestionStep } {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (key: string): string => {
    const value = fields[key];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : '';
  };
  // Contact fields are trimmed (a phone keyboard often adds a space); the texts keep what was typed.
  const values = Object.fromEntries(
    QUESTION_FORM_FIELDS.map((key) => [key, key === 'name' || key === 'text' ? text(key) : text(key).trim()]),
  ) as QuestionFormValues;
  return { ...values, step: text('step') === 'file' ? 'file' : 'preview' };
}

export const AgencySlugParamsSchema = z.object({ slug: z.string().max(40).describe('Agency slug, e.g. vsaa or kase') });
export const ReferenceParamsSchema = z.object({ reference: z.string().max(60).describe('Reference number, e.g. VSAA-2026-000123') });

export const ClientAccessQuerySchema = z.object({
  code: z.string().max(60).optional().describe('The access code given when the inquiry was filed (alternatively the X-Access-Code header)'),
});

export const ClientAccessFormSchema = z.object({
  reference: z.string().trim().max(60).default(''),
  code: z.string().trim().max(60).default(''),
});

/** The follow-up page's addition form (multipart fields; files are collected apart). Length limits are judged by the service. */
export const AdditionFormSchema = z.object({
  code: z.string().trim().max(60).default(''),
  text: z.string().max(200_000).default(''),
});

export const ClientMessageSchema = z.object({
  direction: z.enum(['in', 'out']).describe("'in' from the client, 'out' from the agency"),
  at: z.string().describe('ISO 8601 moment'),
  subject: z.string(),
  text: z.string(),
  attachments: z.array(z.object({ fileName: z.string(), size: z.number().int() })),
});

export const ClientInquiryResponseSchema = z.object({
  reference: z.string(),
  agency: z.string(),
  status: z.enum(INQUIRY_STATUSES),
  topic: z.string().nullable().describe("Topic id from the agency profile (phoneTopics, services or 'other')"),
  receivedOn: z.string().describe('YYYY-MM-DD, Riga date of receipt'),
  deadline: z.string().describe('YYYY-MM-DD: the last day of the answer term'),
  messages: z.array(ClientMessageSchema),
});
export type ClientInquiryView = z.infer<typeof ClientInquiryResponseSchema>;

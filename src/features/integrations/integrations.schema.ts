import { z } from 'zod';
import { localized } from '../../platform/http/problem.ts';
import { ATTACHMENTS_MAX_COUNT, PersonalCodeFieldSchema, TEXT_MAX } from '../inquiries/inquiries.schema.ts';
import { INTEGRATION_CHANNELS } from './integrations.tables.ts';

/** Base64 of the largest total (25 MB) plus room for the JSON around it. */
export const DELIVERY_BODY_LIMIT = 36 * 1024 * 1024;

const noNul = localized({ lv: 'Teksts satur neatļautu rakstzīmi (NUL).', en: 'The text contains a forbidden character (NUL).' });
const text = (max: number) => z.string().trim().max(max).refine((s) => !s.includes('\u0000'), noNul);
const required = (max: number) => text(max).refine((s) => s.length > 0, localized({ lv: 'Obligāts lauks.', en: 'Required.' }));

export const DeliveryFileSchema = z
  .object({
    fileName: required(200).refine((name) => !/[/\\]/.test(name), localized({ lv: 'Faila nosaukumā nedrīkst būt ceļš.', en: 'The file name may not contain a path.' })),
    contentType: required(100),
    contentBase64: z.base64(localized({ lv: 'Faila saturs nav base64.', en: 'The file content is not base64.' })).describe('The file, base64-encoded'),
  })
  .strict();

export const SenderSchema = z
  .object({
    name: required(200).describe('The sender as the state system identified them'),
    personalCode: PersonalCodeFieldSchema.optional().transform((code) => (code ? code : undefined)),
    registrationNumber: z
      .string()
      .trim()
      .regex(/^\d{11}$/, localized({ lv: 'Reģistrācijas numurs ir 11 cipari.', en: 'A registration number has 11 digits.' }))
      .optional(),
    eAddress: text(200).optional().describe("The sender's official e-address (replies go back there through the integration)"),
  })
  .strict();

/** POST /api/v1/integrations/{agency}/documents: one document from the e-address or Latvija.lv gateway. */
export const DeliveryBodySchema = z
  .object({
    channel: z.enum(INTEGRATION_CHANNELS),
    externalMessageId: required(200).describe('The message id of the state system: a repeated id returns the first inquiry'),
    sender: SenderSchema,
    subAddressee: text(200).optional().describe('e.g. KLIENTU APKALPOŠANA'),
    subject: text(500).optional(),
    text: required(TEXT_MAX),
    files: z.array(DeliveryFileSchema).max(ATTACHMENTS_MAX_COUNT).default([]),
  })
  .strict();
export type DeliveryBody = z.infer<typeof DeliveryBodySchema>;

export const DeliveryResultSchema = z.object({
  inquiryId: z.uuid(),
  reference: z.string(),
  deadline: z.string().describe('YYYY-MM-DD, Riga time'),
  duplicate: z.boolean().describe('true: this external message id was delivered before; the first inquiry is returned'),
  files: z.array(z.object({ fileName: z.string(), signatureStatus: z.string() })),
});

export const AgencyParamsSchema = z.object({ agency: z.string().min(1).max(40) });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The administrator's form: a label, the channels the key may deliver, and where replies go back. */
export const NewKeySchema = z.object({
  label: required(100),
  channels: z.array(z.enum(INTEGRATION_CHANNELS)).refine((c) => c.length > 0, localized({ lv: 'Izvēlieties vismaz vienu kanālu.', en: 'Choose at least one channel.' })),
  callbackUrl: z
    .string()
    .trim()
    .max(500)
    .refine(isHttpUrl, localized({ lv: 'Ievadiet pilnu adresi, kas sākas ar https://, piemēram, https://vārteja.example.lv/apkalpe.', en: 'Enter a full address starting with https://, e.g. https://gateway.example.lv/apkalpe.' }))
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type NewKey = z.infer<typeof NewKeySchema>;

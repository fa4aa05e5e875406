import { z } from 'zod';
import { catalogMessage } from '../../platform/http/problem.ts';
import { ATTACHMENTS_MAX_COUNT, PersonalCodeFieldSchema, TEXT_MAX } from '../inquiries/inquiries.schema.ts';
import { INTEGRATION_CHANNELS } from './integrations.tables.ts';

/** Base64 of the largest total (25 MB) plus room for the JSON around it. */
export const DELIVERY_BODY_LIMIT = 36 * 1024 * 1024;

const noNul = catalogMessage('integrations.errors.nul');
const text = (max: number) => z.string().trim().max(max).refine((s) => !s.includes('\u0000'), noNul);
const required = (max: number) => text(max).refine((s) => s.length > 0, catalogMessage('errors.field.required'));

export const DeliveryFileSchema = z
  .object({
    fileName: required(200).refine((name) => !/[/\\]/.test(name), catalogMessage('integrations.errors.fileNamePath')),
    contentType: required(100),
    contentBase64: z.base64(catalogMessage('integrations.errors.notBase64')).describe('The file, base64-encoded'),
  })
  .strict();

const senderFields = {
  name: required(200).describe('The sender as the state system identified them'),
  personalCode: PersonalCodeFieldSchema.optional().transform((code) => (code ? code : undefined)),
  registrationNumber: z
    .string()
    .trim()
    // A refinement, not .regex(): a format issue would lose the localized message.
    .refine((value) => /^\d{11}$/.test(value), catalogMessage('integrations.errors.registrationNumber'))
    .optional(),
  eAddress: text(200).optional().describe("The sender's official e-address (replies go back there through the integration)"),
};

export const SenderSchema = z.object(senderFields).strict();

/** The fields of a delivery other than the sender and the files: one source for the JSON and the multipart body. */
const deliveryFields = {
  channel: z.enum(INTEGRATION_CHANNELS),
  externalMessageId: required(200).describe('The message id of the state system: a repeated id returns the first inquiry'),
  subAddressee: text(200).optional().describe('e.g. KLIENTU APKALPOŠANA'),
  subject: text(500).optional(),
  text: required(TEXT_MAX),
};

/** POST /api/v1/integrations/{agency}/documents as JSON: one document from the e-address or Latvija.lv gateway, files in base64. */
export const DeliveryBodySchema = z
  .object({
    ...deliveryFields,
    sender: SenderSchema,
    files: z.array(DeliveryFileSchema).max(ATTACHMENTS_MAX_COUNT).default([]),
  })
  .strict();
export type DeliveryBody = z.infer<typeof DeliveryBodySchema>;

/** A file part of a multipart delivery, as read from the stream. */
export type UploadedFile = { fileName: string; contentType: string; content: Buffer };
const UploadedFileSchema = z
  .custom<UploadedFile>((value) => typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).content))
  .meta({ type: 'string', format: 'binary', description: 'One part per file, named "files"; the file name and Content-Type are the part’s' });

/** The sender's fields as multipart field names: `sender.name`, `sender.personalCode`, … (an error names the same field as in JSON). */
const senderFormFields = Object.fromEntries(Object.entries(senderFields).map(([name, schema]) => [`sender.${name}`, schema])) as {
  [K in keyof typeof senderFields as `sender.${K}`]: (typeof senderFields)[K];
};

/**
 * The same delivery as multipart/form-data: the same fields (the sender's as `sender.<field>`) and each file as
 * a part named `files`. Validated by the same field schemas as the JSON body (a file part's name and type by
 * the JSON file's), and reshaped into the JSON body's form with the files' bytes instead of base64.
 */
export const DeliveryMultipartSchema = z
  .object({
    ...deliveryFields,
    ...senderFormFields,
    files: z.array(UploadedFileSchema).max(ATTACHMENTS_MAX_COUNT).default([]),
  })
  .strict()
  .transform(({ 'sender.name': name, 'sender.personalCode': personalCode, 'sender.registrationNumber': registrationNumber, 'sender.eAddress': eAddress, files, ...rest }, ctx) => {
    const checked = files.map((file, i) => {
      const fileName = DeliveryFileSchema.shape.fileName.safeParse(file.fileName);
      const contentType = DeliveryFileSchema.shape.contentType.safeParse(file.contentType);
      for (const [field, result] of [['fileName', fileName], ['contentType', contentType]] as const) {
        for (const issue of result.error?.issues ?? []) ctx.addIssue({ ...issue, path: ['files', i, field, ...issue.path] } as never);
      }
      return { fileName: fileName.data ?? '', contentType: contentType.data ?? '', content: file.content };
    });
    return { ...rest, sender: { name, personalCode, registrationNumber, eAddress }, files: checked };
  });
export type DeliveryMultipart = z.output<typeof DeliveryMultipartSchema>;

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
  channels: z.array(z.enum(INTEGRATION_CHANNELS)).refine((c) => c.length > 0, catalogMessage('integrations.errors.channelRequired')),
  callbackUrl: z
    .string()
    .trim()
    .max(500)
    .refine(isHttpUrl, catalogMessage('integrations.errors.callbackUrl'))
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type NewKey = z.infer<typeof NewKeySchema>;

import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Language, Translate } from '../../../platform/i18n/index.ts';
import { AppError, fieldErrorsOf, type FieldError } from '../../../platform/http/problem.ts';
import { checkAttachments } from '../inquiries.service.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX_COUNT, ATTACHMENTS_MAX_TOTAL_BYTES, type AttachmentInput } from '../inquiries.schema.ts';

/** The files of one multipart question form, as read; limits are judged later with the other fields. */
export type Uploads = {
  files: AttachmentInput[];
  /** More files than allowed were sent (the extra ones were not kept). */
  tooMany: boolean;
  /** The files together were larger than allowed (their contents were dropped). */
  overTotal: boolean;
};

const uploadsByRequest = new WeakMap<FastifyRequest, Uploads>();

export function uploadsOf(request: FastifyRequest): Uploads {
  let uploads = uploadsByRequest.get(request);
  if (!uploads) {
    uploads = { files: [], tooMany: false, overTotal: false };
    uploadsByRequest.set(request, uploads);
  }
  return uploads;
}

/**
 * Busboy truncates a file at `fileSize`: one byte over the per-file limit is enough for the core check
 * (checkAttachments) to refuse it as too big, and no more than that is ever held in memory.
 */
export const MULTIPART_OPTIONS = {
  attachFieldsToBody: 'keyValues' as const,
  throwFileSizeLimit: false,
  limits: {
    fileSize: ATTACHMENT_MAX_BYTES + 1,
    files: 3 * ATTACHMENTS_MAX_COUNT,
    fields: 30,
    parts: 60,
    fieldNameSize: 100,
    // Room for 20,000 characters of any script, so that an over-long text is measured, not cut.
    fieldSize: 200_000,
  },
  onFile: collectUpload,
};

/** A name as the client's system gave it, without a path or control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 200);
}

async function drain(part: MultipartFile): Promise<void> {
  for await (const _chunk of part.file) {
    // discard
  }
}

/** onFile of @fastify/multipart: keeps the files aside (not in request.body), so fields stay plain strings. */
export async function collectUpload(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const uploads = uploadsOf(this);
  const fileName = cleanFileName(part.filename ?? '');
  // An empty file input still sends a part with no name and no content.
  if (part.fieldname !== 'attachments' || fileName === '') return drain(part);
  if (uploads.files.length >= ATTACHMENTS_MAX_COUNT) {
    uploads.tooMany = true;
    return drain(part);
  }
  const chunks: Buffer[] = [];
  let total = uploads.files.reduce((sum, f) => sum + f.content.length, 0);
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > ATTACHMENTS_MAX_TOTAL_BYTES) uploads.overTotal = true;
    if (!uploads.overTotal) chunks.push(chunk);
  }
  if (uploads.overTotal) {
    // Refused anyway: keep the names only, and free what was held.
    uploads.files = uploads.files.map((f) => ({ ...f, content: Buffer.alloc(0) }));
    uploads.files.push({ fileName, contentType: part.mimetype, content: Buffer.alloc(0) });
    return;
  }
  uploads.files.push({ fileName, contentType: part.mimetype || 'application/octet-stream', content: Buffer.concat(chunks) });
}

/** The limits (count, size, allowed type by name) of the files of one post, as field errors of the form's one file input. */
export function attachmentErrors(uploads: Uploads, t: Translate, lang: Language): FieldError[] {
  const errors: FieldError[] = [];
  if (uploads.tooMany) errors.push({ field: 'attachments', code: 'too_many', message: t('inquiries.public.errors.attachmentsTooMany', { count: ATTACHMENTS_MAX_COUNT }) });
  if (uploads.overTotal) {
    errors.push({ field: 'attachments', code: 'too_big', message: t('inquiries.public.errors.attachmentsTotal', { total: ATTACHMENTS_MAX_TOTAL_BYTES / 1024 / 1024 }) });
    return errors;
  }
  try {
    checkAttachments(uploads.files);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // The core names files by index (attachments.0): the form has one file input for them all.
    for (const f of fieldErrorsOf(error, t, lang)) errors.push({ ...f, field: 'attachments' });
  }
  return errors;
}

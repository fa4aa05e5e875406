import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX_COUNT, ATTACHMENTS_MAX_TOTAL_BYTES, TEXT_MAX } from '../inquiries.schema.ts';
import type { UploadedFile } from './registration.service.ts';

const received = new WeakMap<FastifyRequest, number>();

/** Keeps each uploaded file with its name and type (multipart keyValues alone would keep only the bytes). */
async function keepUploadedFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const before = received.get(this) ?? 0;
  if (before > ATTACHMENTS_MAX_TOTAL_BYTES) {
    // Past the total limit: drain the rest unread instead of holding it in memory.
    for await (const chunk of part.file) void chunk;
    (part as unknown as { value: UploadedFile }).value = { fileName: part.filename, contentType: part.mimetype, content: Buffer.alloc(0), truncated: false, overTotal: true };
    return;
  }
  const content = await part.toBuffer();
  received.set(this, before + content.length);
  const file: UploadedFile = { fileName: part.filename, contentType: part.mimetype, content, truncated: part.file.truncated, overTotal: before + content.length > ATTACHMENTS_MAX_TOTAL_BYTES };
  (part as unknown as { value: UploadedFile }).value = file;
}

function isUploaded(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).content);
}

/** The files of a parsed multipart body, without the empty part a file input left blank still sends. */
export function uploadedFiles(body: unknown): UploadedFile[] {
  const raw = (body as Record<string, unknown> | undefined)?.attachments;
  return (Array.isArray(raw) ? raw : [raw]).filter(isUploaded).filter((f) => f.fileName !== '' || f.content.length > 0 || f.overTotal);
}

/**
 * Multipart parsing for the routes `register` adds, in their own encapsulated context. The agency gate has
 * already decided access in onRequest, so no stranger makes the server read a body.
 */
export async function withUploads(app: FastifyInstance, register: (scoped: FastifyInstance) => Promise<void>): Promise<void> {
  await app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      // Fields land in the body as plain values, so the global CSRF check reads `_csrf` as from any form.
      attachFieldsToBody: 'keyValues',
      onFile: keepUploadedFile,
      // A file over the limit is kept truncated and refused with a field error instead of a bare 413.
      throwFileSizeLimit: false,
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: ATTACHMENTS_MAX_COUNT + 1, fields: 30, fieldSize: TEXT_MAX * 4 + 1024, parts: 50 },
    });
    await register(scoped);
  });
}

import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { refuseNul } from '../../platform/http/input-guard.ts';
import { AppError } from '../../platform/http/problem.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX_COUNT, ATTACHMENTS_MAX_TOTAL_BYTES, TEXT_MAX } from '../inquiries/inquiries.schema.ts';
import { deliverDocument, type Delivery } from './deliveries.service.ts';
import { checkIntegrationKey, type IntegrationKeyRow } from './integration-keys.service.ts';
import {
  AgencyParamsSchema,
  DELIVERY_BODY_LIMIT,
  DeliveryBodySchema,
  DeliveryMultipartSchema,
  DeliveryResultSchema,
  type DeliveryBody,
  type DeliveryMultipart,
  type UploadedFile,
} from './integrations.schema.ts';

declare module 'fastify' {
  interface FastifyRequest {
    integrationKey?: IntegrationKeyRow;
  }
}

/** The key is checked before the body is read: a request without a valid key costs no parsing and writes nothing. */
function requireKey(deps: AppDeps) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const agency = (request.params as { agency?: string }).agency ?? '';
    const check = await checkIntegrationKey(deps.db, agency, request.headers.authorization);
    if (!check.ok) {
      throw check.status === 401 ? new AppError(401, 'integration-key-required', 'integrations.errors.missingKey') : new AppError(403, 'integration-key-other-agency', 'integrations.errors.otherAgency');
    }
    request.integrationKey = check.key;
  };
}

/** The file parts of one multipart delivery, kept aside while the stream is read (fields stay plain strings). */
type Uploads = { files: UploadedFile[]; total: number; otherFileFields: Set<string> };
const uploadsByRequest = new WeakMap<FastifyRequest, Uploads>();

async function drain(part: MultipartFile): Promise<void> {
  for await (const _chunk of part.file) {
    // discard
  }
}

/**
 * onFile of @fastify/multipart. A file over the per-file limit is cut one byte past it (the attachment check then
 * refuses it as too big, 400, as for base64); files together over the total limit stop the reading: 413.
 */
async function collectFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  let uploads = uploadsByRequest.get(this);
  if (!uploads) uploadsByRequest.set(this, (uploads = { files: [], total: 0, otherFileFields: new Set() }));
  if (part.fieldname !== 'files') {
    uploads.otherFileFields.add(part.fieldname);
    return drain(part);
  }
  // A file input left blank still sends a part with no name and no content.
  if (!part.filename) return drain(part);
  const chunks: Buffer[] = [];
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    uploads.total += chunk.length;
    if (uploads.total > ATTACHMENTS_MAX_TOTAL_BYTES) {
      uploads.files = [];
      throw new AppError(413, 'payload-too-large', 'errors.payloadTooLarge');
    }
    chunks.push(chunk);
  }
  uploads.files.push({ fileName: part.filename, contentType: part.mimetype, content: Buffer.concat(chunks) });
}

const MULTIPART_OPTIONS = {
  attachFieldsToBody: 'keyValues' as const,
  throwFileSizeLimit: false,
  limits: {
    fileSize: ATTACHMENT_MAX_BYTES + 1,
    // One file more than allowed is read, so that the schema names the error (as for JSON).
    files: ATTACHMENTS_MAX_COUNT + 1,
    fields: 20,
    parts: 40,
    fieldNameSize: 100,
    // A value cut at this size still has more characters than the longest field allows: it is refused, not cut.
    fieldSize: 4 * TEXT_MAX + 4,
  },
  onFile: collectFile,
};

/** After the multipart hook: the file parts join the fields as `files`, and NUL is refused as everywhere. */
async function attachUploads(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const body = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
  const uploads = uploadsByRequest.get(request);
  // A file part under another name is an unknown field for the schema.
  for (const name of uploads?.otherFileFields ?? []) body[name] ??= '';
  if (uploads?.files.length && body.files === undefined) body.files = uploads.files;
  request.body = body;
  refuseNul(request);
}

function fromJson(body: DeliveryBody): Delivery {
  return { ...body, files: body.files.map((f) => ({ fileName: f.fileName, contentType: f.contentType, content: Buffer.from(f.contentBase64, 'base64') })) };
}

/** POST /api/v1/integrations/{agency}/documents: the e-address / Latvija.lv gateway delivers a document (JSON or multipart). */
export async function integrationsApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // Multipart stays inside this scope: only this route takes it.
  await app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, MULTIPART_OPTIONS);
    const api = scoped.withTypeProvider<ZodTypeProvider>();
    api.post(
      '/api/v1/integrations/:agency/documents',
      {
        bodyLimit: DELIVERY_BODY_LIMIT,
        onRequest: requireKey(deps),
        preValidation: attachUploads,
        schema: {
          tags: ['integrations'],
          summary: 'Deliver a document from the official e-address or Latvija.lv (integration key)',
          description:
            'Authorization: Bearer <integration key>, checked before the body is read. A repeated externalMessageId returns the first inquiry (200, duplicate: true). ' +
            'The body is JSON (files in base64) or multipart/form-data with the same fields — the sender’s as sender.name, sender.personalCode, sender.registrationNumber, sender.eAddress — and one part named "files" per file. ' +
            'Each file is examined for e-signatures on arrival. Over the size limits: 413.',
          params: AgencyParamsSchema,
          body: { content: { 'application/json': { schema: DeliveryBodySchema }, 'multipart/form-data': { schema: DeliveryMultipartSchema } } },
          response: { 200: DeliveryResultSchema, 201: DeliveryResultSchema },
        },
      },
      async (request, reply) => {
        const delivery = request.isMultipart() ? (request.body as DeliveryMultipart) : fromJson(request.body as DeliveryBody);
        const result = await deliverDocument(deps, request.integrationKey as IntegrationKeyRow, delivery, request.ip);
        return reply.status(result.duplicate ? 200 : 201).send(result);
      },
    );
  });
}

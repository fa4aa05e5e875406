import { actionPermission } from './detail.pages.tsx';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { originOf } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { ALLOWED_ATTACHMENT_TYPES } from '../inquiries.schema.ts';
import {
  ACTION_SCHEMAS,
  ActionResultSchema,
  AttachmentParamsSchema,
  INBOX_PAGE_SIZE,
  InboxQuerySchema,
  InboxResponseSchema,
  INQUIRY_ACTIONS,
  InquiryDetailSchema,
  InquiryParamsSchema,
  TemplateBodySchema,
  TemplateListSchema,
  TemplateParamsSchema,
  TemplateSchema,
  RegisterLetterBodySchema,
  RegisteredLetterSchema,
  type ActionBody,
  type InquiryAction,
} from '../inquiries-staff.schema.ts';
import { getAttachment, getInquiryDetail, listInbox, type InquiryDetail } from '../inquiries-staff.service.ts';
import { actionResultJson, performAction } from './actions.ts';
import { registerLetter } from './registration.service.ts';
import { createAnswerTemplate, deleteAnswerTemplate, listAnswerTemplates, updateAnswerTemplate } from './answer-templates.service.ts';
import type { AnswerTemplateRow } from '../inquiries-staff.repository.ts';
import { nonEmpty, scopeOf } from './page-support.ts';

const AgencyParams = z.object({ agency: z.string().min(1).max(40) });

/** `?status=&q=` from a client that sends every parameter: empty means "not given". */
async function dropEmptyQuery(request: FastifyRequest): Promise<void> {
  request.query = nonEmpty(request.query);
}

export function detailJson(detail: InquiryDetail): z.infer<typeof InquiryDetailSchema> {
  const i = detail.inquiry;
  return {
    inquiry: {
      id: i.id,
      reference: i.reference,
      status: i.status,
      channel: i.channel,
      topic: i.topic,
      subject: i.subject,
      requesterName: i.requesterName,
      receivedOn: i.receivedOn,
      receivedAt: i.receivedAt.toISOString(),
      deadline: i.deadline,
      forwardDeadline: i.forwardDeadline,
      assignee: i.assignee,
      overdue: i.overdue,
      dueSoon: i.dueSoon,
      forwardOverdue: i.forwardOverdue,
      requesterEmail: i.requesterEmail,
      requesterPhone: i.requesterPhone,
      requesterPersonalCode: i.requesterPersonalCode,
      requesterAddress: i.requesterAddress,
      termRule: i.termRule,
      signed: i.signed,
      mergedInto: i.mergedTarget,
    },
    deadlines: detail.deadlines,
    events: detail.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, actor: e.actor, fromStatus: e.fromStatus, toStatus: e.toStatus, details: e.details })),
    messages: detail.messages.map((m) => ({ id: m.id, direction: m.direction, medium: m.medium, at: m.at.toISOString(), subject: m.subject, text: m.bodyText, author: m.author })),
    attachments: detail.attachments.map((a) => ({
      id: a.id,
      messageId: a.messageId,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      signatureStatus: a.signatureStatus,
      signatures: a.signatures,
    })),
    duplicates: detail.duplicates,
  };
}

/** attachment; filename="ascii" plus RFC 5987 filename* for the real (often Latvian) name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'attachment';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

// Signature containers are accepted by extension whatever type the sender claimed (inquiries.schema.ts):
// a claimed type outside the accepted list is served as plain bytes, never as e.g. text/html.
const SERVABLE_TYPES = new Set([...Object.keys(ALLOWED_ATTACHMENT_TYPES), 'application/zip', 'application/octet-stream']);

/** Streams the stored bytes with the stored type; never rendered inline, never cached. */
export function sendAttachment(reply: FastifyReply, attachment: { fileName: string; contentType: string; size: number; content: Buffer }) {
  return reply
    .header('content-type', SERVABLE_TYPES.has(attachment.contentType.toLowerCase()) ? attachment.contentType : 'application/octet-stream')
    .header('content-length', String(attachment.content.length))
    .header('content-disposition', contentDisposition(attachment.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Readable.from([attachment.content]));
}

function templateJson(row: AnswerTemplateRow) {
  return { id: row.id, title: row.title, bodyLv: row.bodyLv, bodyEn: row.bodyEn, updatedAt: row.updatedAt.toISOString() };
}

const ACTION_SUMMARIES: Record<InquiryAction, string> = {
  assign: 'Assign to a staff member of the same agency',
  reply: 'Answer by the channel the inquiry came from (e-mail, or a letter to print)',
  'request-info': 'Ask the client for more information (status waiting-for-client)',
  forward: 'Forward to a competent institution or tell the client where to turn',
  complex: 'Apply the one-month term (received from 2026-03-01; reason recorded)',
  extend: 'Extend the deadline for an objective reason (at most four months from receipt)',
  unexamined: 'Leave unexamined under Section 7 of the Law on Submissions',
  merge: 'Merge this inquiry as a duplicate into another of the same agency (supervisors, administrators)',
  close: 'Close the inquiry',
};

/** The staff inquiry API; inside the agency gate, so request.scope is set. */
export async function staffInquiryApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/staff/:agency/inquiries';

  api.get(
    base,
    {
      config: { permission: 'inquiries.read' },
      preValidation: dropEmptyQuery,
      schema: {
        tags: ['inquiries'],
        summary: `The agency's inbox sorted by deadline, ${INBOX_PAGE_SIZE} per page`,
        description: 'Filters combine with AND. Keyset pagination: pass nextCursor as cursor. Every listing is audited.',
        params: AgencyParams,
        querystring: InboxQuerySchema,
        response: { 200: InboxResponseSchema },
      },
    },
    async (request) => {
      const page = await listInbox(deps, scopeOf(request), originOf(request), request.query);
      return { items: page.items, nextCursor: page.nextCursor };
    },
  );

  api.post(
    base,
    {
      config: { permission: 'inquiries.work' },
      // 25 MB of scans in base64, plus the letter itself.
      bodyLimit: 36 * 1024 * 1024,
      schema: {
        tags: ['inquiries'],
        summary: 'Register a letter that came by post, the official e-address, the national portal or in person, with its scans',
        description: 'The statutory terms count from receivedOn (not in the future). The answer to a letter goes out as a letter to print unless an e-mail is given.',
        params: AgencyParams,
        body: RegisterLetterBodySchema,
        response: { 201: RegisteredLetterSchema },
      },
    },
    async (request, reply) => {
      const { attachments = [], ...letter } = request.body;
      const scans = attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64'), truncated: false }));
      const { inquiry, accessCode } = await registerLetter(deps, scopeOf(request), originOf(request), letter, scans);
      return reply.status(201).send({ id: inquiry.id, reference: inquiry.reference, accessCode, deadline: inquiry.deadline });
    },
  );

  api.get(
    `${base}/:id`,
    {
      config: { permission: 'inquiries.read' },
      schema: {
        tags: ['inquiries'],
        summary: 'One inquiry: requester, deadlines with their legal source, history, messages, attachments (the view is audited)',
        params: InquiryParamsSchema,
        response: { 200: InquiryDetailSchema },
      },
    },
    async (request) => detailJson(await getInquiryDetail(deps, scopeOf(request), originOf(request), request.params.id, 'api')),
  );

  api.get(
    `${base}/:id/attachments/:attachmentId`,
    { config: { permission: 'inquiries.read' }, schema: { tags: ['inquiries'], summary: 'Download an attachment (the stored bytes and content type; audited)', params: AttachmentParamsSchema } },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      return sendAttachment(reply, await getAttachment(deps, scopeOf(request), originOf(request), id, attachmentId));
    },
  );

  for (const action of INQUIRY_ACTIONS) {
    api.post(
      `${base}/:id/${action}`,
      {
        config: { permission: actionPermission(action) },
        schema: {
          tags: ['inquiries'],
          summary: ACTION_SUMMARIES[action],
          params: InquiryParamsSchema,
          body: ACTION_SCHEMAS[action],
          response: { 200: ActionResultSchema },
        },
      },
      async (request) => {
        const result = await performAction(action, deps, scopeOf(request), originOf(request), request.params.id, request.body as ActionBody<typeof action>);
        return actionResultJson(result);
      },
    );
  }

  const templates = '/api/v1/staff/:agency/answer-templates';
  api.get(
    templates,
    { config: { permission: 'inquiries.read' }, schema: { tags: ['inquiries'], summary: "The agency's answer templates", params: AgencyParams, response: { 200: TemplateListSchema } } },
    async (request) => ({ templates: (await listAnswerTemplates(deps, scopeOf(request))).map(templateJson) }),
  );
  api.post(
    templates,
    {
      config: { permission: 'inquiries.manage' },
      schema: { tags: ['inquiries'], summary: 'Create an answer template (supervisors, administrators)', params: AgencyParams, body: TemplateBodySchema, response: { 201: TemplateSchema } },
    },
    async (request, reply) => reply.status(201).send(templateJson(await createAnswerTemplate(deps, scopeOf(request), originOf(request), request.body))),
  );
  api.put(
    `${templates}/:templateId`,
    {
      config: { permission: 'inquiries.manage' },
      schema: { tags: ['inquiries'], summary: 'Replace an answer template (supervisors, administrators)', params: TemplateParamsSchema, body: TemplateBodySchema, response: { 200: TemplateSchema } },
    },
    async (request) => templateJson(await updateAnswerTemplate(deps, scopeOf(request), originOf(request), request.params.templateId, request.body)),
  );
  api.delete(
    `${templates}/:templateId`,
    { config: { permission: 'inquiries.manage' }, schema: { tags: ['inquiries'], summary: 'Delete an answer template (supervisors, administrators)', params: TemplateParamsSchema } },
    async (request, reply) => {
      await deleteAnswerTemplate(deps, scopeOf(request), originOf(request), request.params.templateId);
      return reply.status(204).send();
    },
  );
}

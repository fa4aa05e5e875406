import { can } from '../../../platform/access/policy.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { pageContext } from '../../../web/page-context.ts';
import { sendPage } from '../../../web/send-page.tsx';
import { ACTION_SCHEMAS, INQUIRY_ACTIONS, isUuid, type ActionBody, type InquiryAction } from '../inquiries-staff.schema.ts';
import { getAttachment, getInquiryDetail, getLetter, getWorkLists } from '../inquiries-staff.service.ts';
import { findNextOpenInquiry } from '../inquiries-staff.repository.ts';
import { performAction } from './actions.ts';
import { fillTemplate, listAnswerTemplates } from './answer-templates.service.ts';
import { answerMedium, letterUrl } from './client-notice.ts';
import { InquiryDetailView } from './detail.views.tsx';
import { sendAttachment } from './inquiries-staff.api.ts';
import { renderLetterDocument } from './letter.views.tsx';
import { formValues, pageErrors, parseForm, scopeOf, topicNames } from './page-support.ts';

type InquiryParams = { agency: string; id: string };
type Refusal = { action: InquiryAction; values: Record<string, string>; errors: FieldError[] };

async function renderDetail(deps: AppDeps, request: FastifyRequest<{ Params: InquiryParams }>, reply: FastifyReply, refusal: Refusal | null, status = 200) {
  const scope = scopeOf(request);
  const ctx = pageContext(request, reply.generateCsrf());
  const detail = await getInquiryDetail(deps, scope, originOf(request), request.params.id, 'page');
  const profile = deps.agencies.get(scope.agency);
  const [lists, templates] = can(scope, 'inquiries.work')
    ? await Promise.all([getWorkLists(deps, scope), listAnswerTemplates(deps, scope)])
    : [{ staff: [], topics: [] }, []];
  // ?template=<id>[:en] puts the template into the answer box (works without JavaScript).
  const [templateId, templateLang] = (ctx.query.get('template') ?? '').split(':');
  const template = templates.find((tpl) => tpl.id === templateId);
  const templateBody = template ? (templateLang === 'en' && template.bodyEn ? template.bodyEn : template.bodyLv) : undefined;
  const letterId = ctx.query.get('letter');
  const saved = ctx.query.get('saved') === '1';
  // After a change, the next inquiry to work on (deadline order) is one click away.
  const next = saved && can(scope, 'inquiries.work') ? ((await findNextOpenInquiry(deps.db, scope.agency, scope.actor.id, detail.inquiry.id)) ?? null) : undefined;
  const notice = { saved, letterHref: letterId && isUuid(letterId) ? letterUrl(detail.inquiry, letterId) : null, next };
  const fill = (body: string) => fillTemplate(body, { reference: detail.inquiry.reference, name: detail.inquiry.requesterName });
  const title = ctx.t('inquiries.staff.detailTitle', { reference: detail.inquiry.reference });
  return sendPage(reply, ctx, {
    title: refusal ? `${ctx.t('errors.summaryTitle')}: ${title}` : title,
    status,
    ...(profile ? { agency: profile } : {}),
    body: (
      <InquiryDetailView
        ctx={ctx}
        scope={scope}
        detail={detail}
        topics={topicNames(deps, scope.agency, ctx.lang, detail.inquiry.topic ? [detail.inquiry.topic] : [])}
        errors={refusal?.errors ?? []}
        notice={notice}
        forms={{
          active: refusal ? { action: refusal.action, values: refusal.values } : null,
          staff: lists.staff,
          templates,
          institutions: profile?.competentInstitutions ?? [],
          replyPrefill: templateBody === undefined ? undefined : fill(templateBody),
          fill,
          answerMedium: answerMedium(detail.inquiry),
        }}
      />
    ),
  });
}

/** The inquiry page, its action forms (post/redirect/get), attachments and printable letters. */
/** Merging duplicates is for supervisors; every other action is inquiry work. */
export function actionPermission(action: InquiryAction): 'inquiries.manage' | 'inquiries.work' {
  return action === 'merge' ? 'inquiries.manage' : 'inquiries.work';
}

export async function staffInquiryDetailPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const base = '/staff/:agency/iesniegumi/:id';

  app.get<{ Params: InquiryParams }>(base, { config: { permission: 'inquiries.read' } }, async (request, reply) => renderDetail(deps, request, reply, null));

  for (const action of INQUIRY_ACTIONS) {
    app.post<{ Params: InquiryParams }>(`${base}/${action}`, { config: { permission: actionPermission(action) } }, async (request, reply) => {
      const scope = scopeOf(request);
      const values = formValues(request.body);
      const parsed = parseForm(ACTION_SCHEMAS[action], values, request, action);
      if (!parsed.ok) return renderDetail(deps, request, reply, { action, values, errors: parsed.errors }, 400);
      try {
        const result = await performAction(action, deps, scope, originOf(request), request.params.id, parsed.data as ActionBody<typeof action>);
        const letter = result.notice?.message.medium === 'letter' ? `&letter=${result.notice.message.id}` : '';
        return reply.redirect(`/staff/${scope.agency}/iesniegumi/${result.inquiry.id}?saved=1${letter}`, 303);
      } catch (error) {
        const errors = pageErrors(error, request, action);
        if (!errors) throw error;
        const status = error instanceof Error && 'status' in error ? Number(error.status) : 400;
        return renderDetail(deps, request, reply, { action, values, errors }, status);
      }
    });
  }

  app.get<{ Params: InquiryParams & { attachmentId: string } }>(`${base}/pielikumi/:attachmentId`, { config: { permission: 'inquiries.read' } }, async (request, reply) => {
    const { id, attachmentId } = request.params;
    return sendAttachment(reply, await getAttachment(deps, scopeOf(request), originOf(request), id, attachmentId));
  });

  app.get<{ Params: InquiryParams & { messageId: string } }>(`${base}/vestule/:messageId`, { config: { permission: 'inquiries.read' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const { inquiry, message, author } = await getLetter(deps, scope, originOf(request), request.params.id, request.params.messageId);
    const agency = deps.agencies.get(scope.agency);
    if (!agency) return reply.callNotFound();
    const ctx = pageContext(request);
    const html = renderLetterDocument({ ctx, agency, inquiry, message, author, backHref: `/staff/${scope.agency}/iesniegumi/${inquiry.id}` });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(html);
  });
}

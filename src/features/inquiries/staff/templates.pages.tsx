import { authorize } from '../../../platform/access/authorize.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { pageContext } from '../../../web/page-context.ts';
import { sendPage } from '../../../web/send-page.tsx';
import { TemplateBodySchema } from '../inquiries-staff.schema.ts';
import { createAnswerTemplate, deleteAnswerTemplate, getAnswerTemplate, listAnswerTemplates, updateAnswerTemplate } from './answer-templates.service.ts';
import { formValues, pageErrors, parseForm, scopeOf } from './page-support.ts';
import { TemplateEditView, TemplatesView } from './templates.views.tsx';

type TemplateParams = { agency: string; templateId: string };

async function renderList(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[]) {
  const scope = scopeOf(request);
  const ctx = pageContext(request, reply.generateCsrf());
  const templates = await listAnswerTemplates(deps, scope);
  const profile = deps.agencies.get(scope.agency);
  const notice = ctx.query.get('saved') ? ctx.t('inquiries.staff.templateSaved') : ctx.query.get('deleted') ? ctx.t('inquiries.staff.templateDeleted') : null;
  const title = ctx.t('inquiries.staff.templatesTitle');
  return sendPage(reply, ctx, {
    title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${title}` : title,
    status: errors.length ? 400 : 200,
    ...(profile ? { agency: profile } : {}),
    body: <TemplatesView ctx={ctx} scope={scope} templates={templates} values={values} errors={errors} notice={errors.length ? null : notice} />,
  });
}

async function renderEdit(deps: AppDeps, request: FastifyRequest<{ Params: TemplateParams }>, reply: FastifyReply, values: Record<string, string> | null, errors: FieldError[]) {
  const scope = scopeOf(request);
  const template = await getAnswerTemplate(deps, scope, request.params.templateId);
  const ctx = pageContext(request, reply.generateCsrf());
  const profile = deps.agencies.get(scope.agency);
  const title = ctx.t('inquiries.staff.templateEditTitle');
  return sendPage(reply, ctx, {
    title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${title}` : title,
    status: errors.length ? 400 : 200,
    ...(profile ? { agency: profile } : {}),
    body: <TemplateEditView ctx={ctx} scope={scope} template={template} values={values} errors={errors} />,
  });
}

/** Answer templates per agency: everyone reads them, supervisors and administrators edit them. */
export async function staffTemplatePages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const base = '/staff/:agency/iesniegumi/veidnes';

  app.get(base, { config: { permission: 'inquiries.read' } }, async (request, reply) => renderList(deps, request, reply, {}, []));

  app.post(base, { config: { permission: 'inquiries.manage' } }, async (request, reply) => {
    const scope = scopeOf(request);
    authorize(scope, 'inquiries.manage');
    const values = formValues(request.body);
    const parsed = parseForm(TemplateBodySchema, values, request);
    if (!parsed.ok) return renderList(deps, request, reply, values, parsed.errors);
    await createAnswerTemplate(deps, scope, originOf(request), parsed.data);
    return reply.redirect(`/staff/${scope.agency}/iesniegumi/veidnes?saved=1`, 303);
  });

  app.get<{ Params: TemplateParams }>(`${base}/:templateId`, { config: { permission: 'inquiries.manage' } }, async (request, reply) => {
    authorize(scopeOf(request), 'inquiries.manage');
    return renderEdit(deps, request, reply, null, []);
  });

  app.post<{ Params: TemplateParams }>(`${base}/:templateId`, { config: { permission: 'inquiries.manage' } }, async (request, reply) => {
    const scope = scopeOf(request);
    authorize(scope, 'inquiries.manage');
    const values = formValues(request.body);
    const parsed = parseForm(TemplateBodySchema, values, request);
    if (!parsed.ok) return renderEdit(deps, request, reply, values, parsed.errors);
    try {
      await updateAnswerTemplate(deps, scope, originOf(request), request.params.templateId, parsed.data);
    } catch (error) {
      const errors = pageErrors(error, request);
      if (!errors) throw error;
      return renderEdit(deps, request, reply, values, errors);
    }
    return reply.redirect(`/staff/${scope.agency}/iesniegumi/veidnes?saved=1`, 303);
  });

  app.post<{ Params: TemplateParams }>(`${base}/:templateId/dzest`, { config: { permission: 'inquiries.manage' } }, async (request, reply) => {
    const scope = scopeOf(request);
    await deleteAnswerTemplate(deps, scope, originOf(request), request.params.templateId);
    return reply.redirect(`/staff/${scope.agency}/iesniegumi/veidnes?deleted=1`, 303);
  });
}

import { authorize } from '../../../platform/access/authorize.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/audit.ts';
import { rigaToday } from '../../../platform/clock.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { pageContext } from '../../../web/page-context.ts';
import { sendPage } from '../../../web/send-page.tsx';
import { InboxQuerySchema, RegisterLetterSchema } from '../inquiries-staff.schema.ts';
import { getWorkLists, listInbox } from '../inquiries-staff.service.ts';
import { InboxView, type InboxFilters } from './inbox.views.tsx';
import { formValues, nonEmpty, pageErrors, parseForm, scopeOf, topicNames } from './page-support.ts';
import { RegisteredView, RegisterLetterView } from './register.views.tsx';
import { registerLetter } from './registration.service.ts';
import { uploadedFiles } from './uploads.ts';

const FILTER_KEYS = ['status', 'topic', 'channel', 'signature', 'assignee', 'overdue', 'dueWithin', 'q'] as const;

/** The inbox: filters by GET form, so every view of it is a link that can be bookmarked or shared. */
export async function staffInboxPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/staff/:agency/iesniegumi', { config: { permission: 'inquiries.read' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const ctx = pageContext(request, reply.generateCsrf());
    const query = nonEmpty(request.query);
    const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, query[k] ?? ''])) as InboxFilters;
    const parsed = parseForm(InboxQuerySchema, query, request);
    let errors: FieldError[] = parsed.ok ? [] : parsed.errors;
    let page = { items: [] as Awaited<ReturnType<typeof listInbox>>['items'], nextCursor: null as string | null, overdueCount: 0 };
    const lists = getWorkLists(deps, scope); // read while the inbox is read
    lists.catch(() => undefined); // awaited below; never an unhandled rejection if the inbox fails first
    if (parsed.ok) {
      try {
        page = await listInbox(deps, scope, originOf(request), parsed.data);
      } catch (error) {
        const refused = pageErrors(error, request);
        if (!refused) throw error;
        errors = refused;
      }
    }
    const { staff, topics } = await lists;
    const profile = deps.agencies.get(scope.agency);
    const agencyName = profile?.name[ctx.lang] ?? scope.agency;
    return sendPage(reply, ctx, {
      title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('inquiries.staff.inboxTitle')}` : ctx.t('inquiries.staff.inboxTitle'),
      status: errors.length ? 400 : 200,
      ...(profile ? { agency: profile } : {}),
      body: (
        <InboxView
          ctx={ctx}
          scope={scope}
          agencyName={agencyName}
          items={page.items}
          nextCursor={page.nextCursor}
          overdueCount={page.overdueCount}
          filters={filters}
          errors={errors}
          staff={staff}
          topics={topicNames(deps, scope.agency, ctx.lang, topics)}
        />
      ),
    });
  });
}

async function renderRegister(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[]) {
  const scope = scopeOf(request);
  const ctx = pageContext(request, reply.generateCsrf());
  const { topics } = await getWorkLists(deps, scope);
  const profile = deps.agencies.get(scope.agency);
  const title = ctx.t('inquiries.staff.registerTitle');
  return sendPage(reply, ctx, {
    title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${title}` : title,
    status: errors.length ? 400 : 200,
    ...(profile ? { agency: profile } : {}),
    body: <RegisterLetterView ctx={ctx} scope={scope} values={values} errors={errors} topics={topicNames(deps, scope.agency, ctx.lang, topics)} today={rigaToday(deps.clock)} />,
  });
}

/** Registration of letters with scans; registered inside a plugin that parses multipart bodies. */
export async function staffRegisterPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const path = '/staff/:agency/iesniegumi/registret';

  app.get(path, { config: { permission: 'inquiries.work' } }, async (request, reply) => {
    authorize(scopeOf(request), 'inquiries.work');
    return renderRegister(deps, request, reply, {}, []);
  });

  app.post(path, { config: { permission: 'inquiries.work' } }, async (request, reply) => {
    const scope = scopeOf(request);
    authorize(scope, 'inquiries.work');
    const values = formValues(request.body);
    const parsed = parseForm(RegisterLetterSchema, values, request);
    if (!parsed.ok) return renderRegister(deps, request, reply, values, parsed.errors);
    try {
      const filed = await registerLetter(deps, scope, originOf(request), parsed.data, uploadedFiles(request.body));
      const ctx = pageContext(request, reply.generateCsrf());
      const profile = deps.agencies.get(scope.agency);
      const result = { id: filed.inquiry.id, reference: filed.inquiry.reference, deadline: filed.inquiry.deadline, accessCode: filed.accessCode };
      return sendPage(reply.header('cache-control', 'no-store'), ctx, {
        title: ctx.t('inquiries.staff.registeredTitle'),
        ...(profile ? { agency: profile } : {}),
        body: <RegisteredView ctx={ctx} scope={scope} filed={result} />,
      });
    } catch (error) {
      const errors = pageErrors(error, request);
      if (!errors) throw error;
      return renderRegister(deps, request, reply, values, errors);
    }
  });
}

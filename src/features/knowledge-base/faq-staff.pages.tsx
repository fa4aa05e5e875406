import { scopeOf } from '../../platform/access/access.hook.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, fieldErrorsFromIssues, type FieldError, type IssueLike } from '../../platform/http/problem.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import type { FaqEntryRow, FaqRevisionRow } from './faq.repository.ts';
import { canEditFaq, createFaq, faqTopics, getFaqForStaff, listFaqForStaff, updateFaq } from './faq-staff.service.ts';
import { queryText } from './faq.pages.tsx';
import { searchFaq } from './faq.service.ts';
import { FaqFormView, FaqListView, formOf, type FaqForm } from './faq-staff.views.tsx';

type AgencyParams = { Params: { agency: string } };
type EntryParams = { Params: { agency: string; id: string } };

const FIELD_ORDER = ['topic', 'status', 'questionLv', 'answerLv', 'questionEn', 'answerEn', 'version'];

function formFromBody(body: unknown): FaqForm {
  const fields = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => {
    const value = Array.isArray(fields[key]) ? (fields[key] as unknown[])[0] : fields[key];
    return typeof value === 'string' ? value : '';
  };
  return {
    topic: text('topic'),
    status: text('status'),
    questionLv: text('questionLv'),
    answerLv: text('answerLv'),
    questionEn: text('questionEn'),
    answerEn: text('answerEn'),
    version: text('version'),
  };
}

function contentOf(form: FaqForm) {
  const { version: _version, ...content } = form;
  return content;
}

function formErrors(issues: IssueLike[], request: FastifyRequest): FieldError[] {
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  return fieldErrorsFromIssues(issues, request.t, request.lang).sort((a, b) => rank(a.field) - rank(b.field));
}

type FormState = {
  form: FaqForm;
  errors: FieldError[];
  status: number;
  entry?: FaqEntryRow;
  revisions?: FaqRevisionRow[];
  current?: FaqEntryRow | null;
};

function renderForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, state: FormState) {
  const scope = scopeOf(request);
  const ctx = pageContext(request, reply.generateCsrf());
  const agency = deps.agencies.get(scope.agency);
  const query = request.query as { saved?: string; created?: string };
  const notice = state.errors.length ? null : query.created ? ctx.t('faq.staff.created') : query.saved ? ctx.t('faq.staff.saved') : null;
  const heading = state.entry ? ctx.t('faq.staff.editTitle') : ctx.t('faq.staff.newEntry');
  const action = state.entry ? `/staff/${scope.agency}/buj/${state.entry.id}` : `/staff/${scope.agency}/buj/jauns`;
  return sendPage(reply, ctx, {
    title: state.errors.length ? `${ctx.t('errors.summaryTitle')}: ${heading}` : heading,
    status: state.status,
    ...(agency ? { agency } : {}),
    body: (
      <FaqFormView
        ctx={ctx}
        slug={scope.agency}
        title={heading}
        action={action}
        form={state.form}
        errors={state.errors}
        topics={faqTopics(deps, scope.agency)}
        notice={notice}
        canEdit={canEditFaq(scope)}
        current={state.current ?? null}
        revisions={state.revisions ?? []}
      />
    ),
  });
}

function requireEditor(scope: AgencyScope): void {
  if (!canEditFaq(scope)) throw new AppError(403, 'forbidden', 'errors.forbiddenTitle');
}

/** Staff pages inside the agency gate: every role reads; supervisors and administrators change (checked in the service). */
export async function faqStaffPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/staff/:agency/buj', { config: { permission: 'workplace.view' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const ctx = pageContext(request, reply.generateCsrf());
    const agency = deps.agencies.get(scope.agency);
    const entries = await listFaqForStaff(deps, scope);
    const query = queryText((request.query as Record<string, unknown> | undefined)?.['q']).trim();
    const search = query ? { query, hits: await searchFaq(deps, scope.agency, query, ctx.lang, { includeDrafts: true, limit: 20 }) } : null;
    return sendPage(reply, ctx, {
      title: ctx.t('faq.staff.listTitle'),
      ...(agency ? { agency } : {}),
      body: (
        <FaqListView
          ctx={ctx}
          slug={scope.agency}
          agencyName={agency?.name[ctx.lang] ?? scope.agency}
          entries={entries}
          topics={faqTopics(deps, scope.agency)}
          canEdit={canEditFaq(scope)}
          search={search}
        />
      ),
    });
  });

  app.get<AgencyParams>('/staff/:agency/buj/jauns', { config: { permission: 'faq.edit' } }, async (request, reply) => {
    const scope = scopeOf(request);
    requireEditor(scope);
    const topic = faqTopics(deps, scope.agency)[0]?.id ?? '';
    const form: FaqForm = { topic, status: 'draft', questionLv: '', answerLv: '', questionEn: '', answerEn: '', version: '' };
    return renderForm(deps, request, reply, { form, errors: [], status: 200 });
  });

  app.post<AgencyParams>('/staff/:agency/buj/jauns', { config: { permission: 'faq.edit' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const form = formFromBody(request.body);
    const result = await createFaq(deps, scope, originOf(request), contentOf(form));
    if (result.ok) return reply.redirect(`/staff/${scope.agency}/buj/${result.entry.id}?created=1`, 303);
    if (result.reason === 'invalid') return renderForm(deps, request, reply, { form, errors: formErrors(result.issues, request), status: 400 });
    throw new Error('a new entry cannot be stale');
  });

  app.get<EntryParams>('/staff/:agency/buj/:id', { config: { permission: 'workplace.view' } }, async (request, reply) => {
    const { entry, revisions } = await getFaqForStaff(deps, scopeOf(request), request.params.id);
    return renderForm(deps, request, reply, { form: formOf(entry), errors: [], status: 200, entry, revisions });
  });

  app.post<EntryParams>('/staff/:agency/buj/:id', { config: { permission: 'faq.edit' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const form = formFromBody(request.body);
    const result = await updateFaq(deps, scope, originOf(request), request.params.id, contentOf(form), form.version);
    if (result.ok) return reply.redirect(`/staff/${scope.agency}/buj/${result.entry.id}?saved=1`, 303);
    const { entry, revisions } = await getFaqForStaff(deps, scope, request.params.id);
    if (result.reason === 'invalid') {
      return renderForm(deps, request, reply, { form, errors: formErrors(result.issues, request), status: 400, entry, revisions });
    }
    // Stale: keep what the user typed, show what is saved now; saving again is a deliberate overwrite.
    const message = request.t('faq.errors.stale', { current: result.current.version });
    return renderForm(deps, request, reply, {
      form: { ...form, version: String(result.current.version) },
      errors: [{ field: 'current', code: 'stale', message }],
      status: 409,
      entry,
      revisions,
      current: result.current,
    });
  });
}

import type { FastifyInstance } from 'fastify';
import { scopeOf } from '../../platform/access/access.hook.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/http/form.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { AuditQuerySchema } from './audit-log.schema.ts';
import { agencyStaff, readAgencyAudit } from './audit-log.service.ts';
import { AuditView, type AuditFilterValues } from './audit-log.views.tsx';

type AgencyParams = { Params: { agency: string } };

/** /staff/{agency}/audit: the trail with filters by person, record and Riga period (registered inside the agency gate). */
export async function auditLogPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/staff/:agency/audit', { config: { permission: 'audit.read' }, schema: { hide: true } }, async (request, reply) => {
    const scope = scopeOf(request);
    const ctx = pageContext(request, reply.generateCsrf());
    const { lang: _lang, ...query } = (request.query ?? {}) as Record<string, unknown>;
    const parsed = parseForm(AuditQuerySchema, query, request);
    const { before: _before, ...values } = parsed.values as AuditFilterValues & { before?: string };
    const page = parsed.ok ? await readAgencyAudit(deps, scope, originOf(request), parsed.data) : { records: [], nextBefore: null };
    const agency = deps.agencies.get(scope.agency);
    const view = (
      <AuditView
        ctx={ctx}
        agencyName={agency?.name[ctx.lang] ?? scope.agency}
        path={`/staff/${scope.agency}/audit`}
        records={page.records}
        nextBefore={page.nextBefore}
        paged={parsed.ok && parsed.data.before !== undefined}
        values={values}
        errors={parsed.ok ? [] : parsed.errors}
        staff={await agencyStaff(deps, scope)}
      />
    );
    return sendPage(reply, ctx, { title: ctx.t('auditLog.title'), body: view, agency, status: parsed.ok ? 200 : 400 });
  });
}

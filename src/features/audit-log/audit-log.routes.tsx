import { scopeOf } from '../../platform/access/access.hook.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { AuditView } from '../staff/staff.views.tsx';
import { AgencyParamsSchema, AuditListResponseSchema, AuditQuerySchema } from './audit-log.schema.ts';
import { readAgencyAudit } from './audit-log.service.ts';

/** Registered inside the agency-scoped staff plugin: request.scope is set. */
export async function auditLogRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/staff/:agency/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['staff'],
        summary: "The agency's audit trail, newest first (auditors and administrators)",
        params: AgencyParamsSchema,
        querystring: AuditQuerySchema,
        response: { 200: AuditListResponseSchema },
      },
    },
    async (request) => {
      const records = await readAgencyAudit(deps, scopeOf(request), originOf(request), request.query.before);
      return { records: records.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );

  api.get(
    '/staff/:agency/audit',
    { config: { permission: 'audit.read' }, schema: { hide: true, params: AgencyParamsSchema } },
    async (request, reply) => {
      const scope = scopeOf(request);
      const records = await readAgencyAudit(deps, scope, originOf(request));
      const ctx = pageContext(request, reply.generateCsrf());
      const agency = deps.agencies.get(scope.agency);
      const name = agency?.name[ctx.lang] ?? scope.agency;
      return sendPage(reply, ctx, { title: ctx.t('staff.auditTitle'), body: <AuditView ctx={ctx} agencyName={name} records={records} />, agency });
    },
  );
}

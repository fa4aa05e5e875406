import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeOf } from '../../platform/access/access.hook.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AgencyParamsSchema, AuditListResponseSchema, AuditQuerySchema } from './audit-log.schema.ts';
import { readAgencyAudit } from './audit-log.service.ts';

/** GET /api/v1/staff/{agency}/audit (registered inside the agency gate: request.scope is set). */
export async function auditLogApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/staff/:agency/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['staff'],
        summary: "The agency's audit trail, newest first, 200 a page (auditors and administrators); filters by person, record and Riga period",
        params: AgencyParamsSchema,
        querystring: AuditQuerySchema,
        response: { 200: AuditListResponseSchema },
      },
    },
    async (request) => {
      const page = await readAgencyAudit(deps, scopeOf(request), originOf(request), request.query);
      return { records: page.records.map((r) => ({ ...r, at: r.at.toISOString() })), nextBefore: page.nextBefore };
    },
  );
}

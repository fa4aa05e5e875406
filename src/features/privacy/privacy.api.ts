import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { RETENTION_KINDS } from '../../domain/privacy/retention-kinds.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { translator } from '../../platform/i18n/index.ts';
import { privacyFieldErrors, SubjectQuerySchema } from './privacy.schema.ts';
import { subjectAccess } from './subject-access.service.ts';

const ParamsSchema = z.object({ agency: z.string().min(1).max(40) });

/** The body as the API takes it; SubjectQuerySchema then checks the identifiers and the reason (field-level LV/EN errors). */
export const SubjectAccessBodySchema = z
  .object({
    personalCode: z.string().max(40).optional(),
    email: z.string().max(254).optional(),
    phone: z.string().max(40).optional(),
    reason: z.string().max(1000).optional(),
  })
  .strict();

const TrailSchema = z.object({ at: z.string(), actor: z.string(), action: z.string() });
export const SubjectAccessResponseSchema = z.object({
  agency: z.string(),
  searchedAt: z.string(),
  searchedBy: z.string(),
  reason: z.string(),
  criteria: z.object({ personalCode: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  sections: z.array(
    z.object({
      kind: z.enum(RETENTION_KINDS),
      records: z.array(z.object({ id: z.string(), reference: z.string(), status: z.string(), at: z.string(), staffPath: z.string().nullable(), trail: z.array(TrailSchema) })),
    }),
  ),
});

function invalid(issues: Parameters<typeof privacyFieldErrors>[0]): AppError {
  const lv = privacyFieldErrors(issues, translator('lv'), 'lv');
  const en = privacyFieldErrors(issues, translator('en'), 'en');
  return new AppError(
    400,
    'validation',
    'errors.validation',
    {},
    lv.map((e, i) => ({ field: e.field, code: e.code, message: { lv: e.message, en: en[i]?.message ?? e.message } })),
  );
}

/** POST /api/v1/staff/{agency}/subject-access: supervisors and administrators; audited with its reason. */
export async function privacyStaffApi(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = scoped.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/staff/:agency/subject-access',
    {
      config: { permission: 'privacy.subject-access' as const },
      schema: {
        tags: ['privacy'],
        summary: 'Every record of the agency about a person (by personal code, e-mail or phone) with who viewed or changed each; the search is audited with its reason',
        params: ParamsSchema,
        body: SubjectAccessBodySchema,
        response: { 200: SubjectAccessResponseSchema },
      },
    },
    async (request: FastifyRequest<{ Body: z.infer<typeof SubjectAccessBodySchema> }>) => {
      const parsed = SubjectQuerySchema.safeParse(request.body);
      if (!parsed.success) throw invalid(parsed.error.issues);
      const report = await subjectAccess(deps, request.scope as AgencyScope, originOf(request), parsed.data);
      return report;
    },
  );
}

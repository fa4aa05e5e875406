import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { pingDatabase } from './health.repository.ts';

const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
  agencies: z.array(z.string()),
  time: z.string(),
});

export async function healthRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { tags: ['health'], summary: 'Liveness and database check', response: { 200: HealthResponseSchema, 503: HealthResponseSchema } } },
    async (_request, reply) => {
      const ok = await pingDatabase(deps.db).catch(() => false);
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { kind: deps.dbKind, ok },
        agencies: deps.agencies.list().map((a) => a.slug),
        time: deps.clock().toString(),
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
}

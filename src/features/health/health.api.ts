import { answerAsBuilt } from '../../platform/http/answer-serializer.ts';
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

/**
 * The database check, shared: at most one ping in flight, and its answer reused for `maxAgeMs` (PAGE_CACHE_MS), so
 * that a load balancer polling every process many times a second costs the database one query per process per interval.
 */
export function sharedPing(ping: () => Promise<boolean>, maxAgeMs: number): () => Promise<boolean> {
  let last: { at: number; result: Promise<boolean> } | undefined;
  return () => {
    const now = performance.now();
    if (last && now - last.at < maxAgeMs) return last.result;
    const result = ping().catch(() => false);
    last = { at: now, result };
    return result;
  };
}

export async function healthRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const ping = sharedPing(() => pingDatabase(deps.db), deps.config.pageCacheMs);
  const agencies = deps.agencies.list().map((a) => a.slug);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: { tags: ['health'], summary: 'Liveness and database check', response: { 200: HealthResponseSchema, 503: HealthResponseSchema } },
      // Polled by load balancers many times a second: not logged, and the answer (built right here) not validated again.
      logLevel: 'warn',
      serializerCompiler: answerAsBuilt,
    },
    async (_request, reply) => {
      const ok = await ping();
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { kind: deps.dbKind, ok },
        agencies,
        time: deps.clock().toString(),
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
}

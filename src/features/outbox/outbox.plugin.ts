import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';

/** /staff/outbox: the mail the platform sent (or kept, without SMTP_URL), for the agencies of the signed-in staff member. */
export async function outboxRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { outboxPages } from './outbox.pages.tsx';

/** /staff/outbox: the mail the platform sent (or kept, without SMTP_URL), for the agencies of the signed-in staff member. */
export async function outboxRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await outboxPages(app, deps);
}

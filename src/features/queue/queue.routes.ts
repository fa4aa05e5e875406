import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { BoardHub } from './board-hub.ts';
import { requireWalkInCentre } from './queue-centre.ts';
import { queuePublicApi } from './queue-public.api.ts';
import { queuePublicPages } from './queue-public.pages.tsx';
import { queueStaffApi } from './queue-staff.api.ts';
import { queueStaffPages } from './queue-staff.pages.tsx';
import { boardState } from './queue-tickets.service.ts';

/** Public pages and API of the queue feature. */
export async function queueRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const hub = new BoardHub(deps.db, (agency, centre) => boardState(deps, requireWalkInCentre(deps.agencies.require(agency), centre)), app.log);
  // Open event streams would keep the server from closing: end them first (boards reconnect by themselves).
  app.addHook('preClose', async () => hub.endStreams());
  app.addHook('onClose', async () => hub.close());
  await queuePublicApi(app, deps, hub);
  await queuePublicPages(app, deps);
}

/** Staff pages and API under /staff/:agency and /api/v1/staff/:agency (behind the agency access gate). */
export async function queueStaffRoutes(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  await queueStaffApi(scoped, deps);
  await queueStaffPages(scoped, deps);
}

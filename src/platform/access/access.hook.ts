import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/problem.ts';
import { roleAllows, scopeFor, type AgencyScope } from './policy.ts';

/**
 * The one place where the agency boundary and the role checks are enforced.
 * Every staff route under /staff/:agency and /api/v1/staff/:agency runs it;
 * services then receive `request.scope` and query only within scope.agency.
 */
export function agencyAccessHook(agencyExists: (slug: string) => boolean) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const actor = request.staff;
    if (!actor) {
      if (request.url.startsWith('/api/')) throw new AppError(401, 'unauthorized', 'errors.unauthorized');
      const next = encodeURIComponent(request.url);
      return reply.redirect(`/staff/login?next=${next}`, 303);
    }
    const agency = (request.params as { agency?: string }).agency ?? '';
    if (!agencyExists(agency)) throw new AppError(404, 'agency-not-found', 'errors.notFoundTitle');
    const scope = scopeFor(actor, agency);
    const permission = request.routeOptions.config.permission ?? 'workplace.view';
    if (!scope || !roleAllows(scope.role, permission)) {
      request.log.warn({ actor: actor.id, agency, permission }, 'access refused');
      throw new AppError(403, 'forbidden', 'errors.forbiddenTitle');
    }
    request.scope = scope;
  };
}

/**
 * The agency scope the gate set for this request. Only routes registered behind the gate (the features'
 * *StaffRoutes) may ask; anywhere else it is a programming error, not a client's.
 */
export function scopeOf(request: FastifyRequest): AgencyScope {
  if (!request.scope) throw new Error(`${request.method} ${request.routeOptions.url ?? request.url}: no agency scope (route registered outside the access gate?)`);
  return request.scope;
}

import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../http/problem.ts';
import { isKnownPermission, roleAllows, scopeFor, type AgencyScope } from './policy.ts';

/**
 * The one place where the agency boundary and the role checks are enforced.
 * Every staff route under /staff/:agency and /api/v1/staff/:agency runs it as an onRequest hook, so
 * access is decided before the body is parsed or validated; services then receive `request.scope` and
 * query only within scope.agency.
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
    const permission = request.routeOptions.config.permission;
    if (!permission) throw new Error(`${request.method} ${request.routeOptions.url}: no permission declared`);
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

/**
 * An onRoute hook for the gated routes: a route without a declared, known permission is refused when the
 * app is built (fail closed), never served with a default.
 */
export function requireDeclaredPermission(route: RouteOptions): void {
  if (route.method === 'HEAD') return;
  const permission = (route.config as { permission?: string } | undefined)?.permission;
  if (!permission || !isKnownPermission(permission)) {
    throw new Error(`${String(route.method)} ${route.url}: a staff route must declare a known permission (config.permission), got ${permission ?? 'none'}`);
  }
}

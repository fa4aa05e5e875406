import type { FastifyRequest } from 'fastify';
import type { ServiceDeps } from '../../platform/deps.ts';
import { resolveSession } from './staff.service.ts';

export const SESSION_COOKIE = 'apkalpe_session';

function isStaffPath(url: string): boolean {
  return url === '/staff' || url.startsWith('/staff/') || url.startsWith('/staff?') || url.startsWith('/api/v1/staff/');
}

/** Resolves the staff session on staff paths only: public pages never touch the session table. */
export function staffSessionHook(deps: ServiceDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!isStaffPath(request.url)) return;
    const token = request.cookies[SESSION_COOKIE];
    request.staff = token ? await resolveSession(deps, token) : null;
  };
}

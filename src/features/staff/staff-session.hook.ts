import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { ServiceDeps } from '../../platform/deps.ts';
import { resolveSession } from './staff.service.ts';

export const SESSION_COOKIE = 'apkalpe_session';

function isStaffPath(url: string): boolean {
  return url === '/staff' || url.startsWith('/staff/') || url.startsWith('/staff?') || url.startsWith('/api/v1/staff/');
}

/** Resolves the staff session on staff paths only: public pages never touch the session table. */
export function staffSessionHook(deps: ServiceDeps) {
  // Callback form: a public request passes without the promise an async hook costs every request (issue 18).
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const token = isStaffPath(request.url) ? request.cookies[SESSION_COOKIE] : undefined;
    if (!token) return done();
    resolveSession(deps, token).then((staff) => {
      request.staff = staff;
      done();
    }, done);
  };
}

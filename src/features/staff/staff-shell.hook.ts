import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { StaffShell } from '../../web/staff-shell.tsx';
import { entryHref, shellAgency, visibleEntries } from './staff-nav.ts';

function wantsShell(request: FastifyRequest): boolean {
  if (request.method !== 'GET' || !request.staff) return false;
  const path = request.url.split('?')[0] ?? '';
  if (!(path === '/staff' || path.startsWith('/staff/'))) return false;
  if (/\.(csv|ics|json)$/.test(path) || path.endsWith('/events')) return false;
  return !String(request.headers.accept ?? '').includes('text/event-stream');
}

/**
 * Builds the staff shell of a staff page (navigation allowed to the role, the agency and the other agencies
 * of the person, the counts of what waits). Runs for GET pages of signed-in staff only; the agency gate still
 * decides access — the shell only chooses what to show.
 */
export function staffShellHook(app: FastifyInstance, deps: AppDeps) {
  const routes = new Map<string, boolean>();
  const routeExists = (url: string) => {
    let known = routes.get(url);
    if (known === undefined) routes.set(url, (known = app.hasRoute({ method: 'GET', url })));
    return known;
  };
  const buildShell = async (request: FastifyRequest): Promise<void> => {
    const actor = request.staff;
    if (!actor) return;
    const membership = shellAgency(actor.memberships, request.url.split('?')[0] ?? '');
    if (!membership) return;
    const t = request.t;
    const nameOf = (slug: string) => deps.agencies.get(slug)?.shortName[request.lang] ?? slug;
    const entries = visibleEntries(membership.role, routeExists);
    const counted = await Promise.all(entries.map(async (e) => (e.counts ? e.counts(deps, membership.agency) : [])));
    const shell: StaffShell = {
      agency: { slug: membership.agency, name: nameOf(membership.agency) },
      role: t(`staff.roles.${membership.role}` as MessageKey),
      person: actor.name,
      otherAgencies: actor.memberships.filter((m) => m.agency !== membership.agency).map((m) => ({ slug: m.agency, name: nameOf(m.agency) })),
      entries: entries.map((e, i) => ({
        id: e.id,
        href: entryHref(e, membership.agency),
        label: t(e.key),
        counts: (counted[i] ?? []).filter((c) => c.n > 0).map((c) => ({ text: t(c.key, { count: c.n }), urgent: c.urgent })),
      })),
    };
    request.staffShell = shell;
  };
  // Callback form: a request that shows no shell passes without the promise an async hook costs (issue 18).
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (!wantsShell(request)) return done();
    buildShell(request).then(() => done(), done);
  };
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { originOf } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/access/policy.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { listOutboxFor, OUTBOX_PAGE_SIZE, readOutboxMail } from './outbox.service.ts';
import { OutboxListView, OutboxMailView } from './outbox.views.tsx';

export const OUTBOX_PATH = '/staff/outbox';

/** The signed-in staff member, or null after sending the sign-in redirect (back to this page). */
function requireStaff(request: FastifyRequest, reply: FastifyReply): StaffActor | null {
  if (request.staff) return request.staff;
  const path = new URL(request.url, 'http://localhost').pathname;
  // Slashes may stay as they are in a query: /staff/login?next=/staff/outbox.
  void reply.redirect(`/staff/login?next=${encodeURIComponent(path).replace(/%2F/gi, '/')}`, 303);
  return null;
}

export async function outboxPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const agencyName = (slug: string | null, lang: 'lv' | 'en') => (slug ? (deps.agencies.get(slug)?.shortName[lang] ?? slug) : '');

  api.get(OUTBOX_PATH, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request, reply);
    if (!actor) return reply;
    const { mail, others } = await listOutboxFor(deps, actor, originOf(request));
    const ctx = pageContext(request);
    const names = new Map(actor.memberships.map((m) => [m.agency, agencyName(m.agency, ctx.lang)]));
    return sendPage(reply, ctx, { title: ctx.t('outbox.title'), body: <OutboxListView ctx={ctx} rows={mail} others={others} agencyNames={names} pageSize={OUTBOX_PAGE_SIZE} /> });
  });

  api.get(`${OUTBOX_PATH}/:id`, { schema: { hide: true, params: z.object({ id: z.string().max(100) }) } }, async (request, reply) => {
    const actor = requireStaff(request, reply);
    if (!actor) return reply;
    const row = await readOutboxMail(deps, actor, originOf(request), request.params.id);
    const ctx = pageContext(request);
    return sendPage(reply, ctx, {
      title: ctx.t('outbox.detailTitle', { subject: row.subject || ctx.t('outbox.noSubject') }),
      body: <OutboxMailView ctx={ctx} row={row} agencyName={agencyName(row.agency, ctx.lang)} />,
    });
  });
}

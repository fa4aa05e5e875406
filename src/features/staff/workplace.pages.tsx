import { scopeOf } from '../../platform/access/access.hook.ts';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { WorkplaceView } from './staff.views.tsx';

/** Registered inside the agency-scoped staff plugin: request.scope is set. */
export async function workplaceRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: { agency: string } }>('/staff/:agency', { config: { permission: 'workplace.view' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const ctx = pageContext(request, reply.generateCsrf());
    const agency = deps.agencies.get(scope.agency);
    const name = agency?.name[ctx.lang] ?? scope.agency;
    return sendPage(reply, ctx, {
      title: ctx.t('staff.homeTitle'),
      body: <WorkplaceView ctx={ctx} scope={scope} agencyName={name} walkIn={agency?.serviceCentres.some((c) => c.walkIn) ?? false} />,
      agency,
    });
  });
}

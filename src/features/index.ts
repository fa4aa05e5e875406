import type { FastifyInstance } from 'fastify';
import { agencyAccessHook } from '../platform/access/access.hook.ts';
import type { AppDeps } from '../platform/deps.ts';
import { agenciesPages } from './agencies/agencies.pages.tsx';
import { agenciesRoutes } from './agencies/agencies.routes.ts';
import { auditLogRoutes } from './audit-log/audit-log.routes.tsx';
import { calendarAdminPages } from './calendar/calendar-admin.pages.tsx';
import { calendarPages } from './calendar/calendar.pages.tsx';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { inquiriesRoutes, inquiriesStaffRoutes } from './inquiries/inquiries.plugin.ts';
import { knowledgeBaseRoutes, knowledgeBaseStaffRoutes } from './knowledge-base/faq.plugin.ts';
import { outboxRoutes } from './outbox/outbox.plugin.ts';
import { appointmentsRoutes, appointmentsStaffRoutes } from './appointments/appointments.plugin.ts';
import { queueRoutes, queueStaffRoutes } from './queue/queue.plugin.ts';
import { feedbackRoutes, feedbackStaffRoutes } from './feedback/feedback.plugin.ts';
import { registerPageCache } from '../platform/http/page-cache.ts';
import { PUBLIC_CACHEABLE_ROUTES } from './public-cache-routes.ts';
import { personalCodesRoutes } from './personal-codes/personal-codes.routes.ts';
import { staffSessionHook } from './staff/staff-session.hook.ts';
import { staffPages } from './staff/staff.pages.tsx';
import { workplaceRoutes } from './staff/workplace.routes.tsx';

/** Features in order: infrastructure hooks, public API, staff, then the public pages' catch-all /:agency. */
export async function registerFeatures(app: FastifyInstance, deps: AppDeps): Promise<void> {
  registerPageCache(app, { ttlMs: deps.config.pageCacheMs, clock: deps.clock, routes: PUBLIC_CACHEABLE_ROUTES });
  app.addHook('onRequest', staffSessionHook(deps));

  await healthRoutes(app, deps);
  await agenciesRoutes(app, deps);
  await calendarRoutes(app, deps);
  await personalCodesRoutes(app, deps);
  await staffPages(app, deps);
  await calendarAdminPages(app, deps);
  await outboxRoutes(app, deps);
  await knowledgeBaseRoutes(app, deps);
  await inquiriesRoutes(app, deps);
  await appointmentsRoutes(app, deps);
  await queueRoutes(app, deps);
  await feedbackRoutes(app, deps);

  // Everything under /staff/:agency and /api/v1/staff/:agency passes the one access gate.
  await app.register(async (scoped) => {
    scoped.addHook('preHandler', agencyAccessHook((slug) => deps.agencies.get(slug) !== undefined));
    await workplaceRoutes(scoped, deps);
    await auditLogRoutes(scoped, deps);
    await knowledgeBaseStaffRoutes(scoped, deps);
    await inquiriesStaffRoutes(scoped, deps);
    await appointmentsStaffRoutes(scoped, deps);
    await queueStaffRoutes(scoped, deps);
    await feedbackStaffRoutes(scoped, deps);
  });

  await calendarPages(app, deps);
  await agenciesPages(app, deps);
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { staffInquiryDetailPages } from './staff/detail.pages.tsx';
import { staffInboxPages, staffRegisterPages } from './staff/inbox.pages.tsx';
import { staffInquiryApi } from './staff/inquiries-staff.api.ts';
import { staffTemplatePages } from './staff/templates.pages.tsx';
import { withUploads } from './staff/uploads.ts';

/** Staff inbox and inquiry work under /staff/{agency}/… and /api/v1/staff/{agency}/…; inside the agency gate. */
export async function staffInquiryRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await staffInquiryApi(app, deps);
  await staffInboxPages(app, deps);
  await staffTemplatePages(app, deps);
  await staffInquiryDetailPages(app, deps);
  // Registration of letters with their scans: the only place that accepts multipart bodies.
  await withUploads(app, (scoped) => staffRegisterPages(scoped, deps));
}

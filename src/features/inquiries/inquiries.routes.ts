import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { followUpPages } from './public/follow-up.pages.tsx';
import { publicInquiryApi } from './public/inquiries-public.api.ts';
import { questionPages } from './public/question.pages.tsx';
import { MULTIPART_OPTIONS } from './public/uploads.ts';
import { staffInquiryDetailPages } from './staff/detail.pages.tsx';
import { staffInboxPages, staffRegisterPages } from './staff/inbox.pages.tsx';
import { staffInquiryApi } from './staff/inquiries-staff.api.ts';
import { staffTemplatePages } from './staff/templates.pages.tsx';
import { withUploads } from './staff/uploads.ts';

/** /{agency}/jautajums (question form), client follow-up, POST /api/v1/agencies/{slug}/inquiries, GET /api/v1/inquiries/{reference}. */
export async function inquiriesRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await publicInquiryApi(app, deps);
  // Multipart stays inside this scope: only the question pages take files.
  await app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, MULTIPART_OPTIONS);
    await questionPages(scoped, deps);
    await followUpPages(scoped, deps);
  });
}

/** Staff inbox and inquiry work under /staff/{agency}/… and /api/v1/staff/{agency}/…; inside the agency gate. */
export async function inquiriesStaffRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await staffInquiryApi(app, deps);
  await staffInboxPages(app, deps);
  await staffTemplatePages(app, deps);
  await staffInquiryDetailPages(app, deps);
  // Registration of letters with their scans: the only place that accepts multipart bodies.
  await withUploads(app, (scoped) => staffRegisterPages(scoped, deps));
}

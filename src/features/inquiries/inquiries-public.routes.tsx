import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { followUpPages } from './public/follow-up.pages.tsx';
import { publicInquiryApi } from './public/inquiries-public.api.ts';
import { questionPages } from './public/question.pages.tsx';
import { MULTIPART_OPTIONS } from './public/uploads.ts';

/** /{agency}/jautajums (question form), client follow-up, POST /api/v1/agencies/{slug}/inquiries, GET /api/v1/inquiries/{reference}. */
export async function publicInquiryRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await publicInquiryApi(app, deps);
  // Multipart stays inside this scope: only the question pages take files.
  await app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, MULTIPART_OPTIONS);
    await questionPages(scoped, deps);
    await followUpPages(scoped, deps);
  });
}

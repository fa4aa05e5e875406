import type { FastifyReply } from 'fastify';
import type { ReactNode } from 'react';
import { sendPage, type PageAgency } from '../../web/send-page.tsx';
import type { PageContext } from '../../web/page-context.ts';

export const FEEDBACK_STYLESHEETS = ['/static/feedback.css'] as const;

/** Renders a feedback page in the site layout with the feature's stylesheet. */
export function sendFeedbackPage(
  reply: FastifyReply,
  ctx: PageContext,
  page: { title: string; body: ReactNode; agency?: PageAgency | undefined; status?: number },
) {
  return sendPage(reply, ctx, { ...page, stylesheets: FEEDBACK_STYLESHEETS });
}

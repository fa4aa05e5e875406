import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import { problemFromError } from '../../platform/http/error-handler.ts';
import { AppError, type FieldError } from '../../platform/http/problem.ts';
import { sendPage, type PageAgency } from '../../web/send-page.tsx';
import type { PageContext } from '../../web/page-context.ts';

export const QUEUE_STYLESHEETS = ['/static/queue.css'] as const;

/** A page in the site layout with the queue's stylesheet. */
export function sendQueuePage(
  reply: FastifyReply,
  ctx: PageContext,
  page: { title: string; body: ReactNode; agency: PageAgency; status?: number },
) {
  return sendPage(reply, ctx, { ...page, stylesheets: QUEUE_STYLESHEETS });
}

/** A refused form (400, 404 of a code, 409) as field errors for the page; anything else is rethrown. */
export function refusal(error: unknown, request: FastifyRequest, field: string): { status: number; errors: FieldError[] } | null {
  if (!(error instanceof AppError) || ![400, 404, 409].includes(error.status)) return null;
  const problem = problemFromError(error, request);
  const errors = problem.errors?.length ? problem.errors : [{ field, code: problem.code ?? 'refused', message: problem.title }];
  return { status: error.status, errors };
}

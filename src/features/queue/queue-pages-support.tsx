import type { FastifyRequest } from 'fastify';
import { problemFromError } from '../../platform/http/error-handler.ts';
import { AppError, type FieldError } from '../../platform/http/problem.ts';

/** The queue pages' stylesheet, for sendPage. */
export const QUEUE_STYLESHEETS = ['/static/queue.css'] as const;

/** A refused form (400, 404 of a code, 409) as field errors for the page; anything else is rethrown. */
export function refusal(error: unknown, request: FastifyRequest, field: string): { status: number; errors: FieldError[] } | null {
  if (!(error instanceof AppError) || ![400, 404, 409].includes(error.status)) return null;
  const problem = problemFromError(error, request);
  const errors = problem.errors?.length ? problem.errors : [{ field, code: problem.code ?? 'refused', message: problem.title }];
  return { status: error.status, errors };
}

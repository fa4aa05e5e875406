// One place that refuses NUL characters in any text a client sends (issue 13, finding 2): PostgreSQL cannot
// store U+0000 in text, so without this check it becomes a 500 wherever a string reaches a query.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './problem.ts';

/** The field paths of every string (or object key) containing U+0000, e.g. ['subject', 'attachments.0.fileName']. */
export function fieldsWithNul(value: unknown, path: string[] = [], found: string[] = [], depth = 0): string[] {
  if (found.length >= 20 || depth > 32) return found;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path.join('.') || '(root)');
  } else if (Buffer.isBuffer(value)) {
    return found; // file content is bytes, not text
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => fieldsWithNul(item, [...path, String(i)], found, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push([...path, key.replace(/\u0000/g, '')].join('.') || '(root)');
      else fieldsWithNul(item, [...path, key], found, depth + 1);
    }
  }
  return found;
}

/** Throws a field-level 400 when the params, query or body hold a NUL character. */
export function refuseNul(request: FastifyRequest): void {
  const fields = [
    ...fieldsWithNul(request.params),
    ...fieldsWithNul(request.query),
    ...fieldsWithNul(request.body),
  ];
  if (fields.length === 0) return;
  throw new AppError(
    400,
    'validation',
    'errors.validation',
    {},
    [...new Set(fields)].map((field) => ({ field, code: 'forbidden_character', messageKey: 'hardening.forbiddenCharacter' as const })),
  );
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => refuseNul(request));
}

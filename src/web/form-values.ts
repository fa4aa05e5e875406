import { formValues } from '../platform/http/form.ts';

export { formValues };
// What a posted form or a GET query holds, as the strings a form shows again (never the CSRF token).

/** Query parameters without the empty ones a GET form sends for untouched fields. */
export function nonEmpty(query: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(formValues(query)).filter(([, v]) => v.trim() !== ''));
}

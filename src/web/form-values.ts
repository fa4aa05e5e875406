// What a posted form or a GET query holds, as the strings a form shows again (never the CSRF token).

/** The posted form's text fields (never the CSRF token), as the form shows them again. */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key !== '_csrf' && typeof value === 'string') values[key] = value;
  }
  return values;
}

/** Query parameters without the empty ones a GET form sends for untouched fields. */
export function nonEmpty(query: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(formValues(query)).filter(([, v]) => v.trim() !== ''));
}

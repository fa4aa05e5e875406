import type { FastifyReply } from 'fastify';
import type { ReactNode } from 'react';
import type { FieldError } from '../../platform/http/problem.ts';
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

/** A fieldset of radio buttons: the legend names the question; id `field-<name>` for the error summary. */
export function RadioGroup({
  name,
  legend,
  hint,
  error,
  value,
  options,
  inline = false,
}: {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: FieldError | undefined;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  inline?: boolean;
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'field radio-group field-error' : 'field radio-group'} id={id} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          {error.message}
        </p>
      )}
      <div className={inline ? 'radios radios-inline' : 'radios'}>
        {options.map((option) => (
          <div className="radio" key={option.value}>
            <input type="radio" id={`${id}-${option.value}`} name={name} value={option.value} defaultChecked={value === option.value} />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxField({ name, label, hint, checked, error }: { name: string; label: string; hint?: string; checked: boolean; error?: FieldError | undefined }) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field checkbox field-error' : 'field checkbox'}>
      {error && (
        <p className="error-message" id={`${id}-error`}>
          {error.message}
        </p>
      )}
      <input type="checkbox" id={id} name={name} value="yes" defaultChecked={checked} aria-describedby={describedBy} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** Form fields as strings (first value of repeated fields; anything else → ''). */
export function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, raw] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string') fields[key] = value;
  }
  return fields;
}

import type { ReactNode } from 'react';
import type { FieldError } from '../platform/http/problem.ts';
import type { PageContext } from './page-context.ts';

// The form building blocks of every page (GOV.UK pattern): a label, a hint and an error tied to the control,
// and the id `field-<id>` (id defaults to the name) that the error summary links to.

/** GOV.UK-style error summary: first thing in the form, links to each field. */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary">
      <h2 id="error-summary-title">{ctx.t('errors.summaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.field}-${e.code}`}>
            <a href={`#field-${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return ctx.csrfToken ? <input type="hidden" name="_csrf" value={ctx.csrfToken} /> : null;
}

/** The error of one field, if any. */
export function errorFor(errors: readonly FieldError[], field: string): FieldError | undefined {
  return errors.find((e) => e.field === field);
}

type ControlProps = {
  name: string;
  label: string;
  /** When one page holds several forms: `field-<id>` must be unique (default: the name). */
  id?: string | undefined;
  hint?: ReactNode;
  error?: FieldError | undefined;
  required?: boolean | undefined;
};

export type Option = { value: string; label: string };

function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: FieldError | undefined }) {
  return (
    <>
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
    </>
  );
}

function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: FieldError | undefined; children: ReactNode }) {
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

export function TextField({
  name,
  label,
  id = name,
  type = 'text',
  value,
  hint,
  error,
  autoComplete,
  required,
}: ControlProps & { type?: string; value?: string | undefined; autoComplete?: string }) {
  const fieldId = `field-${id}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <input
        id={fieldId}
        name={name}
        type={type}
        defaultValue={value}
        autoComplete={autoComplete}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  id = name,
  hint,
  error,
  required,
  value,
  rows = 8,
  maxLength,
  describedByExtra,
}: ControlProps & { value?: string | undefined; rows?: number; maxLength?: number; describedByExtra?: string }) {
  const fieldId = `field-${id}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <textarea
        id={fieldId}
        name={name}
        rows={rows}
        defaultValue={value}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error, describedByExtra)}
      />
    </FieldShell>
  );
}

export type OptionGroup = { label: string; options: readonly Option[] };

const optionElements = (options: readonly Option[]) =>
  options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));

/** A select; with `groups`, grouped options (`<optgroup>`, empty groups left out) follow the ungrouped `options` (e.g. "All"). */
export function SelectField({ name, label, id = name, hint, error, required, value, options, groups = [] }: ControlProps & { value?: string | undefined; options: readonly Option[]; groups?: readonly OptionGroup[] }) {
  const fieldId = `field-${id}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <select id={fieldId} name={name} defaultValue={value ?? ''} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)}>
        {optionElements(options)}
        {groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {optionElements(g.options)}
            </optgroup>
          ))}
      </select>
    </FieldShell>
  );
}

export function FileField({ name, label, id = name, hint, error, accept, multiple }: ControlProps & { accept: string; multiple?: boolean }) {
  const fieldId = `field-${id}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <input id={fieldId} name={name} type="file" accept={accept} multiple={multiple} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} />
    </FieldShell>
  );
}

/** Radios in a fieldset: the legend names the question; the error summary links to the first radio. */
export function RadioGroup({
  name,
  legend,
  id = name,
  hint,
  error,
  value,
  options,
  inline = false,
}: Omit<ControlProps, 'label'> & { legend: string; value?: string | undefined; options: readonly Option[]; inline?: boolean }) {
  const fieldId = `field-${id}`;
  const optionId = (option: Option, i: number) => (i === 0 ? fieldId : `${fieldId}-${option.value}`);
  return (
    <fieldset className={error ? 'field radio-group field-error' : 'field radio-group'} aria-describedby={describedBy(fieldId, hint, error)}>
      <legend>{legend}</legend>
      <HintAndError id={fieldId} hint={hint} error={error} />
      <div className={inline ? 'radios radios-inline' : 'radios'}>
        {options.map((option, i) => (
          <div className="radio" key={option.value}>
            <input type="radio" id={optionId(option, i)} name={name} value={option.value} defaultChecked={value === option.value} />
            <label htmlFor={optionId(option, i)}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxField({ name, label, id = name, hint, checked, error }: ControlProps & { checked: boolean }) {
  const fieldId = `field-${id}`;
  return (
    <div className={error ? 'field checkbox field-error' : 'field checkbox'}>
      {error && (
        <p className="error-message" id={`${fieldId}-error`}>
          {error.message}
        </p>
      )}
      <input type="checkbox" id={fieldId} name={name} value="yes" defaultChecked={checked} aria-describedby={describedBy(fieldId, hint, error)} />
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A wide table's scroll box: on a phone it scrolls sideways, so it must be reachable by keyboard and named
 * (axe: scrollable-region-focusable) — by its heading's id, or by a label.
 */
export function ScrollRegion({ labelledBy, label, children }: { labelledBy?: string; label?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label}>
      {children}
    </div>
  );
}

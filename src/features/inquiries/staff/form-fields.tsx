import type { FieldError } from '../../../platform/http/problem.ts';

// Form fields with unique ids when one page holds several forms: id "field-<form>-<name>", the
// error summary links there, and hint and error are tied to the control (GOV.UK pattern).

type Common = { id: string; name: string; label: string; hint?: string | undefined; error?: FieldError | undefined; required?: boolean };

function describedBy(id: string, hint?: string, error?: FieldError): string | undefined {
  return [hint ? `field-${id}-hint` : null, error ? `field-${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: FieldError | undefined }) {
  return (
    <>
      {hint && (
        <p className="hint" id={`field-${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`field-${id}-error`}>
          {error.message}
        </p>
      )}
    </>
  );
}

export function InputField({ id, name, label, hint, error, required, value, type = 'text' }: Common & { value?: string | undefined; type?: string }) {
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={`field-${id}`}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={`field-${id}`}
        name={name}
        type={type}
        defaultValue={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function TextAreaField({ id, name, label, hint, error, required, value, rows = 8 }: Common & { value?: string | undefined; rows?: number }) {
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={`field-${id}`}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={`field-${id}`}
        name={name}
        rows={rows}
        defaultValue={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField({ id, name, label, hint, error, required, value, options }: Common & { value?: string | undefined; options: Option[] }) {
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={`field-${id}`}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <select id={`field-${id}`} name={name} defaultValue={value ?? ''} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radios in a fieldset; the error summary links to the first radio. */
export function RadioField({ id, name, label, hint, error, value, options }: Common & { value?: string | undefined; options: Option[] }) {
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend>
          <strong>{label}</strong>
        </legend>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((o, i) => (
          <div key={o.value}>
            <input type="radio" id={i === 0 ? `field-${id}` : `field-${id}-${o.value}`} name={name} value={o.value} defaultChecked={value === o.value} />{' '}
            <label htmlFor={i === 0 ? `field-${id}` : `field-${id}-${o.value}`} style={{ display: 'inline', fontWeight: 400 }}>
              {o.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function errorFor(errors: readonly FieldError[], id: string): FieldError | undefined {
  return errors.find((e) => e.field === id);
}

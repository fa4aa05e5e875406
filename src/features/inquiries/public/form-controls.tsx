import type { ReactNode } from 'react';
import type { FieldError } from '../../../platform/http/problem.ts';

// Form controls the shared components do not have yet (textarea, select, file input), built the same way:
// label, hint and error tied to the control, id `field-<name>` for the error summary's links.

type ControlProps = { name: string; label: string; hint?: ReactNode; error?: FieldError | undefined };

function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean).join(' ') || undefined;
}

function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: FieldError | undefined; children: ReactNode }) {
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
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
      {children}
    </div>
  );
}

export function TextAreaField({ name, label, hint, error, value, rows = 8, maxLength, describedByExtra }: ControlProps & { value: string; rows?: number; maxLength?: number; describedByExtra?: string }) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, describedByExtra)}
        style={error ? { borderColor: 'var(--bad)' } : undefined}
      />
    </FieldShell>
  );
}

export function SelectField({ name, label, hint, error, value, options }: ControlProps & { value: string; options: Array<{ value: string; label: string }> }) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function FileField({ name, label, hint, error, accept, multiple }: ControlProps & { accept: string; multiple?: boolean }) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} type="file" accept={accept} multiple={multiple} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </FieldShell>
  );
}

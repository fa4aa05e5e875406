import type { ReactNode } from 'react';
import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, SelectField, TextField, errorFor, type Option, ScrollRegion } from '../../web/components.tsx';
import { hrefWith, type PageContext, withLang } from '../../web/page-context.ts';

export const registersPath = (agency: string, rest = '') => `/staff/${agency}/registri${rest}`;

/** A link or form action in the page's language (Latvian needs no parameter). */
export function RegisterNav({ ctx, agency }: { ctx: PageContext; agency: string }) {
  const { t } = ctx;
  return (
    <nav aria-label={t('registers.nav')} className="register-nav">
      <a href={withLang(registersPath(agency), ctx)}>{t('registers.nav')}</a>
      {' · '}
      <a href={withLang(registersPath(agency, '/incidenti'), ctx)}>{t('registers.incidents.title')}</a>
      {' · '}
      <a href={withLang(registersPath(agency, '/kludas'), ctx)}>{t('registers.serviceErrors.title')}</a>
      {' · '}
      <a href={withLang(registersPath(agency, '/davanas'), ctx)}>{t('registers.gifts.title')}</a>
    </nav>
  );
}

export function Notice({ text }: { text: string | null }) {
  return text ? (
    <p className="notice" role="status">
      {text}
    </p>
  ) : null;
}

export type FilterSelect = { name: string; label: string; options: Option[] };

/** The list filters: selects, a period, and (without JavaScript) a plain GET form. */
export function FilterForm({ ctx, action, selects, values, errors }: { ctx: PageContext; action: string; selects: FilterSelect[]; values: Record<string, string>; errors: FieldError[] }) {
  const { t } = ctx;
  return (
    <form method="get" action={action} className="register-filters">
      <h2>{t('registers.list.filters')}</h2>
      {ctx.lang !== 'lv' && <input type="hidden" name="lang" value={ctx.lang} />}
      {selects.map((s) => (
        <SelectField key={s.name} name={s.name} label={s.label} value={values[s.name] ?? ''} error={errorFor(errors, s.name)} options={[{ value: '', label: t('registers.list.all') }, ...s.options]} />
      ))}
      <TextField name="from" label={t('registers.list.from')} hint={t('registers.list.dateHint')} value={values['from'] ?? ''} error={errorFor(errors, 'from')} />
      <TextField name="to" label={t('registers.list.to')} hint={t('registers.list.dateHint')} value={values['to'] ?? ''} error={errorFor(errors, 'to')} />
      <button type="submit" className="secondary">
        {t('registers.list.apply')}
      </button>
    </form>
  );
}

/** Previous / next links keeping the filters. */
export function Pager({ ctx, path, values, page, hasMore }: { ctx: PageContext; path: string; values: Record<string, string>; page: number; hasMore: boolean }) {
  const href = (p: number) => hrefWith(path, ctx, { ...values, page: String(p) });
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label={ctx.t('registers.list.page', { page })} className="pager">
      {page > 1 && <a href={href(page - 1)}>{ctx.t('registers.list.previous')}</a>} <span>{ctx.t('registers.list.page', { page })}</span> {hasMore && <a href={href(page + 1)}>{ctx.t('registers.list.next')}</a>}
    </nav>
  );
}

export function CsvLink({ ctx, path, values }: { ctx: PageContext; path: string; values: Record<string, string> }) {
  return (
    <p>
      <a href={hrefWith(path, ctx, { ...values, page: undefined })} download>
        {ctx.t('registers.list.export')}
      </a>
    </p>
  );
}

/** A POST form with the CSRF token and the error summary. */
export function PostForm({ ctx, action, errors, children, className }: { ctx: PageContext; action: string; errors?: FieldError[]; children: ReactNode; className?: string }) {
  return (
    <form method="post" action={withLang(action, ctx)} className={className} noValidate>
      {errors && <ErrorSummary ctx={ctx} errors={errors} />}
      <CsrfField ctx={ctx} />
      {children}
    </form>
  );
}

export function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="facts">
      {items.map(([k, v]) => (
        <div className="facts-row" key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Checkboxes({ name, legend, options, checked, error }: { name: string; legend: string; options: Option[]; checked: readonly string[]; error?: FieldError | undefined }) {
  const id = `field-${name}`;
  return (
    <fieldset className={error ? 'field checkboxes field-error' : 'field checkboxes'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p className="error-message" id={`${id}-error`}>
          {error.message}
        </p>
      )}
      {options.map((o, i) => (
        <div className="checkbox" key={o.value}>
          <input type="checkbox" id={i === 0 ? id : `${id}-${o.value}`} name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
          <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * One register's list: the CSV link, the table (its first cell links to the record) or "none", and the pager.
 * `cells` gives a row's cells after the first; `first` the linked first cell's text.
 */
export function RegisterTable<Row extends { id: string }>({
  ctx,
  path,
  values,
  page,
  hasMore,
  title,
  headers,
  rows,
  first,
  cells,
}: {
  ctx: PageContext;
  path: string;
  values: Record<string, string>;
  page: number;
  hasMore: boolean;
  title: string;
  headers: readonly string[];
  rows: readonly Row[];
  first: (row: Row) => ReactNode;
  cells: (row: Row) => readonly ReactNode[];
}) {
  return (
    <>
      <CsvLink ctx={ctx} path={`${path}/eksports.csv`} values={values} />
      {rows.length === 0 ? (
        <p>{ctx.t('registers.list.none')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <thead>
              <tr>
                {headers.map((header) => (
                  <th scope="col" key={header}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <a href={withLang(`${path}/${row.id}`, ctx)}>{first(row)}</a>
                  </td>
                  {cells(row).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pager ctx={ctx} path={path} values={values} page={page} hasMore={hasMore} />
    </>
  );
}

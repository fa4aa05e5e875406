import type { AuditRecord } from '../../platform/audit/audit.repository.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { ErrorSummary, errorFor, SelectField, TextField, type Option, ScrollRegion } from '../../web/components.tsx';
import { formatRigaMoment } from '../../web/format.ts';
import { hrefWith, type PageContext } from '../../web/page-context.ts';
import { auditLogMessages } from './audit-log.messages.ts';

export type AuditFilterValues = Partial<Record<'actor' | 'recordType' | 'recordId' | 'from' | 'to', string>>;

/** An action in words ('inquiry.filed' → "Saņemts iesniegums"); one our code does not yet name stays as written. */
export function actionLabel(ctx: PageContext, action: string): string {
  const key = `auditLog.actions.${action}`;
  const text = ctx.t(key as MessageKey);
  return text === key ? action : text;
}

export function recordTypeLabel(ctx: PageContext, recordType: string): string {
  const key = `auditLog.recordTypes.${recordType}`;
  const text = ctx.t(key as MessageKey);
  return text === key ? recordType : text;
}

function FilterBar({ ctx, path, values, errors, staff }: { ctx: PageContext; path: string; values: AuditFilterValues; errors: FieldError[]; staff: { id: string; name: string }[] }) {
  const { t } = ctx;
  const people: Option[] = [{ value: '', label: t('auditLog.anyone') }, ...staff.map((s) => ({ value: s.id, label: s.name }))];
  const types: Option[] = [
    { value: '', label: t('auditLog.anyType') },
    ...Object.keys(auditLogMessages.lv.recordTypes)
      .map((type) => ({ value: type, label: recordTypeLabel(ctx, type) }))
      .sort((a, b) => a.label.localeCompare(b.label, ctx.lang)),
  ];
  return (
    <form method="get" action={path} className="filter-bar" aria-labelledby="audit-filters" noValidate>
      <h2 id="audit-filters" className="visually-hidden">
        {t('auditLog.filters')}
      </h2>
      {ctx.lang !== 'lv' && <input type="hidden" name="lang" value={ctx.lang} />}
      <div className="filter-row">
        <SelectField name="actor" label={t('auditLog.actor')} value={values.actor ?? ''} error={errorFor(errors, 'actor')} options={people} />
        <SelectField name="recordType" label={t('auditLog.recordType')} value={values.recordType ?? ''} error={errorFor(errors, 'recordType')} options={types} />
        <TextField name="recordId" label={t('auditLog.recordId')} hint={t('auditLog.recordIdHint')} value={values.recordId ?? ''} error={errorFor(errors, 'recordId')} />
      </div>
      <div className="filter-row">
        <TextField name="from" label={t('auditLog.from')} hint={t('auditLog.dateHint')} value={values.from ?? ''} error={errorFor(errors, 'from')} />
        <TextField name="to" label={t('auditLog.to')} hint={t('auditLog.dateHint')} value={values.to ?? ''} error={errorFor(errors, 'to')} />
        <div className="filter-submit">
          <button type="submit">{t('auditLog.apply')}</button> <a href={hrefWith(path, ctx, {})}>{t('auditLog.clear')}</a>
        </div>
      </div>
    </form>
  );
}

function AuditRow({ ctx, path, record, values }: { ctx: PageContext; path: string; record: AuditRecord; values: AuditFilterValues }) {
  return (
    <tr>
      <td>
        <time dateTime={record.at.toISOString()}>{formatRigaMoment(record.at, ctx.lang)}</time>
      </td>
      <td>
        {record.actorId && record.actorId !== values.actor ? (
          <a href={hrefWith(path, ctx, { ...values, actor: record.actorId })} title={ctx.t('auditLog.onlyThisPerson')}>
            {record.actorLabel}
          </a>
        ) : (
          record.actorLabel
        )}
      </td>
      <td>{actionLabel(ctx, record.action)}</td>
      <td>
        {recordTypeLabel(ctx, record.recordType)}
        {record.recordId && (
          <>
            {' '}
            <a href={hrefWith(path, ctx, { ...values, recordType: record.recordType, recordId: record.recordId })} title={ctx.t('auditLog.onlyThisRecord')}>
              <code>{record.recordId}</code>
            </a>
          </>
        )}
      </td>
      <td>{record.ip ?? ''}</td>
    </tr>
  );
}

type AuditViewProps = {
  ctx: PageContext;
  agencyName: string;
  path: string;
  records: AuditRecord[];
  nextBefore: number | null;
  paged: boolean;
  values: AuditFilterValues;
  errors: FieldError[];
  staff: { id: string; name: string }[];
};

export function AuditView({ ctx, agencyName, path, records, nextBefore, paged, values, errors, staff }: AuditViewProps) {
  const { t } = ctx;
  return (
    <>
      <h1>
        {t('auditLog.title')}: {agencyName}
      </h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FilterBar ctx={ctx} path={path} values={values} errors={errors} staff={staff} />
      {records.length === 0 ? (
        <p>{t('auditLog.none')}</p>
      ) : (
        <>
          <p>{t('auditLog.shown', { count: records.length })}</p>
          <ScrollRegion labelledBy="audit-caption">
            <table>
              <caption id="audit-caption">{t('auditLog.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('auditLog.at')}</th>
                  <th scope="col">{t('auditLog.actor')}</th>
                  <th scope="col">{t('auditLog.action')}</th>
                  <th scope="col">{t('auditLog.record')}</th>
                  <th scope="col">{t('auditLog.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {records.map((record) => (
                  <AuditRow key={record.id} ctx={ctx} path={path} record={record} values={values} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
      {(paged || nextBefore !== null) && (
        <nav className="pager" aria-label={t('auditLog.pages')}>
          {paged && <a href={hrefWith(path, ctx, values)}>{t('auditLog.newest')}</a>} {nextBefore !== null && <a href={hrefWith(path, ctx, { ...values, before: String(nextBefore) })}>{t('auditLog.older')}</a>}
        </nav>
      )}
    </>
  );
}

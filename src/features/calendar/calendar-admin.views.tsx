import { CALENDAR_ENTRY_KINDS } from './calendar.tables.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, TextField, ScrollRegion } from '../../web/components.tsx';
import { formatDate } from '../../web/format.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { CalendarEntryRow } from './calendar.repository.ts';

/** The add form as typed (strings), so that a refused form comes back filled in. */
export type EntryForm = {
  kind: string;
  date: string;
  replaces: string;
  nameLv: string;
  nameEn: string;
  movesOnWeekend: boolean;
  source: string;
};

export const EMPTY_ENTRY_FORM: EntryForm = { kind: 'holiday', date: '', replaces: '', nameLv: '', nameEn: '', movesOnWeekend: false, source: '' };

function KindField({ ctx, value, error }: { ctx: PageContext; value: string; error: FieldError | undefined }) {
  const { t } = ctx;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={error ? 'field-kind-error' : undefined}>
        <legend>{t('staff.kind')}</legend>
        {error && (
          <p className="error-message" id="field-kind-error">
            {error.message}
          </p>
        )}
        {CALENDAR_ENTRY_KINDS.map((kind, i) => (
          <div key={kind}>
            <input type="radio" id={i === 0 ? 'field-kind' : `field-kind-${kind}`} name="kind" value={kind} defaultChecked={value === kind} />{' '}
            <label htmlFor={i === 0 ? 'field-kind' : `field-kind-${kind}`}>{t(`staff.kinds.${kind}`)}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

function EntriesTable({ ctx, entries }: { ctx: PageContext; entries: CalendarEntryRow[] }) {
  const { t, lang } = ctx;
  if (entries.length === 0) return <p>{t('calendarAdmin.noEntries')}</p>;
  return (
    <ScrollRegion label={t('calendarAdmin.entries')}>
      <table>
        <caption>{t('calendarAdmin.entries')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendarAdmin.date')}</th>
            <th scope="col">{t('staff.kind')}</th>
            <th scope="col">{t('staff.nameLv')}</th>
            <th scope="col">{t('staff.nameEn')}</th>
            <th scope="col">{t('staff.replacesDate')}</th>
            <th scope="col">{t('staff.movesOnWeekend')}</th>
            <th scope="col">{t('staff.source')}</th>
            <th scope="col">{t('calendarAdmin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((row) => (
            <tr key={row.id}>
              <td>
                <time dateTime={row.date}>{formatDate(row.date, lang, true)}</time>
              </td>
              <td>{t(`staff.kinds.${row.kind}`)}</td>
              <td lang="lv">{row.nameLv}</td>
              <td lang="en">{row.nameEn}</td>
              <td>{row.replaces ? <time dateTime={row.replaces}>{formatDate(row.replaces, lang, true)}</time> : ''}</td>
              <td>{row.kind === 'holiday' ? (row.movesOnWeekend ? t('calendarAdmin.yes') : t('calendarAdmin.no')) : ''}</td>
              <td>{row.source}</td>
              <td>
                <form method="post" action={`/staff/kalendars/${row.id}/delete`} className="inline-form">
                  <CsrfField ctx={ctx} />
                  <button type="submit" className="secondary" aria-label={t('calendarAdmin.deleteLabel', { date: row.date })}>
                    {t('staff.deleteEntry')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function CalendarAdminView(props: {
  ctx: PageContext;
  entries: CalendarEntryRow[];
  form: EntryForm;
  errors: FieldError[];
  notice: string | null;
}) {
  const { ctx, entries, form, errors, notice } = props;
  const { t } = ctx;
  const byField = (field: string) => errors.find((e) => e.field === field);
  return (
    <>
      <h1>{t('staff.calendarTitle')}</h1>
      <p className="lead">{t('staff.calendarIntro')}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <EntriesTable ctx={ctx} entries={entries} />

      <h2 id="add-entry">{t('staff.addEntry')}</h2>
      <form method="post" action="/staff/kalendars" noValidate aria-labelledby="add-entry">
        <CsrfField ctx={ctx} />
        <KindField ctx={ctx} value={form.kind} error={byField('kind')} />
        <TextField name="date" label={t('calendarAdmin.date')} hint={t('calendarAdmin.dateHint')} value={form.date} error={byField('date')} required />
        <TextField name="replaces" label={t('staff.replacesDate')} hint={t('calendarAdmin.replacesHint')} value={form.replaces} error={byField('replaces')} />
        <TextField name="nameLv" label={t('staff.nameLv')} value={form.nameLv} error={byField('nameLv')} required />
        <TextField name="nameEn" label={t('staff.nameEn')} value={form.nameEn} error={byField('nameEn')} required />
        <div className="field">
          <input type="checkbox" id="field-movesOnWeekend" name="movesOnWeekend" value="true" defaultChecked={form.movesOnWeekend} />{' '}
          <label htmlFor="field-movesOnWeekend">{t('staff.movesOnWeekend')}</label>
        </div>
        <TextField name="source" label={t('staff.source')} hint={t('calendarAdmin.sourceHint')} value={form.source} error={byField('source')} required />
        <button type="submit">{t('staff.addEntry')}</button>
      </form>
    </>
  );
}

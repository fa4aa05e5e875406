
import { FAQ_STATUSES } from './faq.tables.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, RadioGroup, SelectField, TextAreaField, TextField, ScrollRegion } from '../../web/components.tsx';
import { formatMoment } from '../../web/format.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { FaqEntryRow, FaqEntryWithEditor, FaqRevisionRow } from './faq.repository.ts';
import { FAQ_ANSWER_MAX } from './faq.schema.ts';
import type { FaqSearchHit } from './faq.service.ts';
import { Marked } from '../../web/marked-text.tsx';
import type { FaqTopic } from './faq.topics.ts';
import { AnswerText } from './faq.views.tsx';

/** The form as typed (strings), so that a refused form comes back filled in. */
export type FaqForm = { topic: string; status: string; questionLv: string; answerLv: string; questionEn: string; answerEn: string; version: string };

export function formOf(entry: FaqEntryRow): FaqForm {
  const { topic, status, questionLv, answerLv, questionEn, answerEn } = entry;
  return { topic, status, questionLv, answerLv, questionEn, answerEn, version: String(entry.version) };
}

function topicName(topics: readonly FaqTopic[], id: string, ctx: PageContext): string {
  return topics.find((t) => t.id === id)?.name[ctx.lang] ?? id;
}

function statusLabel(ctx: PageContext, status: string): string {
  return status === 'published' || status === 'draft' ? ctx.t(`faq.staff.statuses.${status}`) : status;
}

export function EntriesTable({ ctx, slug, entries, topics }: { ctx: PageContext; slug: string; entries: FaqEntryWithEditor[]; topics: FaqTopic[] }) {
  const { t, lang } = ctx;
  if (entries.length === 0) return <p>{t('faq.staff.noEntries')}</p>;
  return (
    <ScrollRegion label={t('faq.title')}>
      <table>
        <caption>{t('faq.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('faq.staff.question')}</th>
            <th scope="col">{t('faq.staff.topic')}</th>
            <th scope="col">{t('faq.staff.status')}</th>
            <th scope="col">{t('faq.staff.version')}</th>
            <th scope="col">{t('faq.staff.lastChange')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <a href={`/staff/${slug}/buj/${entry.id}`}>{lang === 'lv' ? entry.questionLv : entry.questionEn}</a>
              </td>
              <td>{topicName(topics, entry.topic, ctx)}</td>
              <td>{statusLabel(ctx, entry.status)}</td>
              <td>{entry.version}</td>
              <td>
                <time dateTime={entry.updatedAt.toISOString()}>{formatMoment(entry.updatedAt.toISOString(), lang)}</time>
                {' — '}
                {entry.updatedByName ?? t('faq.staff.system')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Staff search, drafts included: to find an answer while replying to a client. */
function StaffSearch({ ctx, slug, search, entries }: { ctx: PageContext; slug: string; search: { query: string; hits: FaqSearchHit[] } | null; entries: FaqEntryWithEditor[] }) {
  const { t } = ctx;
  const statusOf = (id: string) => entries.find((e) => e.id === id)?.status ?? '';
  return (
    <>
      <form method="get" action={`/staff/${slug}/buj`} role="search">
        <div className="field">
          <label htmlFor="faq-q">{t('faq.searchLabel')}</label>
          <input id="faq-q" name="q" type="search" defaultValue={search?.query ?? ''} maxLength={200} />
        </div>
        <button type="submit">{t('faq.searchButton')}</button>
      </form>
      {search && (
        <section aria-labelledby="faq-results">
          <h2 id="faq-results">{t('faq.resultsTitle')}</h2>
          <p role="status">{search.hits.length > 0 ? t('faq.resultsCount', { query: search.query, count: search.hits.length }) : t('faq.noResults', { query: search.query })}</p>
          <ol>
            {search.hits.map((hit) => (
              <li key={hit.id}>
                <a href={`/staff/${slug}/buj/${hit.id}`}>
                  <Marked parts={hit.questionMarks} />
                </a> ({statusLabel(ctx, statusOf(hit.id))})
                <p>
                  <Marked parts={hit.answerMarks} />
                </p>
              </li>
            ))}
          </ol>
          <p>
            <a href={`/staff/${slug}/buj`}>{t('faq.showAll')}</a>
          </p>
        </section>
      )}
    </>
  );
}

export function FaqListView(props: {
  ctx: PageContext;
  slug: string;
  agencyName: string;
  entries: FaqEntryWithEditor[];
  topics: FaqTopic[];
  canEdit: boolean;
  search: { query: string; hits: FaqSearchHit[] } | null;
}) {
  const { ctx, slug, agencyName, entries, topics, canEdit, search } = props;
  const { t } = ctx;
  return (
    <>
      <h1>{t('faq.staff.listTitle')}</h1>
      <p className="lead">
        {agencyName}. {t('faq.staff.intro')}
      </p>
      <p>
        {canEdit ? <a href={`/staff/${slug}/buj/jauns`}>{t('faq.staff.newEntry')}</a> : t('faq.staff.readOnly')}
        {' · '}
        <a href={`/${slug}/buj`}>{t('faq.staff.publicPage')}</a>
      </p>
      <StaffSearch ctx={ctx} slug={slug} search={search} entries={entries} />
      {!search && <EntriesTable ctx={ctx} slug={slug} entries={entries} topics={topics} />}
    </>
  );
}

function EntryFields({ ctx, form, errors, topics }: { ctx: PageContext; form: FaqForm; errors: FieldError[]; topics: FaqTopic[] }) {
  const { t, lang } = ctx;
  const byField = (field: string) => errors.find((e) => e.field === field);
  const topicError = byField('topic');
  const statusError = byField('status');
  const answerHint = t('faq.staff.answerHint', { max: FAQ_ANSWER_MAX });
  return (
    <>
      <SelectField name="topic" label={t('faq.staff.topic')} value={form.topic} error={topicError} options={topics.map((topic) => ({ value: topic.id, label: topic.name[lang] }))} />
      <RadioGroup name="status" legend={t('faq.staff.status')} value={form.status} error={statusError} options={FAQ_STATUSES.map((status) => ({ value: status, label: t(`faq.staff.statuses.${status}`) }))} />
      <TextField name="questionLv" label={t('faq.staff.questionLv')} value={form.questionLv} error={byField('questionLv')} required />
      <TextAreaField required name="answerLv" label={t('faq.staff.answerLv')} value={form.answerLv} hint={answerHint} {...(byField('answerLv') ? { error: byField('answerLv') } : {})} />
      <TextField name="questionEn" label={t('faq.staff.questionEn')} value={form.questionEn} error={byField('questionEn')} required />
      <TextAreaField required name="answerEn" label={t('faq.staff.answerEn')} value={form.answerEn} hint={answerHint} {...(byField('answerEn') ? { error: byField('answerEn') } : {})} />
    </>
  );
}

export function FaqFormView(props: {
  ctx: PageContext;
  slug: string;
  title: string;
  action: string;
  form: FaqForm;
  errors: FieldError[];
  topics: FaqTopic[];
  notice: string | null;
  canEdit: boolean;
  current?: FaqEntryRow | null;
  revisions?: FaqRevisionRow[];
}) {
  const { ctx, slug, title, action, form, errors, topics, notice, canEdit, current, revisions } = props;
  const { t } = ctx;
  return (
    <>
      <p>
        <a href={`/staff/${slug}/buj`}>{t('faq.staff.back')}</a>
      </p>
      <h1>{title}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      {current && (
        <section id="field-current" className="notice" aria-labelledby="current-title">
          <h2 id="current-title">{t('faq.staff.currentText', { version: current.version })}</h2>
          <h3 lang="lv">{current.questionLv}</h3>
          <div lang="lv">
            <AnswerText text={current.answerLv} />
          </div>
          <h3 lang="en">{current.questionEn}</h3>
          <div lang="en">
            <AnswerText text={current.answerEn} />
          </div>
        </section>
      )}
      {!canEdit && <p className="notice">{t('faq.staff.readOnly')}</p>}
      <form method="post" action={action} noValidate aria-label={title}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={form.version} />
        <fieldset disabled={!canEdit} className="plain-fieldset">
          <legend className="visually-hidden">{title}</legend>
          <EntryFields ctx={ctx} form={form} errors={errors} topics={topics} />
          {canEdit && <button type="submit">{t('faq.staff.save')}</button>}
        </fieldset>
      </form>
      {revisions && revisions.length > 0 && <RevisionHistory ctx={ctx} revisions={revisions} />}
    </>
  );
}

function RevisionHistory({ ctx, revisions }: { ctx: PageContext; revisions: FaqRevisionRow[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('faq.staff.history')}</h2>
      <ScrollRegion labelledBy="history-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('faq.staff.version')}</th>
              <th scope="col">{t('faq.staff.changedAt')}</th>
              <th scope="col">{t('faq.staff.changedBy')}</th>
              <th scope="col">{t('faq.staff.status')}</th>
              <th scope="col">{t('faq.staff.question')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => {
              const snapshot = revision.snapshot as { status?: string; questionLv?: string; questionEn?: string };
              return (
                <tr key={revision.version}>
                  <td>{revision.version}</td>
                  <td>
                    <time dateTime={revision.changedAt.toISOString()}>{formatMoment(revision.changedAt.toISOString(), lang)}</time>
                  </td>
                  <td>{revision.changedByName ?? t('faq.staff.system')}</td>
                  <td>{statusLabel(ctx, snapshot.status ?? '')}</td>
                  <td>{(lang === 'lv' ? snapshot.questionLv : snapshot.questionEn) ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

import type { FieldError } from '../../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, FileField, TextAreaField, TextField } from '../../../web/components.tsx';
import { acceptsClientMessages, type InquiryStatus } from '../../../domain/inquiry/index.ts';
import { formatDate, formatMoment } from '../../../web/format.ts';
import { type PageContext, withLang } from '../../../web/page-context.ts';
import type { AgencyProfile } from '../../agencies/agency-profile.schema.ts';
import type { ClientInquiryView } from '../inquiries-public.schema.ts';
import type { QuestionTopic } from '../inquiries-public.service.ts';
import { ACCEPT, questionPath } from './question-form.views.tsx';

function exampleReference(profile: AgencyProfile): string {
  return `${profile.slug.toUpperCase()}-2026-000123`;
}

/**
 * Asks for the access code (and the reference, when the address has none). The code travels only in
 * the POST body, never in an address that could be logged or kept in the history.
 */
export function AccessCodeView({ ctx, profile, reference, errors }: { ctx: PageContext; profile: AgencyProfile; reference: string | null; errors: FieldError[] }) {
  const { t } = ctx;
  const byField = (field: string) => errors.find((e) => e.field === field);
  const action = reference ? `${questionPath(profile.slug)}/${reference}` : `${questionPath(profile.slug)}/sekot`;
  return (
    <>
      <h1>{reference ? t('inquiries.public.follow.titleWithReference', { reference }) : t('inquiries.public.follow.title')}</h1>
      <form method="post" action={withLang(action, ctx)} noValidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <CsrfField ctx={ctx} />
        <p>{reference ? t('inquiries.public.follow.leadWithReference') : t('inquiries.public.follow.lead')}</p>
        {!reference && (
          <TextField
            name="reference"
            label={t('inquiries.public.follow.reference')}
            hint={t('inquiries.public.follow.referenceHint', { example: exampleReference(profile) })}
            error={byField('reference')}
            autoComplete="off"
            required
          />
        )}
        <TextField name="code" label={t('inquiries.public.follow.code')} hint={t('inquiries.public.follow.codeHint')} error={byField('code')} autoComplete="off" required />
        <button type="submit">{t('inquiries.public.follow.show')}</button>
      </form>
    </>
  );
}

export function followErrors(ctx: PageContext, profile: AgencyProfile, missing: { reference: boolean; code: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  if (missing.reference) {
    errors.push({ field: 'reference', code: 'required', message: ctx.t('inquiries.public.follow.referenceRequired', { example: exampleReference(profile) }) });
  }
  if (missing.code) errors.push({ field: 'code', code: 'required', message: ctx.t('inquiries.public.follow.codeRequired') });
  return errors;
}

/** The addition form's state: the code the client typed (kept only in this form), errors, text, and the outcome. */
export type AdditionForm = { code: string; errors: FieldError[]; text: string; outcome?: 'added' | 'closed' };

function AdditionFormView({ ctx, inquiry, form }: { ctx: PageContext; inquiry: ClientInquiryView; form: AdditionForm }) {
  const { t } = ctx;
  if (!acceptsClientMessages(inquiry.status as InquiryStatus)) return null;
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">{t('inquiries.public.follow.addTitle')}</h2>
      <p>{t('inquiries.public.follow.addLead')}</p>
      <form method="post" action={withLang(`${questionPath(inquiry.agency)}/${inquiry.reference}/papildinat`, ctx)} encType="multipart/form-data" noValidate>
        <ErrorSummary ctx={ctx} errors={form.errors} />
        <CsrfField ctx={ctx} />
        <input type="hidden" name="code" value={form.code} />
        <TextAreaField name="text" label={t('inquiries.public.follow.addText')} value={form.text} rows={6} error={form.errors.find((e) => e.field === 'text')} required />
        <FileField
          name="attachments"
          label={t('inquiries.public.follow.addFiles')}
          hint={t('inquiries.public.follow.addFilesHint')}
          error={form.errors.find((e) => e.field === 'attachments')}
          accept={ACCEPT}
          multiple
        />
        <button type="submit">{t('inquiries.public.follow.addSubmit')}</button>
      </form>
    </section>
  );
}

export function ClientInquiryPage({ ctx, inquiry, topics, agencyName, addition }: { ctx: PageContext; inquiry: ClientInquiryView; topics: QuestionTopic[]; agencyName: string; addition?: AdditionForm }) {
  const { t, lang } = ctx;
  const topic = topics.find((candidate) => candidate.id === inquiry.topic);
  return (
    <>
      <h1>{t('inquiries.public.follow.titleWithReference', { reference: inquiry.reference })}</h1>
      {addition?.outcome === 'added' && (
        <p className="notice" role="status" id="addition-added">
          {t('inquiries.public.follow.added')}
        </p>
      )}
      {addition?.outcome === 'closed' && (
        <p className="notice" role="alert" id="addition-closed">
          {t('inquiries.public.follow.addClosed')}
        </p>
      )}
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('inquiries.public.follow.status')}</dt>
          <dd>
            <strong id="inquiry-status">{t(`inquiries.public.statuses.${inquiry.status}`)}</strong>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('inquiries.public.follow.receivedOn')}</dt>
          <dd>
            <time dateTime={inquiry.receivedOn}>{formatDate(inquiry.receivedOn, lang)}</time>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('inquiries.public.follow.deadline')}</dt>
          <dd>
            <time dateTime={inquiry.deadline}>{formatDate(inquiry.deadline, lang)}</time>
          </dd>
        </div>
        {topic && (
          <div className="facts-row">
            <dt>{t('inquiries.public.follow.topic')}</dt>
            <dd>{topic.name[lang]}</dd>
          </div>
        )}
      </dl>
      <h2>{t('inquiries.public.follow.messages')}</h2>
      {inquiry.messages.length === 0 && <p>{t('inquiries.public.follow.noMessages')}</p>}
      <ol className="message-list plain-list">
        {inquiry.messages.map((message, i) => (
          <li key={`${message.at}-${i}`} className="card stack-item">
            <article>
              <h3>
                {message.direction === 'in' ? t('inquiries.public.follow.fromClient') : agencyName}
                {' · '}
                <time dateTime={message.at}>{formatMoment(message.at, lang)}</time>
              </h3>
              {message.subject && (
                <p>
                  <strong>{message.subject}</strong>
                </p>
              )}
              <p className="pre-wrap">{message.text}</p>
              {message.attachments.length > 0 && (
                <>
                  <h4>{t('inquiries.public.follow.attachments')}</h4>
                  <ul>
                    {message.attachments.map((a, j) => (
                      <li key={`${a.fileName}-${j}`} className="wrap-anywhere">
                        {a.fileName} ({Math.max(1, Math.round(a.size / 1024))} KB)
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          </li>
        ))}
      </ol>
      {addition && <AdditionFormView ctx={ctx} inquiry={inquiry} form={addition} />}
      <p className="hint">{t('inquiries.public.follow.codeNotKept')}</p>
    </>
  );
}

import { agencyNameIn } from '../../agencies/agency-name.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, FileField, SelectField, TextAreaField, TextField } from '../../../web/components.tsx';
import { formatDate, formatFileSize } from '../../../web/format.ts';
import { type PageContext, withLang } from '../../../web/page-context.ts';
import type { AgencyProfile } from '../../agencies/agency-profile.schema.ts';
import { ALLOWED_ATTACHMENT_TYPES, ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX_COUNT, ATTACHMENTS_MAX_TOTAL_BYTES, TEXT_MAX } from '../inquiries.schema.ts';
import type { QuestionFormValues, QuestionStep } from '../inquiries-public.schema.ts';
import type { QuestionTopic } from '../inquiries-public.service.ts';
import { faqEntryHref, type FaqSuggestion } from './faq-suggestions.ts';
import { Marked } from '../../../web/marked-text.tsx';
import { PENDING_UPLOAD_HOURS, type PendingFile } from './pending-uploads.service.ts';

const MB = 1024 * 1024;
/** The file input's accept list: every allowed extension and type. */
export const ACCEPT = [...new Set([...Object.values(ALLOWED_ATTACHMENT_TYPES).flat(), ...Object.keys(ALLOWED_ATTACHMENT_TYPES)])].join(',');

export function questionPath(slug: string): string {
  return `/${slug}/jautajums`;
}

/** Knowledge-base answers; their highlighted HTML is produced (escaped, with <mark> only) by the knowledge base. */
export function FaqSuggestionList({ ctx, agency, suggestions }: { ctx: PageContext; agency: string; suggestions: FaqSuggestion[] }) {
  return (
    <section aria-labelledby="faq-suggestions-title" className="faq-suggestions">
      <h2 id="faq-suggestions-title">{ctx.t('inquiries.public.suggestions.title')}</h2>
      <ul className="card-list">
        {suggestions.map((s) => (
          <li className="card" key={s.id}>
            <h3>
              <Marked parts={s.questionMarks} />
            </h3>
            <p>
              <Marked parts={s.answerMarks} />
            </p>
            <p>
              <a href={withLang(faqEntryHref(agency, s.id), ctx)}>{ctx.t('inquiries.public.suggestions.readMore')}</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

type QuestionFormProps = {
  ctx: PageContext;
  profile: AgencyProfile;
  topics: QuestionTopic[];
  values: QuestionFormValues;
  errors: FieldError[];
  step: QuestionStep;
  /** Files kept from the form's earlier steps (shown by name and size, each with "remove"). */
  pending: readonly PendingFile[];
  /** Kept files already ticked "remove" (the form shown again after a refused CSRF check). */
  removing?: readonly string[];
  /** The CSRF check failed: ask for the form to be sent again. */
  resend?: boolean;
};

/** The files kept from earlier steps: each by name and size, with a "remove" checkbox (works without JavaScript). */
function PendingFiles({ ctx, files, removing }: { ctx: PageContext; files: readonly PendingFile[]; removing: readonly string[] }) {
  const { t, lang } = ctx;
  if (files.length === 0) return null;
  return (
    <fieldset className="field pending-files" aria-describedby="pending-files-hint" id="pending-files">
      <legend>
        <strong>{t('inquiries.public.pending.legend')}</strong>
      </legend>
      <p className="hint" id="pending-files-hint">
        {t('inquiries.public.pending.hint', { hours: PENDING_UPLOAD_HOURS })}
      </p>
      <ul className="pending-file-list">
        {files.map((file, i) => (
          <li key={file.id} className="pending-file">
            <span className="pending-file-name">{file.fileName}</span> <span className="pending-file-size">({formatFileSize(file.size, lang)})</span>
            <div className="field checkbox">
              <input type="checkbox" id={`remove-upload-${i}`} name="removeUpload" value={file.id} defaultChecked={removing.includes(file.id)} />
              <label htmlFor={`remove-upload-${i}`}>
                {t('inquiries.public.pending.remove')}
                <span className="visually-hidden"> {t('inquiries.public.pending.removeFile', { file: file.fileName })}</span>
              </label>
            </div>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function QuestionForm({ ctx, profile, topics, values, errors, step, pending, removing = [], resend = false }: QuestionFormProps) {
  const { t, lang } = ctx;
  const byField = (field: string) => errors.find((e) => e.field === field);
  const suggestUrl = `/api/v1/agencies/${profile.slug}/faq`;
  return (
    <form
      method="post"
      action={withLang(questionPath(profile.slug), ctx)}
      encType="multipart/form-data"
      noValidate
      id="question-form"
      data-suggest-url={suggestUrl}
      data-lang={lang}
      data-suggest-title={t('inquiries.public.suggestions.title')}
      data-read-more={t('inquiries.public.suggestions.readMore')}
      data-faq-url={withLang(`/${profile.slug}/buj`, ctx)}
    >
      {resend && (
        <p className="notice notice-bad" id="form-resend">
          {t('inquiries.public.resend.text')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <CsrfField ctx={ctx} />
      <input type="hidden" name="step" value={step} id="question-step" />
      <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
      <input type="hidden" name="uploadsToken" value={values.uploadsToken} />
      <p className="hint">{t('inquiries.public.requiredNote')}</p>
      <TextField name="name" label={t('inquiries.public.fields.name')} value={values.name} error={byField('name')} autoComplete="name" required />
      <fieldset className="field" aria-describedby="contact-hint">
        <legend>
          <strong>{t('inquiries.public.fields.contactLegend')}</strong>
        </legend>
        <p className="hint" id="contact-hint">
          {t('inquiries.public.fields.contactHint')}
        </p>
        <TextField name="email" type="email" label={t('inquiries.public.fields.email')} value={values.email} error={byField('email')} autoComplete="email" />
        <TextField
          name="phone"
          type="tel"
          label={t('inquiries.public.fields.phone')}
          hint={t('inquiries.public.fields.phoneHint')}
          value={values.phone}
          error={byField('phone')}
          autoComplete="tel"
        />
      </fieldset>
      <TextField
        name="personalCode"
        label={t('inquiries.public.fields.personalCode')}
        hint={t('inquiries.public.fields.personalCodeHint')}
        value={values.personalCode}
        error={byField('personalCode')}
        autoComplete="off"
      />
      {topics.length > 1 && (
        <SelectField
          name="topic"
          label={t('inquiries.public.fields.topic')}
          hint={t('inquiries.public.fields.topicHint')}
          value={values.topic}
          error={byField('topic')}
          options={[{ value: '', label: t('inquiries.public.fields.topicNone') }, ...topics.map((topic) => ({ value: topic.id, label: topic.name[lang] }))]}
        />
      )}
      <TextAreaField
        name="text"
        label={t('inquiries.public.fields.text')}
        hint={t('inquiries.public.fields.textHint', { max: TEXT_MAX.toLocaleString(lang === 'lv' ? 'lv-LV' : 'en-GB') })}
        value={values.text}
        error={byField('text')}
        rows={10}
        describedByExtra="question-suggest-hint"
      />
      <p className="hint" id="question-suggest-hint" hidden>
        {t('inquiries.public.suggestions.liveHint')}
      </p>
      <div id="question-suggestions" aria-live="polite" />
      <PendingFiles ctx={ctx} files={pending} removing={removing} />
      <FileField
        name="attachments"
        label={t('inquiries.public.fields.attachments')}
        hint={`${pending.length > 0 ? `${t('inquiries.public.pending.addMore')} ` : ''}${t('inquiries.public.fields.attachmentsHint', { count: ATTACHMENTS_MAX_COUNT, size: ATTACHMENT_MAX_BYTES / MB, total: ATTACHMENTS_MAX_TOTAL_BYTES / MB })}`}
        error={byField('attachments')}
        accept={ACCEPT}
        multiple
      />
      <button type="submit">{step === 'file' ? t('inquiries.public.submitAnyway') : t('inquiries.public.submit')}</button>
    </form>
  );
}

/** The form as first shown (and again with its errors). */
export function QuestionFormView(props: Omit<QuestionFormProps, 'step'> & { step?: QuestionStep }) {
  const { ctx, profile } = props;
  const { t, lang } = ctx;
  const webForm = profile.channels.find((c) => c.kind === 'web-form');
  return (
    <>
      <h1>{t('inquiries.public.formTitle')}</h1>
      <p className="lead">{t('inquiries.public.formLead', { agency: profile.name[lang], agencyDative: agencyNameIn(profile, lang, 'dative') })}</p>
      {webForm?.note && <p className="notice">{webForm.note[lang]}</p>}
      <p>{t('inquiries.public.termNote')}</p>
      <details>
        <summary>{t('inquiries.public.howWeAnswer')}</summary>
        <p>{profile.unsignedEmailPolicy.text[lang]}</p>
      </details>
      <p>
        <a href={withLang(`${questionPath(profile.slug)}/sekot`, ctx)}>{t('inquiries.public.followExisting')}</a>
      </p>
      <QuestionForm {...props} step={props.step ?? 'preview'} />
      <script src="/static/question-suggest.js" defer />
    </>
  );
}

/** Without JavaScript: the matching answers first, then the form again (with the files kept), to be sent anyway. */
export function QuestionSuggestionsView(props: Omit<QuestionFormProps, 'step' | 'errors'> & { suggestions: FaqSuggestion[] }) {
  const { ctx, suggestions } = props;
  const { t } = ctx;
  return (
    <>
      <h1>{t('inquiries.public.preview.title')}</h1>
      <p className="lead">{t('inquiries.public.preview.lead')}</p>
      <FaqSuggestionList ctx={ctx} agency={props.profile.slug} suggestions={suggestions} />
      <h2>{t('inquiries.public.preview.formHeading')}</h2>
      <QuestionForm {...props} errors={[]} step="file" />
    </>
  );
}

type ConfirmationProps = { ctx: PageContext; profile: AgencyProfile; reference: string; accessCode: string; deadline: string; email: string | null };

export function ConfirmationView({ ctx, profile, reference, accessCode, deadline, email }: ConfirmationProps) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('inquiries.public.confirmation.title')}</h1>
      <p className="lead">{t('inquiries.public.confirmation.lead')}</p>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('inquiries.public.confirmation.reference')}</dt>
          <dd>
            <strong id="inquiry-reference">{reference}</strong>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('inquiries.public.confirmation.accessCode')}</dt>
          <dd>
            <strong id="inquiry-access-code" className="access-code">
              {accessCode}
            </strong>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('inquiries.public.confirmation.deadline')}</dt>
          <dd>
            <time dateTime={deadline}>{formatDate(deadline, lang)}</time>
          </dd>
        </div>
      </dl>
      <p className="notice">{t('inquiries.public.confirmation.keepCode')}</p>
      {email && <p id="receipt-sent">{t('inquiries.public.acknowledgement.sentTo', { email })}</p>}
      <p>{t('inquiries.public.confirmation.deadlineNote')}</p>
      <p>
        <a href={withLang(`${questionPath(profile.slug)}/${reference}`, ctx)}>{t('inquiries.public.confirmation.follow')}</a>
      </p>
    </>
  );
}

/** A form sent again after its question was filed (double click, retry): the first filing, no second one, no code. */
export function DuplicateQuestionView({ ctx, profile, reference }: { ctx: PageContext; profile: AgencyProfile; reference: string }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('inquiries.public.idempotency.duplicateTitle')}</h1>
      <p>{t('inquiries.public.idempotency.duplicateText', { reference })}</p>
      <ul>
        <li>
          <a href={withLang(`${questionPath(profile.slug)}/sekot`, ctx)}>{t('inquiries.public.confirmation.follow')}</a>
        </li>
        <li>
          <a href={withLang(questionPath(profile.slug), ctx)}>{t('inquiries.public.confirmation.askAnother')}</a>
        </li>
      </ul>
    </>
  );
}

export function ConfirmationExpiredView({ ctx, profile }: { ctx: PageContext; profile: AgencyProfile }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('inquiries.public.confirmation.expiredTitle')}</h1>
      <p>{t('inquiries.public.confirmation.expiredText')}</p>
      <ul>
        <li>
          <a href={withLang(`${questionPath(profile.slug)}/sekot`, ctx)}>{t('inquiries.public.confirmation.follow')}</a>
        </li>
        <li>
          <a href={withLang(questionPath(profile.slug), ctx)}>{t('inquiries.public.confirmation.askAnother')}</a>
        </li>
      </ul>
    </>
  );
}

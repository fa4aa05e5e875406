import { CsrfField, errorFor, ErrorSummary, SelectField, TextAreaField, TextField } from '../../../web/components.tsx';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { formatDate } from '../../../web/format.ts';
import type { PageContext } from '../../../web/page-context.ts';
import { REGISTRABLE_CHANNELS } from '../inquiries-staff.schema.ts';

type RegisterProps = {
  ctx: PageContext;
  scope: AgencyScope;
  values: Record<string, string>;
  errors: FieldError[];
  topics: ReadonlyMap<string, string>;
  today: string;
};

export function RegisterLetterView({ ctx, scope, values, errors, topics, today }: RegisterProps) {
  const t = ctx.t;
  const base = `/staff/${scope.agency}/iesniegumi`;
  const err = (field: string) => errorFor(errors, field);
  const attachmentError = errors.find((e) => e.field === 'attachments' || e.field.startsWith('attachments.'));
  return (
    <>
      <p>
        <a href={base}>{t('inquiries.staff.backToInbox')}</a>
      </p>
      <h1>{t('inquiries.staff.registerTitle')}</h1>
      <p>{t('inquiries.staff.registerIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors.map((e) => (e.field.startsWith('attachments') ? { ...e, field: 'attachments' } : e))} />
      <form method="post" action={`${base}/registret`} encType="multipart/form-data" noValidate>
        <CsrfField ctx={ctx} />
        <SelectField
          id="channel"
          name="channel"
          label={t('inquiries.staff.channel')}
          value={values.channel ?? 'post'}
          error={err('channel')}
          options={REGISTRABLE_CHANNELS.map((c) => ({ value: c, label: t(`inquiries.staff.channels.${c}`) }))}
        />
        <TextField
          id="receivedOn"
          name="receivedOn"
          type="date"
          label={t('inquiries.staff.receivedOn')}
          hint={t('inquiries.staff.receivedOnHint')}
          value={values.receivedOn ?? today}
          error={err('receivedOn')}
          required
        />
        <TextField id="name" name="name" label={t('inquiries.staff.name')} hint={t('inquiries.staff.nameHint')} value={values.name} error={err('name')} />
        <TextAreaField id="address" name="address" rows={3} label={t('inquiries.staff.address')} value={values.address} error={err('address')} />
        <TextField id="email" name="email" type="email" label={t('inquiries.staff.email')} value={values.email} error={err('email')} />
        <TextField id="phone" name="phone" type="tel" label={t('inquiries.staff.phone')} value={values.phone} error={err('phone')} />
        <TextField id="personalCode" name="personalCode" label={t('inquiries.staff.personalCode')} value={values.personalCode} error={err('personalCode')} />
        <SelectField
          id="topic"
          name="topic"
          label={t('inquiries.staff.topic')}
          value={values.topic}
          error={err('topic')}
          options={[{ value: '', label: t('inquiries.staff.topicNone') }, ...[...topics].map(([value, label]) => ({ value, label }))]}
        />
        <TextField id="subject" name="subject" label={t('inquiries.staff.subject')} value={values.subject} error={err('subject')} />
        <TextAreaField id="text" name="text" rows={10} label={t('inquiries.staff.text')} hint={t('inquiries.staff.textHint')} value={values.text} error={err('text')} required />
        <div className={attachmentError ? 'field field-error' : 'field'}>
          <label htmlFor="field-attachments">{t('inquiries.staff.scans')}</label>
          <p className="hint" id="field-attachments-hint">
            {t('inquiries.staff.scansHint')}
          </p>
          {attachmentError && (
            <p className="error-message" id="field-attachments-error">
              {attachmentError.message}
            </p>
          )}
          <input
            id="field-attachments"
            name="attachments"
            type="file"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,.edoc,.asice,.docx,.odt,.txt"
            aria-describedby={attachmentError ? 'field-attachments-hint field-attachments-error' : 'field-attachments-hint'}
          />
        </div>
        <button type="submit">{t('inquiries.staff.registerSubmit')}</button>
      </form>
    </>
  );
}

export function RegisteredView({ ctx, scope, filed }: { ctx: PageContext; scope: AgencyScope; filed: { id: string; reference: string; deadline: string; accessCode: string } }) {
  const t = ctx.t;
  return (
    <>
      <h1>{t('inquiries.staff.registeredTitle')}</h1>
      <div className="notice" role="status">
        <p>{t('inquiries.staff.registeredText', { reference: filed.reference, deadline: formatDate(filed.deadline, ctx.lang) })}</p>
        <p>
          <strong>{t('inquiries.staff.accessCode', { code: filed.accessCode })}</strong>
        </p>
        <p>{t('inquiries.staff.accessCodeHint')}</p>
      </div>
      <p>
        <a href={`/staff/${scope.agency}/iesniegumi/${filed.id}`}>{t('inquiries.staff.openInquiry')}</a>
      </p>
      <p>
        <a href={`/staff/${scope.agency}/iesniegumi/registret`}>{t('inquiries.staff.register')}</a>
      </p>
    </>
  );
}

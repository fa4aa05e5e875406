import { OPINION_KINDS, OPINION_TEXT_MAX } from '../../domain/feedback/index.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { CheckboxField, CsrfField, ErrorSummary, RadioGroup, SelectField, TextAreaField, TextField } from '../../web/components.tsx';
import { type PageContext, withLang } from '../../web/page-context.ts';
import { formatDate } from '../../web/format.ts';
import { latvianDate } from '../../domain/latvian-text/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { OPINION_KIND_LABEL } from './opinion.schema.ts';

export type OpinionFormMode = { kind: 'public' } | { kind: 'staff' };

/** The opinion fields, shared by the public form and the staff record form. */
export function OpinionFields({ ctx, profile, values, errors, mode }: { ctx: PageContext; profile: AgencyProfile; values: Record<string, string>; errors: FieldError[]; mode: OpinionFormMode }) {
  const { t, lang } = ctx;
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const choose = { value: '', label: t('feedback.opinion.chooseOne') };
  return (
    <>
      {mode.kind === 'staff' && (
        <RadioGroup
          name="source"
          legend={t('feedback.staff.source')}
          error={errorOf('source')}
          value={values['source'] ?? ''}
          options={[
            { value: 'in-person', label: t('feedback.staff.sourceInPerson') },
            { value: 'phone', label: t('feedback.staff.sourcePhone') },
          ]}
          inline
        />
      )}
      <RadioGroup
        name="kind"
        legend={t('feedback.opinion.kind')}
        error={errorOf('kind')}
        value={values['kind'] ?? ''}
        options={OPINION_KINDS.map((kind) => ({ value: kind, label: t(OPINION_KIND_LABEL[kind]) }))}
        inline
      />
      <RadioGroup
        name="subject"
        legend={t('feedback.opinion.subject')}
        error={errorOf('subject')}
        value={values['subject'] ?? 'general'}
        options={[
          { value: 'general', label: t('feedback.opinion.subjectGeneral') },
          { value: 'centre', label: t('feedback.opinion.subjectCentre') },
          { value: 'channel', label: t('feedback.opinion.subjectChannel') },
          { value: 'staff', label: t('feedback.opinion.subjectStaff') },
        ]}
      />
      {profile.serviceCentres.length > 0 && (
        <SelectField
          name="centre"
          label={t('feedback.opinion.centre')}
          error={errorOf('centre')}
          value={values['centre'] ?? ''}
          options={[choose, ...profile.serviceCentres.map((c) => ({ value: c.id, label: c.name[lang] }))]}
        />
      )}
      <SelectField
        name="channel"
        label={t('feedback.opinion.channel')}
        error={errorOf('channel')}
        value={values['channel'] ?? ''}
        options={[choose, ...profile.channels.map((c) => ({ value: c.id, label: c.label[lang] }))]}
      />
      <TextField name="staffName" label={t('feedback.opinion.staffName')} value={values['staffName'] ?? ''} error={errorOf('staffName')} />
      <TextAreaField name="text" label={t('feedback.opinion.text')} hint={t('feedback.opinion.textHint', { max: OPINION_TEXT_MAX })} error={errorOf('text')} value={values['text'] ?? ''} />
      <CheckboxField name="anonymous" label={t('feedback.opinion.anonymous')} hint={t('feedback.opinion.anonymousHint')} checked={values['anonymous'] === 'yes'} error={errorOf('anonymous')} />
      <TextField name="name" label={t('feedback.opinion.name')} value={values['name'] ?? ''} error={errorOf('name')} autoComplete={mode.kind === 'public' ? 'name' : 'off'} />
      <TextField name="email" type="email" label={t('feedback.opinion.email')} value={values['email'] ?? ''} error={errorOf('email')} autoComplete={mode.kind === 'public' ? 'email' : 'off'} />
      <TextField name="phone" type="tel" label={t('feedback.opinion.phone')} value={values['phone'] ?? ''} error={errorOf('phone')} autoComplete={mode.kind === 'public' ? 'tel' : 'off'} />
      <CheckboxField name="expectsAnswer" label={t('feedback.opinion.expectsAnswer')} hint={t('feedback.opinion.expectsAnswerHint')} checked={values['expectsAnswer'] === 'yes'} />
    </>
  );
}

export function OpinionFormView({ ctx, profile, values, errors }: { ctx: PageContext; profile: AgencyProfile; values: Record<string, string>; errors: FieldError[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('feedback.opinion.title')}</h1>
      <p className="lead">{t('feedback.opinion.intro')}</p>
      <p>{profile.feedback.answerPromise[lang]}</p>
      <form method="post" action={withLang(`/${profile.slug}/atsauksme`, ctx)} noValidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <CsrfField ctx={ctx} />
        <OpinionFields ctx={ctx} profile={profile} values={values} errors={errors} mode={{ kind: 'public' }} />
        <button type="submit">{t('feedback.opinion.submit')}</button>
      </form>
    </>
  );
}

export type OpinionConfirmation = { reference: string; accessCode: string; deadline: string } | null;

export function OpinionThanksView({ ctx, profile, confirmation, expired }: { ctx: PageContext; profile: AgencyProfile; confirmation: OpinionConfirmation; expired: boolean }) {
  const { t } = ctx;
  if (expired) {
    return (
      <>
        <h1>{t('feedback.opinion.thanksTitle')}</h1>
        <p>{t('feedback.opinion.expiredText')}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t('feedback.opinion.thanksTitle')}</h1>
      <p>{t('feedback.opinion.thanksText')}</p>
      {confirmation && (
        <div className="notice">
          <p>{t('feedback.opinion.inquiryText', { reference: confirmation.reference, deadline: ctx.lang === 'lv' ? latvianDate(confirmation.deadline, 'dative') : formatDate(confirmation.deadline, 'en') })}</p>
          <p>{t('feedback.opinion.accessCode', { code: confirmation.accessCode })}</p>
          <p>
            <a href={withLang(`/${profile.slug}/jautajums/sekot`, ctx)}>{t('feedback.opinion.followUp')}</a>
          </p>
        </div>
      )}
    </>
  );
}

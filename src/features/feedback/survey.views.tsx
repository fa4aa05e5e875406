import { SURVEY_COMMENT_MAX } from '../../domain/feedback/index.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { CheckboxField, CsrfField, ErrorSummary, RadioGroup, TextAreaField } from '../../web/components.tsx';
import { type PageContext, withLang } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { SurveyLinkProblem } from './survey-responses.service.ts';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

export function SurveyFormView({
  ctx,
  profile,
  action,
  values,
  errors,
  asksConsent,
}: {
  ctx: PageContext;
  profile: AgencyProfile;
  action: string;
  values: Record<string, string>;
  errors: FieldError[];
  asksConsent: boolean;
}) {
  const { t, lang } = ctx;
  const survey = profile.feedback.survey;
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const ratingOptions = RATINGS.map((r) => ({ value: r, label: t(`feedback.survey.rating${r}`) }));
  return (
    <>
      <h1>{t('feedback.survey.title')}</h1>
      <p className="lead">{survey.intro[lang]}</p>
      <form method="post" action={withLang(action, ctx)} noValidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <CsrfField ctx={ctx} />
        {survey.questions.map((question) =>
          question.kind === 'rating' ? (
            <RadioGroup
              key={question.id}
              name={question.id}
              legend={question.required ? `${question.label[lang]} ${t('feedback.survey.required')}` : question.label[lang]}
              hint={t('feedback.survey.ratingScale')}
              error={errorOf(question.id)}
              value={values[question.id] ?? ''}
              options={ratingOptions}
            />
          ) : (
            <TextAreaField
              key={question.id}
              name={question.id}
              label={question.label[lang]}
              hint={t('feedback.survey.commentHint', { max: SURVEY_COMMENT_MAX })}
              error={errorOf(question.id)}
              value={values[question.id] ?? ''}
              rows={5}
            />
          ),
        )}
        {asksConsent && (
          <CheckboxField name="staffConsent" label={t('feedback.survey.consent')} hint={t('feedback.survey.consentHint')} checked={values['staffConsent'] === 'yes'} />
        )}
        <button type="submit">{t('feedback.survey.submit')}</button>
      </form>
    </>
  );
}

export function SurveyMessageView({ ctx, profile, problem }: { ctx: PageContext; profile: AgencyProfile; problem: SurveyLinkProblem | 'thanks' }) {
  const { t } = ctx;
  const texts = {
    thanks: ['feedback.survey.thanksTitle', 'feedback.survey.thanksText'],
    used: ['feedback.survey.usedTitle', 'feedback.survey.usedText'],
    invalid: ['feedback.survey.invalidTitle', 'feedback.survey.invalidText'],
    expired: ['feedback.survey.expiredTitle', 'feedback.survey.expiredText'],
  } as const;
  const [title, text] = texts[problem];
  return (
    <>
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
      <p>
        <a href={withLang(`/${profile.slug}/atsauksme`, ctx)}>{t('feedback.survey.opinionLink')}</a>
      </p>
    </>
  );
}

export function surveyMessageTitle(ctx: PageContext, problem: SurveyLinkProblem | 'thanks'): string {
  const titles = { thanks: 'feedback.survey.thanksTitle', used: 'feedback.survey.usedTitle', invalid: 'feedback.survey.invalidTitle', expired: 'feedback.survey.expiredTitle' } as const;
  return ctx.t(titles[problem]);
}

import { can } from '../../../platform/access/policy.ts';
import { CsrfField, errorFor, ErrorSummary, TextAreaField, TextField } from '../../../web/components.tsx';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { AnswerTemplateRow } from '../inquiries-staff.repository.ts';

type TemplateFormProps = { ctx: PageContext; action: string; values: Record<string, string>; errors: FieldError[]; submit: string };

function TemplateForm({ ctx, action, values, errors, submit }: TemplateFormProps) {
  const t = ctx.t;
  return (
    <form method="post" action={action} noValidate>
      <CsrfField ctx={ctx} />
      <TextField id="title" name="title" label={t('inquiries.staff.templateTitle')} value={values.title} error={errorFor(errors, 'title')} required />
      <TextAreaField id="bodyLv" name="bodyLv" label={t('inquiries.staff.templateBodyLv')} hint={t('inquiries.staff.templateHint')} value={values.bodyLv} error={errorFor(errors, 'bodyLv')} required />
      <TextAreaField id="bodyEn" name="bodyEn" label={t('inquiries.staff.templateBodyEn')} value={values.bodyEn} error={errorFor(errors, 'bodyEn')} />
      <button type="submit">{submit}</button>
    </form>
  );
}

type ListProps = { ctx: PageContext; scope: AgencyScope; templates: AnswerTemplateRow[]; values: Record<string, string>; errors: FieldError[]; notice: string | null };

export function TemplatesView({ ctx, scope, templates, values, errors, notice }: ListProps) {
  const t = ctx.t;
  const base = `/staff/${scope.agency}/iesniegumi/veidnes`;
  return (
    <>
      <p>
        <a href={`/staff/${scope.agency}/iesniegumi`}>{t('inquiries.staff.backToInbox')}</a>
      </p>
      <h1>{t('inquiries.staff.templatesTitle')}</h1>
      <p>{t('inquiries.staff.templatesIntro')}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      {templates.length === 0 ? (
        <p>{t('inquiries.staff.noTemplates')}</p>
      ) : (
        <ul className="plain-list">
          {templates.map((tpl) => (
            <li key={tpl.id} className="card stack-item">
              <h2 className="mt-0">{tpl.title}</h2>
              <div className="pre-wrap" lang="lv">
                {tpl.bodyLv}
              </div>
              {tpl.bodyEn && (
                <div className="pre-wrap mt-1" lang="en">
                  {tpl.bodyEn}
                </div>
              )}
              {can(scope, 'inquiries.manage') && (
                <div>
                  <a href={`${base}/${tpl.id}`}>
                    {t('inquiries.staff.templateEdit')}
                    <span className="visually-hidden">: {tpl.title}</span>
                  </a>{' '}
                  <form method="post" action={`${base}/${tpl.id}/dzest`} className="inline-form">
                    <CsrfField ctx={ctx} />
                    <button type="submit" className="danger">
                      {t('inquiries.staff.templateDelete', { title: tpl.title })}
                    </button>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {can(scope, 'inquiries.manage') && (
        <>
          <h2>{t('inquiries.staff.templateCreate')}</h2>
          <TemplateForm ctx={ctx} action={base} values={values} errors={errors} submit={t('inquiries.staff.templateCreate')} />
        </>
      )}
    </>
  );
}

export function TemplateEditView({ ctx, scope, template, values, errors }: { ctx: PageContext; scope: AgencyScope; template: AnswerTemplateRow; values: Record<string, string> | null; errors: FieldError[] }) {
  const t = ctx.t;
  const base = `/staff/${scope.agency}/iesniegumi/veidnes`;
  return (
    <>
      <p>
        <a href={base}>{t('inquiries.staff.templatesTitle')}</a>
      </p>
      <h1>{t('inquiries.staff.templateEditTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <TemplateForm
        ctx={ctx}
        action={`${base}/${template.id}`}
        values={values ?? { title: template.title, bodyLv: template.bodyLv, bodyEn: template.bodyEn }}
        errors={errors}
        submit={t('inquiries.staff.templateSave')}
      />
    </>
  );
}

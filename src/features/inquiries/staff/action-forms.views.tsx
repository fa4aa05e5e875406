import { can } from '../../../platform/access/policy.ts';
import { CsrfField, errorFor, RadioGroup, SelectField, TextAreaField, TextField } from '../../../web/components.tsx';
import type { ReactNode } from 'react';
import { canTransition, isOpen } from '../../../domain/inquiry/index.ts';
import { findTermRuleVersion } from '../../../domain/terms/index.ts';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { AgencyProfile } from '../../agencies/agency-profile.schema.ts';
import type { AnswerTemplateRow, StaffMember } from '../inquiries-staff.repository.ts';
import { COMPLEX_REASONS, FORWARD_MODES, UNEXAMINED_REASONS, type InquiryAction } from '../inquiries-staff.schema.ts';
import type { InquiryDetail } from '../inquiries-staff.service.ts';

export type ActionFormsProps = {
  ctx: PageContext;
  scope: AgencyScope;
  detail: InquiryDetail;
  errors: FieldError[];
  /** The form that was posted and refused: its values are shown again. */
  active: { action: InquiryAction; values: Record<string, string> } | null;
  staff: StaffMember[];
  templates: AnswerTemplateRow[];
  institutions: AgencyProfile['competentInstitutions'];
  replyPrefill: string | undefined;
  answerMedium: 'email' | 'letter';
};

function ActionForm({ ctx, base, action, title, children }: { ctx: PageContext; base: string; action: InquiryAction; title: string; children: ReactNode }) {
  return (
    <section id={`field-${action}`} aria-labelledby={`${action}-title`} tabIndex={-1} className="card" style={{ marginBottom: '1.5rem' }}>
      <h3 id={`${action}-title`}>{title}</h3>
      <form method="post" action={`${base}/${action}`} noValidate>
        <CsrfField ctx={ctx} />
        {children}
      </form>
    </section>
  );
}

/** Whether the one-month term may replace the general term: only where the general term is shorter. */
function complexApplies(inquiry: InquiryDetail['inquiry']): boolean {
  const general = findTermRuleVersion('submission.answer', inquiry.receivedOn);
  return isOpen(inquiry.status) && inquiry.termRule === 'submission.answer' && typeof general?.period === 'object' && general.period.unit !== 'months';
}

export function ActionForms(props: ActionFormsProps) {
  const { ctx, scope, detail, errors, active, staff, templates, institutions } = props;
  const t = ctx.t;
  const inquiry = detail.inquiry;
  const base = `/staff/${scope.agency}/iesniegumi/${inquiry.id}`;
  if (!can(scope, 'inquiries.work')) return <p className="notice">{t('inquiries.staff.readOnly')}</p>;
  const value = (action: InquiryAction, field: string) => (active?.action === action ? active.values[field] : undefined);
  const err = (action: InquiryAction, field: string) => errorFor(errors, `${action}-${field}`);
  const status = inquiry.status;
  const may = {
    assign: status === 'waiting-for-client' || canTransition(status, 'assigned'),
    reply: canTransition(status, 'answered'),
    requestInfo: canTransition(status, 'waiting-for-client'),
    forward: canTransition(status, 'forwarded'),
    complex: complexApplies(inquiry),
    extend: isOpen(status) && detail.deadlines.extensionMax !== null,
    unexamined: canTransition(status, 'unexamined'),
    merge: can(scope, 'inquiries.manage') && canTransition(status, 'merged'),
    close: canTransition(status, 'closed'),
  };
  if (!Object.values(may).some(Boolean)) return <p className="notice">{t('inquiries.staff.noActions')}</p>;
  const templateOptions = templates.flatMap((tpl) => [
    { value: tpl.id, label: `${tpl.title} (LV)` },
    ...(tpl.bodyEn ? [{ value: `${tpl.id}:en`, label: `${tpl.title} (EN)` }] : []),
  ]);
  return (
    <>
      <h2>{t('inquiries.staff.actions')}</h2>
      {may.assign && (
        <ActionForm ctx={ctx} base={base} action="assign" title={t('inquiries.staff.assignTitle')}>
          <SelectField
            id="assign-assigneeId"
            name="assigneeId"
            label={t('inquiries.staff.assignee')}
            value={value('assign', 'assigneeId') ?? inquiry.assigneeId ?? scope.actor.id}
            error={err('assign', 'assigneeId')}
            options={staff.map((s) => ({ value: s.id, label: `${s.name} (${t(`staff.roles.${s.role}`)})` }))}
          />
          <button type="submit">{t('inquiries.staff.assignSubmit')}</button>
        </ActionForm>
      )}
      {may.reply && (
        <section id="reply" className="card" style={{ marginBottom: '1.5rem' }} aria-labelledby="reply-title">
          <h3 id="reply-title">{t('inquiries.staff.replyTitle')}</h3>
          <p>
            {props.answerMedium === 'email' ? t('inquiries.staff.replyByEmail', { email: inquiry.requesterEmail ?? '' }) : t('inquiries.staff.replyByLetter')}
          </p>
          {templateOptions.length > 0 && (
            <form method="get" action={`${base}#field-reply-text`}>
              <SelectField
                id="template"
                name="template"
                label={t('inquiries.staff.insertTemplate')}
                hint={t('inquiries.staff.templateHint')}
                options={[{ value: '', label: t('inquiries.staff.templateNone') }, ...templateOptions]}
              />
              <button type="submit" className="secondary">
                {t('inquiries.staff.insertTemplateSubmit')}
              </button>
            </form>
          )}
          <form method="post" action={`${base}/reply`} noValidate id="field-reply">
            <CsrfField ctx={ctx} />
            <TextField id="reply-subject" name="subject" label={t('inquiries.staff.replySubject')} value={value('reply', 'subject')} error={err('reply', 'subject')} />
            <TextAreaField
              id="reply-text"
              name="text"
              rows={12}
              label={t('inquiries.staff.replyText')}
              value={value('reply', 'text') ?? props.replyPrefill}
              error={err('reply', 'text')}
              required
            />
            <button type="submit">{t('inquiries.staff.replySubmit')}</button>
          </form>
        </section>
      )}
      {may.requestInfo && (
        <ActionForm ctx={ctx} base={base} action="request-info" title={t('inquiries.staff.requestInfoTitle')}>
          <TextAreaField id="request-info-text" name="text" label={t('inquiries.staff.requestInfoText')} value={value('request-info', 'text')} error={err('request-info', 'text')} required />
          <button type="submit">{t('inquiries.staff.requestInfoSubmit')}</button>
        </ActionForm>
      )}
      {may.forward && (
        <ActionForm ctx={ctx} base={base} action="forward" title={t('inquiries.staff.forwardTitle')}>
          <RadioGroup
            id="forward-mode"
            name="mode"
            legend={t('inquiries.staff.forwardMode')}
            value={value('forward', 'mode') ?? 'forward'}
            error={err('forward', 'mode')}
            options={FORWARD_MODES.map((m) => ({ value: m, label: t(m === 'forward' ? 'inquiries.staff.forwardModeForward' : 'inquiries.staff.forwardModeRefer') }))}
          />
          <SelectField
            id="forward-institutionId"
            name="institutionId"
            label={t('inquiries.staff.institution')}
            value={value('forward', 'institutionId')}
            error={err('forward', 'institutionId')}
            options={[
              { value: '', label: t('inquiries.staff.institutionOther') },
              ...institutions.map((i) => ({ value: i.id, label: `${i.name[ctx.lang]} — ${i.topics[ctx.lang]}` })),
            ]}
          />
          <TextField id="forward-institutionName" name="institutionName" label={t('inquiries.staff.institutionName')} value={value('forward', 'institutionName')} error={err('forward', 'institutionName')} />
          <TextAreaField id="forward-note" name="note" rows={3} label={t('inquiries.staff.note')} value={value('forward', 'note')} error={err('forward', 'note')} />
          <button type="submit">{t('inquiries.staff.forwardSubmit')}</button>
        </ActionForm>
      )}
      {may.complex && (
        <ActionForm ctx={ctx} base={base} action="complex" title={t('inquiries.staff.complexTitle')}>
          <p>{t('inquiries.staff.complexIntro')}</p>
          <RadioGroup
            id="complex-reason"
            name="reason"
            legend={t('inquiries.staff.complexReason')}
            value={value('complex', 'reason')}
            error={err('complex', 'reason')}
            options={COMPLEX_REASONS.map((r) => ({ value: r, label: t(`inquiries.staff.complexReasons.${r}`) }))}
          />
          <TextAreaField id="complex-note" name="note" rows={3} label={t('inquiries.staff.note')} value={value('complex', 'note')} error={err('complex', 'note')} />
          <button type="submit">{t('inquiries.staff.complexSubmit')}</button>
        </ActionForm>
      )}
      {may.extend && detail.deadlines.extensionMax && (
        <ActionForm ctx={ctx} base={base} action="extend" title={t('inquiries.staff.extendTitle')}>
          <TextField
            id="extend-newDeadline"
            name="newDeadline"
            type="date"
            label={t('inquiries.staff.extendNewDeadline')}
            hint={t('inquiries.staff.extendHint', { max: detail.deadlines.extensionMax.date })}
            value={value('extend', 'newDeadline')}
            error={err('extend', 'newDeadline')}
            required
          />
          <TextAreaField id="extend-reason" name="reason" rows={3} label={t('inquiries.staff.extendReason')} value={value('extend', 'reason')} error={err('extend', 'reason')} required />
          <button type="submit">{t('inquiries.staff.extendSubmit')}</button>
        </ActionForm>
      )}
      {may.unexamined && (
        <ActionForm ctx={ctx} base={base} action="unexamined" title={t('inquiries.staff.unexaminedTitle')}>
          <RadioGroup
            id="unexamined-reason"
            name="reason"
            legend={t('inquiries.staff.unexaminedReason')}
            value={value('unexamined', 'reason')}
            error={err('unexamined', 'reason')}
            options={UNEXAMINED_REASONS.map((r) => ({ value: r, label: t(`inquiries.staff.unexaminedReasons.${r}`) }))}
          />
          <TextAreaField id="unexamined-note" name="note" rows={3} label={t('inquiries.staff.note')} value={value('unexamined', 'note')} error={err('unexamined', 'note')} />
          <button type="submit" className="danger">
            {t('inquiries.staff.unexaminedSubmit')}
          </button>
        </ActionForm>
      )}
      {may.merge && (
        <ActionForm ctx={ctx} base={base} action="merge" title={t('inquiries.staff.mergeTitle')}>
          <TextField id="merge-into" name="into" label={t('inquiries.staff.mergeInto')} hint={t('inquiries.staff.mergeHint')} value={value('merge', 'into')} error={err('merge', 'into')} required />
          <button type="submit">{t('inquiries.staff.mergeSubmit')}</button>
        </ActionForm>
      )}
      {may.close && (
        <ActionForm ctx={ctx} base={base} action="close" title={t('inquiries.staff.closeTitle')}>
          <TextAreaField id="close-note" name="note" rows={3} label={t('inquiries.staff.note')} value={value('close', 'note')} error={err('close', 'note')} />
          <button type="submit" className="secondary">
            {t('inquiries.staff.closeSubmit')}
          </button>
        </ActionForm>
      )}
    </>
  );
}

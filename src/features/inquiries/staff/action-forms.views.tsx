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
  /** A template body with the inquiry's placeholders filled in. */
  fill: (body: string) => string;
};

function ActionForm({ ctx, base, action, title, children }: { ctx: PageContext; base: string; action: InquiryAction; title: string; children: ReactNode }) {
  return (
    <section id={`field-${action}`} aria-labelledby={`${action}-title`} tabIndex={-1} className="card action-card">
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

type ActionKey = 'assign' | 'reply' | 'requestInfo' | 'forward' | 'complex' | 'extend' | 'unexamined' | 'merge' | 'close';

/** Which actions the inquiry's status and the person's role allow now. */
export function allowedActions(scope: AgencyScope, detail: InquiryDetail): Record<ActionKey, boolean> {
  const inquiry = detail.inquiry;
  const status = inquiry.status;
  const work = can(scope, 'inquiries.work');
  return {
    assign: work && (status === 'waiting-for-client' || canTransition(status, 'assigned')),
    reply: work && canTransition(status, 'answered'),
    requestInfo: work && canTransition(status, 'waiting-for-client'),
    forward: work && canTransition(status, 'forwarded'),
    complex: work && complexApplies(inquiry),
    extend: work && isOpen(status) && detail.deadlines.extensionMax !== null,
    unexamined: work && canTransition(status, 'unexamined'),
    merge: work && can(scope, 'inquiries.manage') && canTransition(status, 'merged'),
    close: work && canTransition(status, 'closed'),
  };
}

/** The actions behind the "more actions" disclosure (the reply and the assignment are always in view). */
export const MORE_ACTIONS: readonly InquiryAction[] = ['request-info', 'forward', 'complex', 'extend', 'unexamined', 'merge', 'close'];

function helpers(props: ActionFormsProps) {
  const { errors, active } = props;
  return {
    value: (action: InquiryAction, field: string) => (active?.action === action ? active.values[field] : undefined),
    err: (action: InquiryAction, field: string) => errorFor(errors, `${action}-${field}`),
    base: `/staff/${props.scope.agency}/iesniegumi/${props.detail.inquiry.id}`,
  };
}

/** Assigning the inquiry: a compact form in the side panel. */
export function AssignForm(props: ActionFormsProps) {
  const { ctx, scope, detail, staff } = props;
  const t = ctx.t;
  const { value, err, base } = helpers(props);
  if (!allowedActions(scope, detail).assign) return null;
  return (
    <ActionForm ctx={ctx} base={base} action="assign" title={t('inquiries.staff.assignTitle')}>
      <SelectField
        id="assign-assigneeId"
        name="assigneeId"
        label={t('inquiries.staff.assignee')}
        value={value('assign', 'assigneeId') ?? detail.inquiry.assigneeId ?? scope.actor.id}
        error={err('assign', 'assigneeId')}
        options={staff.map((s) => ({ value: s.id, label: `${s.name} (${t(`staff.roles.${s.role}`)})` }))}
      />
      <button type="submit" className="secondary">
        {t('inquiries.staff.assignSubmit')}
      </button>
    </ActionForm>
  );
}

/** The answer box, right under the conversation. Templates come in without a reload when JavaScript runs. */
export function ReplyForm(props: ActionFormsProps) {
  const { ctx, scope, detail, templates } = props;
  const t = ctx.t;
  const inquiry = detail.inquiry;
  const { value, err, base } = helpers(props);
  if (!allowedActions(scope, detail).reply) return null;
  const templateOptions = templates.flatMap((tpl) => [
    { value: tpl.id, label: `${tpl.title} (LV)`, body: props.fill(tpl.bodyLv) },
    ...(tpl.bodyEn ? [{ value: `${tpl.id}:en`, label: `${tpl.title} (EN)`, body: props.fill(tpl.bodyEn) }] : []),
  ]);
  return (
    <section id="reply" className="card reply-card" aria-labelledby="reply-title">
      <h2 id="reply-title">{t('inquiries.staff.replyTitle')}</h2>
      <p>{props.answerMedium === 'email' ? t('inquiries.staff.replyByEmail', { email: inquiry.requesterEmail ?? '' }) : t('inquiries.staff.replyByLetter')}</p>
      {templateOptions.length > 0 && (
        <form method="get" action={`${base}#field-reply-text`} className="template-picker" data-template-target="field-reply-text">
          <div className="field">
            <label htmlFor="field-template">{t('inquiries.staff.insertTemplate')}</label>
            <p className="hint" id="field-template-hint">
              {t('inquiries.staff.templateHint')}
            </p>
            <select id="field-template" name="template" aria-describedby="field-template-hint" defaultValue="">
              <option value="">{t('inquiries.staff.templateNone')}</option>
              {templateOptions.map((o) => (
                <option key={o.value} value={o.value} data-body={o.body}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t('inquiries.staff.insertTemplateSubmit')}
          </button>
          <p className="visually-hidden" role="status" data-template-status={t('inquiries.staff.insertedTemplate')} />
        </form>
      )}
      <form method="post" action={`${base}/reply`} noValidate id="field-reply">
        <CsrfField ctx={ctx} />
        <TextField id="reply-subject" name="subject" label={t('inquiries.staff.replySubject')} value={value('reply', 'subject')} error={err('reply', 'subject')} />
        <TextAreaField id="reply-text" name="text" rows={10} label={t('inquiries.staff.replyText')} value={value('reply', 'text') ?? props.replyPrefill} error={err('reply', 'text')} required />
        <button type="submit">{t('inquiries.staff.replySubmit')}</button>
      </form>
    </section>
  );
}

/** The rarer actions, folded into one disclosure; it opens by itself when one of them was refused. */
export function MoreActions(props: ActionFormsProps) {
  const { ctx, scope, detail } = props;
  const t = ctx.t;
  if (!can(scope, 'inquiries.work')) return <p className="notice">{t('inquiries.staff.readOnly')}</p>;
  const may = allowedActions(scope, detail);
  if (!Object.values(may).some(Boolean)) return <p className="notice">{t('inquiries.staff.noActions')}</p>;
  const more = MORE_ACTIONS.some((a) => may[a === 'request-info' ? 'requestInfo' : (a as ActionKey)]);
  if (!more) return null;
  const open = props.active !== null && MORE_ACTIONS.includes(props.active.action);
  return (
    <details className="more-actions" open={open || undefined} id="more-actions">
      <summary>
        <span className="more-actions-title">{t('inquiries.staff.moreActions')}</span>
        <span className="hint"> — {t('inquiries.staff.moreActionsHint')}</span>
      </summary>
      <ActionForms {...props} />
    </details>
  );
}

function ActionForms(props: ActionFormsProps) {
  const { ctx, scope, detail, institutions } = props;
  const t = ctx.t;
  const { value, err, base } = helpers(props);
  const may = allowedActions(scope, detail);

  return (
    <>
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

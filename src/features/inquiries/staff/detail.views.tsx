import { can } from '../../../platform/access/policy.ts';
import { ServiceErrorFromButton } from '../../registers/identity-check.views.tsx';
import { SignatureVerdict } from '../../signatures/signatures.views.tsx';
import type { ReactNode } from 'react';
import { INQUIRY_CHANNELS } from '../inquiries.tables.ts';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { ErrorSummary, ScrollRegion } from '../../../web/components.tsx';
import { formatDate, formatMoment } from '../../../web/format.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { InquiryDetail, TermView } from '../inquiries-staff.service.ts';
import { letterUrl } from './client-notice.ts';
import { AssignForm, MoreActions, ReplyForm, type ActionFormsProps } from './action-forms.views.tsx';
import { DeadlineCell, topicLabel } from './inbox.views.tsx';

/** `next`: after a change, the next inquiry to work on (null: none left; undefined: not asked). */
export type DetailNotice = { saved: boolean; letterHref: string | null; next?: { id: string; reference: string } | null | undefined };

type DetailProps = {
  ctx: PageContext;
  scope: AgencyScope;
  detail: InquiryDetail;
  topics: ReadonlyMap<string, string>;
  errors: FieldError[];
  notice: DetailNotice;
  forms: Omit<ActionFormsProps, 'ctx' | 'scope' | 'detail' | 'errors'>;
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function Term({ ctx, term }: { ctx: PageContext; term: TermView }) {
  return (
    <>
      {formatDate(term.date, ctx.lang, true)}
      {term.source[ctx.lang] && (
        <>
          <br />
          <span className="muted">{ctx.t('inquiries.staff.legalSource', { source: term.source[ctx.lang] })}</span>
        </>
      )}
    </>
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MEDIA = new Set(['email', 'letter', 'note']);
const CHANNELS: ReadonlySet<string> = new Set(INQUIRY_CHANNELS);

type HistoryField = keyof typeof import('./messages.lv.ts').staffMessagesLv.historyFields;

/** One history detail in words: the label translated, dates as dates, codes as their names. */
function detailFact(ctx: PageContext, kind: string, key: string, raw: unknown): { label: HistoryField; text: string } | null {
  const t = ctx.t;
  if (raw === null || raw === undefined || raw === '') return null;
  if (key === 'recipients' && Array.isArray(raw)) return { label: 'recipients', text: raw.map(String).join(', ') };
  if (typeof raw !== 'string') return null;
  const date = (value: string) => (ISO_DATE.test(value) ? formatDate(value, ctx.lang) : value);
  switch (key) {
    case 'assigneeName':
    case 'institutionName':
    case 'intoReference':
    case 'duplicateReference':
    case 'note':
      return { label: key, text: raw };
    case 'from':
      return ISO_DATE.test(raw) ? { label: 'previousDeadline', text: date(raw) } : null;
    case 'to':
      return ISO_DATE.test(raw) ? { label: 'newDeadline', text: date(raw) } : { label: 'recipient', text: raw };
    case 'deadline':
      return { label: kind === 'reopened' ? 'newDeadline' : 'deadline', text: date(raw) };
    case 'channel':
      return { label: 'channel', text: CHANNELS.has(raw) ? t(`inquiries.staff.channels.${raw as 'email'}`) : raw };
    case 'medium':
      return {
        label: 'medium',
        text: MEDIA.has(raw) ? t(`inquiries.staff.media.${raw as 'email'}`) : CHANNELS.has(raw) ? t(`inquiries.staff.channels.${raw as 'email'}`) : raw,
      };
    case 'reason':
      if (kind === 'term-complex') return { label: 'reason', text: t(`inquiries.staff.complexReasons.${raw as 'more-information'}`) };
      if (kind === 'unexamined') return { label: 'reason', text: t(`inquiries.staff.unexaminedReasons.${raw as 'unsigned'}`) };
      return { label: 'reason', text: raw };
    default:
      return null;
  }
}

const DETAIL_KEYS = ['assigneeName', 'institutionName', 'intoReference', 'duplicateReference', 'from', 'to', 'deadline', 'recipients', 'reason', 'note', 'channel', 'medium'];

export function eventSummary(ctx: PageContext, kind: string, details: Record<string, unknown>): string {
  return DETAIL_KEYS.flatMap((key) => {
    const fact = detailFact(ctx, kind, key, details[key]);
    return fact ? [`${ctx.t(`inquiries.staff.historyFields.${fact.label}`)}: ${fact.text}`] : [];
  }).join('; ');
}

function Messages({ ctx, scope, detail }: Pick<DetailProps, 'ctx' | 'scope' | 'detail'>) {
  const t = ctx.t;
  const base = `/staff/${scope.agency}/iesniegumi/${detail.inquiry.id}`;
  if (detail.messages.length === 0) return <p>{t('inquiries.staff.noMessages')}</p>;
  return (
    <ol className="conversation">
      {detail.messages.map((m) => {
        const files = detail.attachments.filter((a) => a.messageId === m.id);
        const medium = MEDIA.has(m.medium) ? t(`inquiries.staff.media.${m.medium as 'email'}`) : CHANNELS.has(m.medium) ? t(`inquiries.staff.channels.${m.medium as 'email'}`) : m.medium;
        return (
          <li key={m.id} className={m.direction === 'in' ? 'card message message-in' : 'card message message-out'}>
            <h3>
              {m.direction === 'in' ? t('inquiries.staff.incoming') : t('inquiries.staff.outgoing')}: {formatMoment(m.at.toISOString(), ctx.lang)}
            </h3>
            <p className="muted">
              {t('inquiries.staff.via', { medium })}
              {m.author ? ` · ${m.author}` : ''}
            </p>
            {m.subject && (
              <p>
                <strong>{m.subject}</strong>
              </p>
            )}
            <div className="message-body">{m.bodyText}</div>
            {files.length > 0 && (
              <>
                <h4>{t('inquiries.staff.attachments')}</h4>
                <ul>
                  {files.map((a) => (
                    <li key={a.id}>
                      <a href={`${base}/pielikumi/${a.id}`} download={a.fileName}>
                        {t('inquiries.staff.download', { name: a.fileName, size: size(a.size) })}
                      </a>
                      <SignatureVerdict ctx={ctx} status={a.signatureStatus} signatures={a.signatures} problems={a.signatureProblems} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {m.direction === 'out' && m.medium === 'letter' && (
              <p>
                <a href={letterUrl(detail.inquiry, m.id)}>{t('inquiries.staff.printLetter')}</a>
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function History({ ctx, detail }: Pick<DetailProps, 'ctx' | 'detail'>) {
  const t = ctx.t;
  return (
    <ScrollRegion labelledBy="history-caption">
      <table>
        <caption id="history-caption" className="visually-hidden">{t('inquiries.staff.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inquiries.staff.colAt')}</th>
            <th scope="col">{t('inquiries.staff.colEvent')}</th>
            <th scope="col">{t('inquiries.staff.colActor')}</th>
            <th scope="col">{t('inquiries.staff.colChange')}</th>
            <th scope="col">{t('inquiries.staff.colDetails')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.events.map((e) => (
            <tr key={e.id}>
              <td>{formatMoment(e.at.toISOString(), ctx.lang)}</td>
              <td>{eventLabel(ctx, e.kind)}</td>
              <td>{e.actor ?? t('inquiries.staff.system')}</td>
              <td>
                {e.toStatus
                  ? `${e.fromStatus ? `${t(`inquiries.staff.statuses.${e.fromStatus as 'new'}`)} → ` : ''}${t(`inquiries.staff.statuses.${e.toStatus as 'new'}`)}`
                  : ''}
              </td>
              <td className="wrap-anywhere">{eventSummary(ctx, e.kind, e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const EVENT_KINDS = new Set([
  'received',
  'assigned',
  'replied',
  'info-requested',
  'forwarded',
  'referred',
  'term-complex',
  'deadline-extended',
  'unexamined',
  'merged',
  'merged-from',
  'closed',
  'deadline-warning',
  'client-replied',
  'client-message',
  'acknowledged',
  'reopened',
]);

function eventLabel(ctx: PageContext, kind: string): string {
  return EVENT_KINDS.has(kind) ? ctx.t(`inquiries.staff.events.${kind as 'received'}`) : kind;
}

function Notices({ ctx, scope, detail, notice }: Pick<DetailProps, 'ctx' | 'scope' | 'detail' | 'notice'>) {
  const t = ctx.t;
  const inquiry = detail.inquiry;
  return (
    <>
      {notice.saved && (
        <div className="notice notice-ok" role="status">
          <p>
            {t('inquiries.staff.saved')}
            {notice.letterHref && (
              <>
                {' '}
                <a href={notice.letterHref}>{t('inquiries.staff.letterReady')}</a>
              </>
            )}
          </p>
          {notice.next !== undefined && (
            <p>
              {notice.next ? (
                <a href={`/staff/${scope.agency}/iesniegumi/${notice.next.id}`} className="button">
                  {t('inquiries.staff.nextInquiry', { reference: notice.next.reference })}
                </a>
              ) : (
                t('inquiries.staff.noNextInquiry')
              )}
            </p>
          )}
        </div>
      )}
      {inquiry.overdue && (
        <p className="notice notice-bad">
          <strong>
            <span aria-hidden="true">⚠ </span>
            {t('inquiries.staff.overdueLong', { date: formatDate(inquiry.deadline, ctx.lang) })}
          </strong>
        </p>
      )}
      {inquiry.dueSoon && (
        <p className="notice">
          <strong>
            <span aria-hidden="true">◷ </span>
            {t('inquiries.staff.dueSoonLong', { date: formatDate(inquiry.deadline, ctx.lang) })}
          </strong>
        </p>
      )}
      {inquiry.forwardOverdue && (
        <p className="notice notice-bad">
          <strong>
            <span aria-hidden="true">⚠ </span>
            {t('inquiries.staff.forwardOverdue', { date: formatDate(inquiry.forwardDeadline, ctx.lang) })}
          </strong>
        </p>
      )}
      {inquiry.mergedTarget && (
        <p className="notice">
          {t('inquiries.staff.mergedInto', { reference: inquiry.mergedTarget.reference })}{' '}
          <a href={`/staff/${scope.agency}/iesniegumi/${inquiry.mergedTarget.id}`}>{inquiry.mergedTarget.reference}</a>
        </p>
      )}
      {inquiry.signed === false && (
        <p className="notice">
          <strong>{t('inquiries.staff.unsigned')}</strong>
        </p>
      )}
      {can(scope, 'registers.record') && <ServiceErrorFromButton ctx={ctx} agency={scope.agency} kind="inquiry" id={inquiry.id} />}
    </>
  );
}

/** Identity and deadlines: a compact side panel beside the conversation. */
function SidePanel({ ctx, detail, topics, forms }: Pick<DetailProps, 'ctx' | 'detail' | 'topics'> & { forms: ReactNode }) {
  const t = ctx.t;
  const inquiry = detail.inquiry;
  return (
    <aside className="inquiry-side" aria-labelledby="requester-title">
      <h2 id="requester-title">{t('inquiries.staff.requester')}</h2>
      <dl className="facts facts-compact">
        <Fact label={t('inquiries.staff.name')}>{inquiry.requesterName || t('inquiries.staff.anonymous')}</Fact>
        {inquiry.requesterEmail && <Fact label={t('inquiries.staff.email')}>{inquiry.requesterEmail}</Fact>}
        {inquiry.requesterPhone && <Fact label={t('inquiries.staff.phone')}>{inquiry.requesterPhone}</Fact>}
        {inquiry.requesterPersonalCode && <Fact label={t('inquiries.staff.personalCode')}>{inquiry.requesterPersonalCode}</Fact>}
        {inquiry.requesterAddress && <Fact label={t('inquiries.staff.address')}>{inquiry.requesterAddress}</Fact>}
        <Fact label={t('inquiries.staff.channel')}>{t(`inquiries.staff.channels.${inquiry.channel}`)}</Fact>
        <Fact label={t('inquiries.staff.receivedAt')}>{formatMoment(inquiry.receivedAt.toISOString(), ctx.lang)}</Fact>
        {inquiry.topic && <Fact label={t('inquiries.staff.topic')}>{topicLabel(inquiry.topic, topics)}</Fact>}
      </dl>
      <h2>{t('inquiries.staff.deadlines')}</h2>
      <dl className="facts facts-compact">
        <Fact label={t('inquiries.staff.answerDeadline')}>
          <Term ctx={ctx} term={detail.deadlines.answer} />
        </Fact>
        <Fact label={t('inquiries.staff.forwardDeadline')}>
          <Term ctx={ctx} term={detail.deadlines.forward} />
        </Fact>
        <Fact label={t('inquiries.staff.extensionMax')}>
          {detail.deadlines.extensionMax ? <Term ctx={ctx} term={detail.deadlines.extensionMax} /> : t('inquiries.staff.extensionDisabled')}
        </Fact>
      </dl>
      {forms}
    </aside>
  );
}

export function InquiryDetailView({ ctx, scope, detail, topics, errors, notice, forms }: DetailProps) {
  const t = ctx.t;
  const inquiry = detail.inquiry;
  const formProps = { ctx, scope, detail, errors, ...forms };
  return (
    <>
      <p className="back-link">
        <a href={`/staff/${scope.agency}/iesniegumi`}>{t('inquiries.staff.backToInbox')}</a>
      </p>
      <h1>{t('inquiries.staff.detailTitle', { reference: inquiry.reference })}</h1>
      <p className="inquiry-summary">
        <span className={`status-tag status-tag-${inquiry.status}`}>{t(`inquiries.staff.statuses.${inquiry.status}`)}</span>
        <span>
          {t('inquiries.staff.summaryDeadline')}: <DeadlineCell ctx={ctx} deadline={inquiry.deadline} overdue={inquiry.overdue} dueSoon={inquiry.dueSoon} />
        </span>
        <span>
          {t('inquiries.staff.assignee')}: {inquiry.assignee?.name ?? t('inquiries.staff.unassigned')}
        </span>
      </p>
      <Notices ctx={ctx} scope={scope} detail={detail} notice={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <div className="inquiry-layout">
        <div className="inquiry-main">
          <h2>{inquiry.subject || t('inquiries.staff.conversation')}</h2>
          <Messages ctx={ctx} scope={scope} detail={detail} />
          <ReplyForm {...formProps} />
          {detail.duplicates.length > 0 && (
            <>
              <h2>{t('inquiries.staff.duplicates')}</h2>
              <ul>
                {detail.duplicates.map((d) => (
                  <li key={d.id}>
                    <a href={`/staff/${scope.agency}/iesniegumi/${d.id}`}>{d.reference}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <MoreActions {...formProps} />
          <details className="history">
            <summary>{t('inquiries.staff.historyCount', { count: detail.events.length })}</summary>
            <History ctx={ctx} detail={detail} />
          </details>
        </div>
        <SidePanel ctx={ctx} detail={detail} topics={topics} forms={<AssignForm {...formProps} />} />
      </div>
      <script src="/static/inquiry-templates.js" defer />
    </>
  );
}

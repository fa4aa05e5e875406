import { ServiceErrorFromButton } from '../../registers/identity-check.views.tsx';
import { roleAllows } from '../../../platform/access/policy.ts';
import type { ReactNode } from 'react';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { ErrorSummary } from '../../../web/components.tsx';
import { formatDate, formatMoment } from '../../../web/format.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { InquiryDetail, TermView } from '../inquiries-staff.service.ts';
import { letterUrl } from './client-notice.ts';
import { SignatureVerdict } from '../../signatures/signatures.views.tsx';
import { ActionForms, type ActionFormsProps } from './action-forms.views.tsx';
import { DeadlineCell, topicLabel } from './inbox.views.tsx';

export type DetailNotice = { saved: boolean; letterHref: string | null };

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

const SUMMARY_KEYS = ['assigneeName', 'institutionName', 'intoReference', 'duplicateReference', 'from', 'to', 'deadline', 'reason', 'note', 'channel', 'medium'];

function eventSummary(details: Record<string, unknown>): string {
  return SUMMARY_KEYS.flatMap((key) => (typeof details[key] === 'string' && details[key] !== '' ? [`${key}: ${details[key] as string}`] : [])).join('; ');
}

function Messages({ ctx, scope, detail }: Pick<DetailProps, 'ctx' | 'scope' | 'detail'>) {
  const t = ctx.t;
  const base = `/staff/${scope.agency}/iesniegumi/${detail.inquiry.id}`;
  if (detail.messages.length === 0) return <p>{t('inquiries.staff.noMessages')}</p>;
  return (
    <ol style={{ listStyle: 'none', padding: 0 }}>
      {detail.messages.map((m) => {
        const files = detail.attachments.filter((a) => a.messageId === m.id);
        const medium = m.medium === 'email' || m.medium === 'letter' || m.medium === 'note' ? t(`inquiries.staff.media.${m.medium}`) : m.medium;
        return (
          <li key={m.id} className="card" style={{ marginBottom: '1rem', borderLeftColor: m.direction === 'in' ? 'var(--link)' : 'var(--ok)' }}>
            <h3 style={{ marginTop: 0 }}>
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
            <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.bodyText}</div>
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
    <div className="table-scroll">
      <table>
        <caption>{t('inquiries.staff.history')}</caption>
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
              <td style={{ overflowWrap: 'anywhere' }}>{eventSummary(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
]);

function eventLabel(ctx: PageContext, kind: string): string {
  return EVENT_KINDS.has(kind) ? ctx.t(`inquiries.staff.events.${kind as 'received'}`) : kind;
}

export function InquiryDetailView({ ctx, scope, detail, topics, errors, notice, forms }: DetailProps) {
  const t = ctx.t;
  const inquiry = detail.inquiry;
  return (
    <>
      <p>
        <a href={`/staff/${scope.agency}/iesniegumi`}>{t('inquiries.staff.backToInbox')}</a>
      </p>
      <h1>{t('inquiries.staff.detailTitle', { reference: inquiry.reference })}</h1>
      {notice.saved && (
        <p className="notice" role="status">
          {t('inquiries.staff.saved')}
          {notice.letterHref && (
            <>
              {' '}
              <a href={notice.letterHref}>{t('inquiries.staff.letterReady')}</a>
            </>
          )}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      {inquiry.overdue && (
        <p className="notice" style={{ borderLeftColor: 'var(--bad)' }}>
          <strong>
            <span aria-hidden="true">⚠ </span>
            {t('inquiries.staff.overdueLong', { date: formatDate(inquiry.deadline, ctx.lang) })}
          </strong>
        </p>
      )}
      {inquiry.dueSoon && (
        <p className="notice">
          <strong>
            <span aria-hidden="true">⏰ </span>
            {t('inquiries.staff.dueSoonLong', { date: formatDate(inquiry.deadline, ctx.lang) })}
          </strong>
        </p>
      )}
      {inquiry.forwardOverdue && (
        <p className="notice" style={{ borderLeftColor: 'var(--bad)' }}>
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
      {roleAllows(scope.role, 'registers.record') && <ServiceErrorFromButton ctx={ctx} agency={scope.agency} kind="inquiry" id={inquiry.id} />}
      <h2>{t('inquiries.staff.requester')}</h2>
      <dl className="facts">
        <Fact label={t('inquiries.staff.name')}>{inquiry.requesterName || t('inquiries.staff.anonymous')}</Fact>
        {inquiry.requesterEmail && <Fact label={t('inquiries.staff.email')}>{inquiry.requesterEmail}</Fact>}
        {inquiry.requesterPhone && <Fact label={t('inquiries.staff.phone')}>{inquiry.requesterPhone}</Fact>}
        {inquiry.requesterPersonalCode && <Fact label={t('inquiries.staff.personalCode')}>{inquiry.requesterPersonalCode}</Fact>}
        {inquiry.requesterAddress && <Fact label={t('inquiries.staff.address')}>{inquiry.requesterAddress}</Fact>}
        <Fact label={t('inquiries.staff.channel')}>{t(`inquiries.staff.channels.${inquiry.channel}`)}</Fact>
        <Fact label={t('inquiries.staff.receivedAt')}>{formatMoment(inquiry.receivedAt.toISOString(), ctx.lang)}</Fact>
        {inquiry.topic && <Fact label={t('inquiries.staff.topic')}>{topicLabel(inquiry.topic, topics)}</Fact>}
        <Fact label={t('inquiries.staff.subject')}>{inquiry.subject || t('inquiries.staff.noSubject')}</Fact>
        <Fact label={t('inquiries.staff.status')}>{t(`inquiries.staff.statuses.${inquiry.status}`)}</Fact>
        <Fact label={t('inquiries.staff.assignee')}>{inquiry.assignee?.name ?? t('inquiries.staff.unassigned')}</Fact>
      </dl>
      <h2>{t('inquiries.staff.deadlines')}</h2>
      <dl className="facts">
        <Fact label={t('inquiries.staff.answerDeadline')}>
          <Term ctx={ctx} term={detail.deadlines.answer} />
          {(inquiry.overdue || inquiry.dueSoon) && (
            <>
              <br />
              <DeadlineCell ctx={ctx} deadline={inquiry.deadline} overdue={inquiry.overdue} dueSoon={inquiry.dueSoon} />
            </>
          )}
        </Fact>
        <Fact label={t('inquiries.staff.forwardDeadline')}>
          <Term ctx={ctx} term={detail.deadlines.forward} />
        </Fact>
        <Fact label={t('inquiries.staff.extensionMax')}>
          {detail.deadlines.extensionMax ? <Term ctx={ctx} term={detail.deadlines.extensionMax} /> : t('inquiries.staff.extensionDisabled')}
        </Fact>
      </dl>
      <h2>{t('inquiries.staff.messages')}</h2>
      <Messages ctx={ctx} scope={scope} detail={detail} />
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
      <h2>{t('inquiries.staff.history')}</h2>
      <History ctx={ctx} detail={detail} />
      <ActionForms ctx={ctx} scope={scope} detail={detail} errors={errors} {...forms} />
    </>
  );
}

import { can } from '../../../platform/access/policy.ts';
import { ErrorSummary, type Option, SelectField, TextField, ScrollRegion } from '../../../web/components.tsx';
import { INQUIRY_STATUSES } from '../../../domain/inquiry/index.ts';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import { INQUIRY_CHANNELS } from '../inquiries.tables.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { formatDate } from '../../../web/format.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { StaffMember } from '../inquiries-staff.repository.ts';
import type { InboxItem } from '../inquiries-staff.schema.ts';

export type InboxFilters = Record<'status' | 'topic' | 'channel' | 'signature' | 'assignee' | 'overdue' | 'dueWithin' | 'q', string>;

/** Deadline with its state in words and a symbol, never by colour alone. */
export function DeadlineCell({ ctx, deadline, overdue, dueSoon }: { ctx: PageContext; deadline: string; overdue: boolean; dueSoon: boolean }) {
  const t = ctx.t;
  return (
    <>
      <span className={overdue || dueSoon ? 'deadline-near' : undefined}>{formatDate(deadline, ctx.lang)}</span>
      {overdue && (
        <>
          <br />
          <strong className="status status-closed">
            <span aria-hidden="true">⚠ </span>
            {t('inquiries.staff.overdue')}
          </strong>
        </>
      )}
      {dueSoon && (
        <>
          <br />
          <strong className="status status-outlined">
            <span aria-hidden="true">◷ </span>
            {t('inquiries.staff.dueSoon')}
          </strong>
        </>
      )}
    </>
  );
}

export function topicLabel(topic: string | null, topics: ReadonlyMap<string, string>): string {
  return topic ? (topics.get(topic) ?? topic) : '';
}

type InboxProps = {
  ctx: PageContext;
  scope: AgencyScope;
  agencyName: string;
  items: InboxItem[];
  nextCursor: string | null;
  filters: InboxFilters;
  errors: FieldError[];
  staff: StaffMember[];
  topics: ReadonlyMap<string, string>;
  overdueCount: number;
};

function FilterForm({ ctx, scope, filters, errors, staff, topics }: Pick<InboxProps, 'ctx' | 'scope' | 'filters' | 'errors' | 'staff' | 'topics'>) {
  const t = ctx.t;
  const any: Option = { value: '', label: t('inquiries.staff.filterAny') };
  const statusOptions: Option[] = [
    { value: 'open', label: t('inquiries.staff.filterStatusOpen') },
    { value: 'all', label: t('inquiries.staff.filterStatusAll') },
    ...INQUIRY_STATUSES.map((s) => ({ value: s, label: t(`inquiries.staff.statuses.${s}`) })),
  ];
  const error = (field: string) => errors.find((e) => e.field === field);
  // The rarer filters fold away unless one of them is in use (or wrong).
  const moreOpen = Boolean(filters.topic || filters.channel || filters.assignee || filters.dueWithin || error('dueWithin'));
  return (
    <form method="get" action={`/staff/${scope.agency}/iesniegumi`} className="filter-bar" aria-labelledby="inbox-filters">
      <h2 id="inbox-filters" className="visually-hidden">
        {t('inquiries.staff.filters')}
      </h2>
      <div className="filter-row">
        <TextField id="q" name="q" type="search" label={t('inquiries.staff.filterSearch')} hint={t('inquiries.staff.filterSearchHint')} value={filters.q} />
        <SelectField id="status" name="status" label={t('inquiries.staff.filterStatus')} value={filters.status || 'open'} options={statusOptions} />
        <div className="field checkbox">
          <input type="checkbox" id="field-overdue" name="overdue" value="true" defaultChecked={filters.overdue === 'true'} />
          <label htmlFor="field-overdue">{t('inquiries.staff.filterOverdue')}</label>
        </div>
        <div className="filter-submit">
          <button type="submit">{t('inquiries.staff.applyFilters')}</button>
        </div>
      </div>
      <details className="filter-more" open={moreOpen || undefined}>
        <summary>{t('inquiries.staff.moreFilters')}</summary>
        <div className="filter-row">
          <SelectField id="topic" name="topic" label={t('inquiries.staff.filterTopic')} value={filters.topic} options={[any, ...[...topics].map(([value, label]) => ({ value, label }))]} />
          <SelectField
            id="channel"
            name="channel"
            label={t('inquiries.staff.filterChannel')}
            value={filters.channel}
            options={[any, ...INQUIRY_CHANNELS.map((c) => ({ value: c, label: t(`inquiries.staff.channels.${c}`) }))]}
          />
          <SelectField
            id="signature"
            name="signature"
            label={t('signatures.filterLabel')}
            value={filters.signature}
            options={[any, { value: 'missing-or-invalid', label: t('signatures.filterMissingOrInvalid') }]}
          />
          <SelectField
            id="assignee"
            name="assignee"
            label={t('inquiries.staff.filterAssignee')}
            value={filters.assignee}
            options={[
              any,
              { value: 'me', label: t('inquiries.staff.filterAssigneeMe') },
              { value: 'none', label: t('inquiries.staff.filterAssigneeNone') },
              ...staff.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <TextField
            id="dueWithin"
            name="dueWithin"
            type="number"
            label={t('inquiries.staff.filterDueWithin')}
            hint={t('inquiries.staff.filterDueWithinHint')}
            value={filters.dueWithin}
            error={error('dueWithin')}
          />
        </div>
        <p>
          <a href={`/staff/${scope.agency}/iesniegumi`}>{t('inquiries.staff.clearFilters')}</a>
        </p>
      </details>
    </form>
  );
}

export function InboxView(props: InboxProps) {
  const { ctx, scope, agencyName, items, nextCursor, filters, errors, topics } = props;
  const t = ctx.t;
  const base = `/staff/${scope.agency}/iesniegumi`;
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const nextHref = nextCursor ? `${base}?${new URLSearchParams([...query, ['cursor', nextCursor]]).toString()}` : null;
  return (
    <>
      <h1>{t('inquiries.staff.inboxHeading', { agency: agencyName })}</h1>
      <p>{t('inquiries.staff.inboxIntro')}</p>
      {props.overdueCount > 0 && (
        <p className="notice" role="status">
          <strong>
            <span aria-hidden="true">⚠ </span>
            {t('inquiries.staff.overdue')}: {props.overdueCount}
          </strong>
        </p>
      )}
      <ul>
        {can(scope, 'inquiries.work') && (
          <li>
            <a href={`${base}/registret`}>{t('inquiries.staff.register')}</a>
          </li>
        )}
        <li>
          <a href={`${base}/veidnes`}>{t('inquiries.staff.templatesLink')}</a>
        </li>
      </ul>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FilterForm {...props} />
      {items.length === 0 ? (
        <p>{t('inquiries.staff.noResults')}</p>
      ) : (
        <ScrollRegion label={t('inquiries.staff.tableCaption', { count: items.length })}>
          <table>
            <caption>{t('inquiries.staff.tableCaption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inquiries.staff.colReference')}</th>
                <th scope="col">{t('inquiries.staff.colDeadline')}</th>
                <th scope="col">{t('inquiries.staff.colRequester')}</th>
                <th scope="col">{t('inquiries.staff.colSubject')}</th>
                <th scope="col">{t('inquiries.staff.colChannel')}</th>
                <th scope="col">{t('inquiries.staff.colStatus')}</th>
                <th scope="col">{t('inquiries.staff.colAssignee')}</th>
                <th scope="col">{t('inquiries.staff.colReceived')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-overdue={item.overdue ? 'true' : undefined} className={item.overdue ? 'overdue-row' : undefined}>
                  <th scope="row">
                    <a href={`${base}/${item.id}`}>{item.reference}</a>
                  </th>
                  <td>
                    <DeadlineCell ctx={ctx} deadline={item.deadline} overdue={item.overdue} dueSoon={item.dueSoon} />
                  </td>
                  <td>{item.requesterName || t('inquiries.staff.anonymous')}</td>
                  <td>
                    {item.subject || t('inquiries.staff.noSubject')}
                    {item.topic && (
                      <>
                        <br />
                        <span className="muted">{topicLabel(item.topic, topics)}</span>
                      </>
                    )}
                  </td>
                  <td>{t(`inquiries.staff.channels.${item.channel}`)}</td>
                  <td>{t(`inquiries.staff.statuses.${item.status}`)}</td>
                  <td>{item.assignee?.name ?? t('inquiries.staff.unassigned')}</td>
                  <td>{formatDate(item.receivedOn, ctx.lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p>
        {nextHref && (
          <a href={nextHref} rel="next">
            {t('inquiries.staff.nextPage')}
          </a>
        )}
        {ctx.query.get('cursor') && (
          <>
            {' '}
            <a href={`${base}${query.size ? `?${query.toString()}` : ''}`}>{t('inquiries.staff.firstPage')}</a>
          </>
        )}
      </p>
    </>
  );
}

import { maskSecrets } from './mask-secrets.ts';
import type { Language } from '../../platform/i18n/index.ts';
import type { OutboxRow } from '../../platform/mail/mail.repository.ts';
import { type PageContext, withLang } from '../../web/page-context.ts';
import type { OutboxListing } from './outbox.service.ts';
import type { OutboxEntry } from './outbox.sources.ts';
import { formatter } from '../../web/format.ts';
import { ScrollRegion } from '../../web/components.tsx';

const LOCALES: Record<Language, string> = { lv: 'lv-LV', en: 'en-GB' };

/** "21.11.2026, 18:05" in Riga time, with the year: mail is looked up long after. */
function formatStamp(at: Date, lang: Language): string {
  return formatter(lang, { timeZone: 'Europe/Riga', dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

function formatSize(bytes: number, lang: Language): string {
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / 1024 / 1024)} MB`;
}

export function mailStatus(ctx: PageContext, row: OutboxRow): string {
  if (row.sentAt) return ctx.t('outbox.sent');
  if (row.transport === 'outbox') return ctx.t('outbox.kept');
  if (!row.error) return ctx.t('outbox.pending');
  return row.nextAttemptAt ? ctx.t('outbox.failed') : ctx.t('outbox.gaveUp', { attempts: row.attempts });
}

export function OutboxListView({ ctx, rows, others, agencyNames, pageSize }: { ctx: PageContext; rows: OutboxRow[]; others: OutboxListing['others']; agencyNames: Map<string, string>; pageSize: number }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <ScrollRegion label={t('outbox.caption')}>
          <table>
            <caption>{t('outbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.created')}</th>
                <th scope="col">{t('outbox.agency')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={row.createdAt.toISOString()}>{formatStamp(row.createdAt, lang)}</time>
                  </td>
                  <td>{agencyNames.get(row.agency ?? '') ?? row.agency}</td>
                  <td>{row.toAddress}</td>
                  <td>
                    <a href={withLang(`/staff/outbox/${row.id}`, ctx)}>{row.subject || t('outbox.noSubject')}</a>
                  </td>
                  <td>{mailStatus(ctx, row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {rows.length >= pageSize && <p className="muted">{t('outbox.latestOnly', { count: pageSize })}</p>}
      {others.map(({ source, entries }) => (
        <section key={source.name}>
          <h2 id={`outbox-${source.name}`}>{source.title[lang]}</h2>
          {entries.length === 0 ? <p>{t('outbox.noDeliveries')}</p> : <DeliveriesTable ctx={ctx} title={source.title[lang]} entries={entries} agencyNames={agencyNames} />}
          {entries.length >= pageSize && <p className="muted">{t('outbox.latestDeliveriesOnly', { count: pageSize })}</p>}
        </section>
      ))}
    </>
  );
}

function deliveryStatus(ctx: PageContext, entry: OutboxEntry) {
  if (entry.status === 'failed') return <strong>{ctx.t('outbox.delivery.failed', { attempts: entry.attempts })}</strong>;
  return ctx.t(`outbox.delivery.${entry.status}`);
}

/** Deliveries of a registered source (integration callbacks): host, reference, kind, status, attempts, last error. */
function DeliveriesTable({ ctx, title, entries, agencyNames }: { ctx: PageContext; title: string; entries: OutboxEntry[]; agencyNames: Map<string, string> }) {
  const { t, lang } = ctx;
  return (
    <ScrollRegion label={title}>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outbox.created')}</th>
            <th scope="col">{t('outbox.agency')}</th>
            <th scope="col">{t('outbox.target')}</th>
            <th scope="col">{t('outbox.reference')}</th>
            <th scope="col">{t('outbox.kind')}</th>
            <th scope="col">{t('outbox.status')}</th>
            <th scope="col">{t('outbox.attempts')}</th>
            <th scope="col">{t('outbox.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.createdAt.toISOString()}>{formatStamp(entry.createdAt, lang)}</time>
              </td>
              <td>{agencyNames.get(entry.agency) ?? entry.agency}</td>
              <td className="wrap-anywhere">{entry.target}</td>
              <td>{entry.reference ?? '—'}</td>
              <td>{entry.kind[lang]}</td>
              <td>
                {deliveryStatus(ctx, entry)}
                {entry.sentAt && (
                  <>
                    {' '}
                    (<time dateTime={entry.sentAt.toISOString()}>{formatStamp(entry.sentAt, lang)}</time>)
                  </>
                )}
              </td>
              <td>{entry.attempts}</td>
              <td className="wrap-anywhere">{entry.lastError ? maskSecrets(entry.lastError) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function OutboxMailView({ ctx, row, agencyName }: { ctx: PageContext; row: OutboxRow; agencyName: string }) {
  const { t, lang } = ctx;
  const headers = Object.entries(row.headers ?? {});
  return (
    <>
      <p>
        <a href={withLang('/staff/outbox', ctx)}>{t('outbox.back')}</a>
      </p>
      <h1>{t('outbox.detailTitle', { subject: row.subject || t('outbox.noSubject') })}</h1>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('outbox.agency')}</dt>
          <dd>{agencyName}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('outbox.from')}</dt>
          <dd>{row.fromAddress}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('outbox.to')}</dt>
          <dd>{row.toAddress}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('outbox.subject')}</dt>
          <dd>{row.subject || t('outbox.noSubject')}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('outbox.created')}</dt>
          <dd>
            <time dateTime={row.createdAt.toISOString()}>{formatStamp(row.createdAt, lang)}</time>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('outbox.status')}</dt>
          <dd>
            {mailStatus(ctx, row)}
            {row.sentAt && (
              <>
                {' '}
                (<time dateTime={row.sentAt.toISOString()}>{formatStamp(row.sentAt, lang)}</time>)
              </>
            )}
          </dd>
        </div>
        {row.error && !row.sentAt && (
          <div className="facts-row">
            <dt>{t('outbox.error')}</dt>
            <dd>{row.error}</dd>
          </div>
        )}
      </dl>

      <h2>{t('outbox.headers')}</h2>
      {headers.length === 0 ? (
        <p>{t('outbox.noHeaders')}</p>
      ) : (
        <ScrollRegion label={t('outbox.headers')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('outbox.headerName')}</th>
                <th scope="col">{t('outbox.headerValue')}</th>
              </tr>
            </thead>
            <tbody>
              {headers.map(([name, value]) => (
                <tr key={name}>
                  <td>{name}</td>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h2>{t('outbox.text')}</h2>
      <pre className="mail-text pre-wrap">
        {maskSecrets(row.bodyText)}
      </pre>

      <h2>{t('outbox.attachments')}</h2>
      {row.attachments.length === 0 ? (
        <p>{t('outbox.noAttachments')}</p>
      ) : (
        <ul>
          {row.attachments.map((a, i) => (
            <li key={`${i}-${a.fileName}`}>
              {a.fileName} <span className="muted">({a.contentType}, {formatSize(Math.floor((a.contentBase64.length * 3) / 4), lang)})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

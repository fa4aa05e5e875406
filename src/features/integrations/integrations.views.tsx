import type { FieldError } from '../../platform/http/problem.ts';
import { CheckboxField, CsrfField, ErrorSummary, errorFor, TextField, ScrollRegion } from '../../web/components.tsx';
import { formatMoment } from '../../web/format.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { CallbackRow } from './callbacks.service.ts';
import type { IntegrationKeyRow } from './integration-keys.service.ts';
import { INTEGRATION_CHANNELS } from './integrations.tables.ts';

export type NewKeyShown = { key: string; callbackSecret: string; label: string };

type Props = {
  ctx: PageContext;
  agency: string;
  keys: readonly IntegrationKeyRow[];
  callbacks: readonly CallbackRow[];
  values: Record<string, string>;
  errors: FieldError[];
  shown: NewKeyShown | null;
  notice: string | null;
};

function KeysTable({ ctx, agency, keys }: Pick<Props, 'ctx' | 'agency' | 'keys'>) {
  const t = ctx.t;
  if (keys.length === 0) return <p>{t('integrations.noKeys')}</p>;
  return (
    // Wider than a phone: the scrolled region takes the keyboard focus (WCAG 2.1.1).
    <ScrollRegion label={t('integrations.keysHeading')}>
      <table>
        <caption>{t('integrations.keysHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('integrations.label')}</th>
            <th scope="col">{t('integrations.channels')}</th>
            <th scope="col">{t('integrations.callbackUrl')}</th>
            <th scope="col">{t('integrations.created')}</th>
            <th scope="col">{t('integrations.lastUsed')}</th>
            <th scope="col">{t('integrations.status')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td>
                {k.label} <code>{k.keyPrefix}…</code>
              </td>
              <td>{k.channels.map((c) => t(`integrations.channel.${c}`)).join(', ')}</td>
              <td className="wrap-anywhere">{k.callbackUrl ?? '—'}</td>
              <td>{formatMoment(k.createdAt.toISOString(), ctx.lang)}</td>
              <td>{k.lastUsedAt ? formatMoment(k.lastUsedAt.toISOString(), ctx.lang) : t('integrations.never')}</td>
              <td>
                {k.revokedAt ? (
                  t('integrations.revoked')
                ) : (
                  <form method="post" action={`/staff/${agency}/integracijas/${k.id}/atsaukt`}>
                    <CsrfField ctx={ctx} />
                    {t('integrations.active')}{' '}
                    <button type="submit" aria-label={`${t('integrations.revoke')}: ${k.label}`}>
                      {t('integrations.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function CallbacksTable({ ctx, callbacks }: Pick<Props, 'ctx' | 'callbacks'>) {
  const t = ctx.t;
  if (callbacks.length === 0) return <p>{t('integrations.noCallbacks')}</p>;
  return (
    <ScrollRegion label={t('integrations.callbacksHeading')}>
      <table>
        <caption>{t('integrations.callbacksHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('integrations.created')}</th>
            <th scope="col">{t('integrations.kind')}</th>
            <th scope="col">{t('integrations.status')}</th>
            <th scope="col">{t('integrations.attempts')}</th>
            <th scope="col">{t('integrations.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {callbacks.map((c) => (
            <tr key={c.id} className={c.status === 'failed' ? 'row-failed' : undefined}>
              <td>{formatMoment(c.createdAt.toISOString(), ctx.lang)}</td>
              <td>{c.kind}</td>
              <td>{c.status === 'failed' ? <strong>{t(`integrations.callbackStatus.${c.status}`)}</strong> : t(`integrations.callbackStatus.${c.status}`)}</td>
              <td>{c.attempts}</td>
              <td>{c.lastError ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** /staff/{agency}/integracijas: keys (created, shown once, revoked) and the callbacks' outbox. */
export function IntegrationsView({ ctx, agency, keys, callbacks, values, errors, shown, notice }: Props) {
  const t = ctx.t;
  return (
    <>
      <h1>{t('integrations.title')}</h1>
      <p>{t('integrations.intro')}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {shown && (
        <section className="notice" aria-labelledby="new-key">
          <h2 id="new-key">
            {t('integrations.newKeyHeading')}: {shown.label}
          </h2>
          <p>
            <strong>{t('integrations.shownOnce')}</strong>
          </p>
          <dl className="facts">
            <div className="facts-row">
              <dt>{t('integrations.keyLabel')}</dt>
              <dd>
                <code className="wrap-anywhere">{shown.key}</code>
              </dd>
            </div>
            <div className="facts-row">
              <dt>{t('integrations.secretLabel')}</dt>
              <dd>
                <code className="wrap-anywhere">{shown.callbackSecret}</code>
              </dd>
            </div>
          </dl>
        </section>
      )}
      <h2>{t('integrations.keysHeading')}</h2>
      <KeysTable ctx={ctx} agency={agency} keys={keys} />
      <h2 id="create">{t('integrations.create')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/staff/${agency}/integracijas`} noValidate>
        <CsrfField ctx={ctx} />
        <TextField id="label" name="label" label={t('integrations.label')} value={values['label']} error={errorFor(errors, 'label')} required />
        <fieldset className="field" id="field-channels">
          <legend>{t('integrations.channels')}</legend>
          {errorFor(errors, 'channels') && <p className="error-message">{errorFor(errors, 'channels')?.message}</p>}
          {INTEGRATION_CHANNELS.map((c) => (
            <CheckboxField key={c} id={`channel-${c}`} name={`channel-${c}`} label={t(`integrations.channel.${c}`)} checked={values[`channel-${c}`] === 'yes'} />
          ))}
        </fieldset>
        <TextField id="callbackUrl" name="callbackUrl" type="url" label={t('integrations.callbackUrl')} hint={t('integrations.callbackUrlHint')} value={values['callbackUrl']} error={errorFor(errors, 'callbackUrl')} />
        <button type="submit">{t('integrations.create')}</button>
      </form>
      <h2>{t('integrations.callbacksHeading')}</h2>
      <CallbacksTable ctx={ctx} callbacks={callbacks} />
    </>
  );
}

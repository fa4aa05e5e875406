import { INCIDENT_ACTIONS, INCIDENT_KINDS, INCIDENT_STATUSES } from '../../domain/registers/index.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField, errorFor } from '../../web/components.tsx';
import { type PageContext, withLang } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { IncidentRow } from './incidents.service.ts';
import { Checkboxes, Facts, FilterForm, Notice, PostForm, RegisterNav, registersPath, RegisterTable } from './register-common.views.tsx'
import { channelName, incidentChannelIds, placeIds, placeName, formatAt } from './register-support.ts';

type ListProps = { ctx: PageContext; profile: AgencyProfile; rows: IncidentRow[]; page: number; hasMore: boolean; values: Record<string, string>; errors: FieldError[]; onlyOwn: boolean; mayRecord: boolean };

export function placeOptions(profile: AgencyProfile, lang: 'lv' | 'en') {
  return placeIds(profile).map((id) => ({ value: id, label: placeName(profile, id, lang) }));
}

export function IncidentListView({ ctx, profile, rows, page, hasMore, values, errors, onlyOwn, mayRecord }: ListProps) {
  const { t, lang } = ctx;
  const path = registersPath(profile.slug, '/incidenti');
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.incidents.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {onlyOwn && <p>{t('registers.list.onlyOwn')}</p>}
      {mayRecord && (
        <p>
          <a className="button" href={withLang(`${path}/jauns`, ctx)}>
            {t('registers.incidents.newTitle')}
          </a>
        </p>
      )}
      <FilterForm
        ctx={ctx}
        action={path}
        values={values}
        errors={errors}
        selects={[
          { name: 'kind', label: t('registers.incidents.kind'), options: INCIDENT_KINDS.map((k) => ({ value: k, label: t(`registers.kinds.${k}`) })) },
          { name: 'status', label: t('registers.incidents.status'), options: INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`registers.incidentStatuses.${s}`) })) },
          { name: 'centre', label: t('registers.incidents.centre'), options: placeOptions(profile, lang) },
        ]}
      />
      <RegisterTable
        ctx={ctx}
        path={path}
        values={values}
        page={page}
        hasMore={hasMore}
        title={t('registers.incidents.title')}
        headers={[t('registers.incidents.occurredAt'), t('registers.incidents.kind'), t('registers.csv.centre'), t('registers.incidents.status')]}
        rows={rows}
        first={(r) => formatAt(r.occurredAt, lang)}
        cells={(r) => [t(`registers.kinds.${r.kind}`), placeName(profile, r.centreId, lang) || channelName(profile, r.channelId, lang), t(`registers.incidentStatuses.${r.status}`)]}
      />
    </>
  );
}

type FormProps = { ctx: PageContext; profile: AgencyProfile; values: Record<string, string>; actions: string[]; errors: FieldError[]; linkLabel: string | null };

export function IncidentFormView({ ctx, profile, values, actions, errors, linkLabel }: FormProps) {
  const { t, lang } = ctx;
  const none = { value: '', label: t('registers.incidents.noPlace') };
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.incidents.newTitle')}</h1>
      <PostForm ctx={ctx} action={registersPath(profile.slug, '/incidenti/jauns')} errors={errors}>
        {(['appointmentId', 'ticketId', 'callId'] as const).map((k) => (values[k] ? <input key={k} type="hidden" name={k} value={values[k]} /> : null))}
        {linkLabel && <p>{t('registers.incidents.links')}: {linkLabel}</p>}
        <TextField name="occurredAt" type="datetime-local" label={t('registers.incidents.occurredAt')} hint={t('registers.incidents.occurredAtHint')} value={values['occurredAt']} error={errorFor(errors, 'occurredAt')} required />
        <SelectField name="centre" label={t('registers.incidents.centre')} value={values['centre']} error={errorFor(errors, 'centre')} options={[none, ...placeOptions(profile, lang)]} />
        <SelectField
          name="channel"
          label={t('registers.incidents.channel')}
          value={values['channel']}
          error={errorFor(errors, 'channel')}
          options={[none, ...incidentChannelIds(profile).map((id) => ({ value: id, label: channelName(profile, id, lang) }))]}
        />
        <SelectField name="kind" label={t('registers.incidents.kind')} value={values['kind']} error={errorFor(errors, 'kind')} options={[{ value: '', label: '—' }, ...INCIDENT_KINDS.map((k) => ({ value: k, label: t(`registers.kinds.${k}`) }))]} required />
        <TextAreaField name="description" label={t('registers.incidents.description')} value={values['description']} error={errorFor(errors, 'description')} rows={5} maxLength={4000} required />
        <Checkboxes name="actions" legend={t('registers.incidents.actions')} checked={actions} error={errorFor(errors, 'actions')} options={INCIDENT_ACTIONS.map((a) => ({ value: a, label: t(`registers.actions.${a}`) }))} />
        <TextField name="staffInvolved" label={t('registers.incidents.staffInvolved')} value={values['staffInvolved']} error={errorFor(errors, 'staffInvolved')} />
        <TextField name="client" label={t('registers.incidents.client')} hint={t('registers.incidents.clientHint')} value={values['client']} error={errorFor(errors, 'client')} />
        <button type="submit">{t('registers.incidents.submit')}</button>
      </PostForm>
    </>
  );
}

type DetailProps = { ctx: PageContext; profile: AgencyProfile; row: IncidentRow; recorder: string; mayReview: boolean; errors: FieldError[]; notice: string | null };

export function IncidentDetailView({ ctx, profile, row, recorder, mayReview, errors, notice }: DetailProps) {
  const { t, lang } = ctx;
  const path = registersPath(profile.slug, `/incidenti/${row.id}`);
  const links: Array<[string, string]> = [
    ...(row.appointmentId ? [[t('registers.incidents.appointment'), row.appointmentId] as [string, string]] : []),
    ...(row.ticketId ? [[t('registers.incidents.ticket'), row.ticketId] as [string, string]] : []),
    ...(row.callId ? [[t('registers.incidents.call'), row.callId] as [string, string]] : []),
  ];
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.incidents.detailTitle')}</h1>
      <Notice text={notice} />
      <Facts
        items={[
          [t('registers.incidents.occurredAt'), formatAt(row.occurredAt, lang)],
          [t('registers.incidents.centre'), placeName(profile, row.centreId, lang) || '—'],
          [t('registers.incidents.channel'), channelName(profile, row.channelId, lang) || '—'],
          [t('registers.incidents.kind'), t(`registers.kinds.${row.kind}`)],
          [t('registers.incidents.description'), row.description],
          [t('registers.incidents.actions'), row.actions.map((a) => t(`registers.actions.${a}`)).join(', ') || '—'],
          [t('registers.incidents.staffInvolved'), row.staffInvolved ?? '—'],
          [t('registers.incidents.client'), row.client ?? '—'],
          ...links,
          [t('registers.incidents.recordedBy'), recorder],
          [t('registers.incidents.status'), t(`registers.incidentStatuses.${row.status}`)],
          ...(row.reviewNote ? [[t('registers.incidents.reviewNote'), row.reviewNote] as [string, string]] : []),
          ...(row.closedAt ? [[t('registers.incidents.closedAt'), formatAt(row.closedAt, lang)] as [string, string]] : []),
        ]}
      />
      {mayReview && row.status === 'open' && (
        <PostForm ctx={ctx} action={`${path}/slegt`} errors={errors}>
          <h2>{t('registers.incidents.close')}</h2>
          <TextAreaField name="reviewNote" label={t('registers.incidents.reviewNote')} error={errorFor(errors, 'reviewNote')} rows={3} maxLength={4000} />
          <button type="submit">{t('registers.incidents.closeSubmit')}</button>
        </PostForm>
      )}
    </>
  );
}

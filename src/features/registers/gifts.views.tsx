import { GIFT_KINDS } from '../../domain/registers/index.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { ErrorSummary, RadioGroup, SelectField, TextAreaField, TextField, errorFor, ScrollRegion } from '../../web/components.tsx';
import { formatDate } from '../../web/format.ts';
import { type PageContext, withLang } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { GiftRow, GiftYear } from './gifts.service.ts';
import { Facts, FilterForm, Notice, PostForm, RegisterNav, registersPath, RegisterTable } from './register-common.views.tsx'
import { formatAt } from './register-support.ts';

export function euro(value: number | null, lang: 'lv' | 'en'): string {
  return value === null ? '—' : value.toLocaleString(lang === 'lv' ? 'lv-LV' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

type ListProps = { ctx: PageContext; profile: AgencyProfile; rows: GiftRow[]; page: number; hasMore: boolean; values: Record<string, string>; errors: FieldError[]; onlyOwn: boolean; mayRecord: boolean };

export function GiftListView({ ctx, profile, rows, page, hasMore, values, errors, onlyOwn, mayRecord }: ListProps) {
  const { t, lang } = ctx;
  const path = registersPath(profile.slug, '/davanas');
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.gifts.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {onlyOwn && <p>{t('registers.list.onlyOwn')}</p>}
      <p>
        {mayRecord && (
          <a className="button" href={withLang(`${path}/jauna`, ctx)}>
            {t('registers.gifts.newTitle')}
          </a>
        )}{' '}
        {!onlyOwn && <a href={withLang(`${path}/kopsavilkums`, ctx)}>{t('registers.gifts.summary')}</a>}
      </p>
      <FilterForm
        ctx={ctx}
        action={path}
        values={values}
        errors={errors}
        selects={[
          { name: 'kind', label: t('registers.gifts.kind'), options: GIFT_KINDS.map((k) => ({ value: k, label: t(`registers.giftKinds.${k}`) })) },
          { name: 'status', label: t('registers.incidents.status'), options: (['declined', 'accepted', 'unacknowledged'] as const).map((s) => ({ value: s, label: t(`registers.giftStatuses.${s}`) })) },
        ]}
      />
      <RegisterTable
        ctx={ctx}
        path={path}
        values={values}
        page={page}
        hasMore={hasMore}
        title={t('registers.gifts.title')}
        headers={[t('registers.gifts.offeredOn'), t('registers.gifts.what'), t('registers.gifts.estimatedValueEur'), t('registers.gifts.outcome')]}
        rows={rows}
        first={(r) => formatDate(r.offeredOn, lang)}
        cells={(r) => [`${t(`registers.giftKinds.${r.kind}`)}: ${r.what}`, euro(r.estimatedValueCents === null ? null : r.estimatedValueCents / 100, lang), r.declined ? t('registers.giftStatuses.declined') : t('registers.giftStatuses.accepted')]}
      />
    </>
  );
}

export function GiftFormView({ ctx, profile, values, errors }: { ctx: PageContext; profile: AgencyProfile; values: Record<string, string>; errors: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.gifts.newTitle')}</h1>
      <PostForm ctx={ctx} action={registersPath(profile.slug, '/davanas/jauna')} errors={errors}>
        <TextField name="offeredOn" type="date" label={t('registers.gifts.offeredOn')} hint={t('registers.list.dateHint')} value={values['offeredOn']} error={errorFor(errors, 'offeredOn')} required />
        <TextField name="offeredBy" label={t('registers.gifts.offeredBy')} hint={t('registers.gifts.offeredByHint')} value={values['offeredBy']} error={errorFor(errors, 'offeredBy')} />
        <SelectField name="kind" label={t('registers.gifts.kind')} value={values['kind']} error={errorFor(errors, 'kind')} options={[{ value: '', label: '—' }, ...GIFT_KINDS.map((k) => ({ value: k, label: t(`registers.giftKinds.${k}`) }))]} required />
        <TextAreaField name="what" label={t('registers.gifts.what')} value={values['what']} error={errorFor(errors, 'what')} rows={3} maxLength={1000} required />
        <TextField name="estimatedValueEur" label={t('registers.gifts.estimatedValueEur')} hint={t('registers.gifts.estimatedValueHint')} value={values['estimatedValueEur']} error={errorFor(errors, 'estimatedValueEur')} />
        <RadioGroup
          name="declined"
          legend={t('registers.gifts.outcome')}
          value={values['declined']}
          error={errorFor(errors, 'declined')}
          options={[
            { value: 'yes', label: t('registers.gifts.declined') },
            { value: 'no', label: t('registers.gifts.accepted') },
          ]}
        />
        <TextAreaField name="reason" label={t('registers.gifts.reason')} hint={t('registers.gifts.reasonHint')} value={values['reason']} error={errorFor(errors, 'reason')} rows={3} maxLength={4000} />
        <button type="submit">{t('registers.gifts.submit')}</button>
      </PostForm>
    </>
  );
}

export function GiftDetailView({ ctx, profile, row, declarer, mayReview, notice, errors }: { ctx: PageContext; profile: AgencyProfile; row: GiftRow; declarer: string; mayReview: boolean; notice: string | null; errors: FieldError[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.gifts.detailTitle')}</h1>
      <Notice text={notice} />
      <Facts
        items={[
          [t('registers.gifts.offeredOn'), formatDate(row.offeredOn, lang)],
          [t('registers.gifts.offeredBy'), row.offeredBy ?? '—'],
          [t('registers.gifts.kind'), t(`registers.giftKinds.${row.kind}`)],
          [t('registers.gifts.what'), row.what],
          [t('registers.gifts.estimatedValueEur'), euro(row.estimatedValueCents === null ? null : row.estimatedValueCents / 100, lang)],
          [t('registers.gifts.outcome'), row.declined ? t('registers.giftStatuses.declined') : t('registers.giftStatuses.accepted')],
          ...(row.reason ? [[t('registers.gifts.reason'), row.reason] as [string, string]] : []),
          [t('registers.incidents.recordedBy'), declarer],
          [t('registers.gifts.acknowledged'), row.acknowledgedAt ? formatAt(row.acknowledgedAt, lang) : '—'],
        ]}
      />
      {mayReview && !row.acknowledgedAt && (
        <PostForm ctx={ctx} action={registersPath(profile.slug, `/davanas/${row.id}/apstiprinat`)} errors={errors}>
          <button type="submit">{t('registers.gifts.acknowledge')}</button>
        </PostForm>
      )}
    </>
  );
}

export function GiftSummaryView({ ctx, profile, years }: { ctx: PageContext; profile: AgencyProfile; years: GiftYear[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.summaryYear')}</h1>
      {years.length === 0 ? (
        <p>{t('registers.list.none')}</p>
      ) : (
        <ScrollRegion label={t('registers.summaryYear')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registers.gifts.year')}</th>
                <th scope="col">{t('registers.gifts.declared')}</th>
                <th scope="col">{t('registers.gifts.declinedCount')}</th>
                <th scope="col">{t('registers.gifts.acceptedCount')}</th>
                <th scope="col">{t('registers.gifts.acknowledgedCount')}</th>
                <th scope="col">{t('registers.gifts.value')}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td>{y.declared}</td>
                  <td>{y.declined}</td>
                  <td>{y.accepted}</td>
                  <td>{y.acknowledged}</td>
                  <td>{euro(y.valueEur, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

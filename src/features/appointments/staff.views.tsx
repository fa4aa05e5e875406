import type { AgencyScope } from '../../platform/access/policy.ts';
import { roleAllows } from '../../platform/access/policy.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, SelectField, TextAreaField, TextField, ScrollRegion } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { AppointmentRow, CapacityChangeRow } from './appointments.repository.ts';
import { IDENTITY_DOCUMENT_KINDS } from './appointments.schema.ts';
import { serviceNeedsIdentification } from '../registers/identity-check.ts';
import { IdentityDocumentField, IncidentQuickEntryLink } from '../registers/identity-check.views.tsx';
import { DayReasonNotice, type TimeOption } from './booking.views.tsx';
import type { DayAvailability } from '../../domain/booking/index.ts';
import { formatDate } from '../../web/format.ts';
import { RadioGroup, formatTimeSpan, formatVisit } from './page-support.tsx';
import { findPlace, findService, placesOf, servicesOf } from './places.ts';
import { rigaIso } from './time-format.ts';

export const staffBase = (agency: string) => `/staff/${agency}/pieraksti`;
export type ScheduleFilters = { centre: string; date: string; view: 'day' | 'week'; specialist: string };

/** [value, label] pairs as the shared select's options. */
function Select({ name, label, value, options }: { name: string; label: string; value: string; options: Array<[string, string]> }) {
  return <SelectField name={name} label={label} value={value} options={options.map(([v, l]) => ({ value: v, label: l }))} />;
}

export function ScheduleView({ ctx, scope, profile, filters, rows }: { ctx: PageContext; scope: AgencyScope; profile: AgencyProfile; filters: ScheduleFilters; rows: AppointmentRow[] }) {
  const { t, lang } = ctx;
  const base = staffBase(scope.agency);
  const places = placesOf(profile);
  const specialists = places.flatMap((p) => p.specialists.map((s) => [s.id, `${s.name} (${p.name[lang]})`] as [string, string]));
  const byDay = new Map<string, AppointmentRow[]>();
  for (const row of rows) {
    const day = rigaIso(row.startsAt).slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), row]);
  }
  return (
    <>
      <h1>{t('appointments.staff.title')}</h1>
      <p>
        {roleAllows(scope.role, 'appointments.work') && <a href={`${base}/jauns`}>{t('appointments.staff.bookForClient')}</a>}
        {roleAllows(scope.role, 'appointments.configure') && (
          <>
            {' · '}
            <a href={`${base}/slegsana`}>{t('appointments.staff.closures')}</a>
          </>
        )}
      </p>
      <form method="get" action={base} className="filters" aria-label={t('appointments.staff.filters')}>
        <Select name="centre" label={t('appointments.staff.centre')} value={filters.centre} options={[['', t('appointments.staff.allCentres')], ...places.map((p) => [p.id, p.name[lang]] as [string, string])]} />
        <TextField name="date" type="date" label={t('appointments.staff.date')} value={filters.date} />
        <Select name="view" label={t('appointments.staff.view')} value={filters.view} options={[['day', t('appointments.staff.day')], ['week', t('appointments.staff.week')]]} />
        {specialists.length > 0 && <Select name="specialist" label={t('appointments.staff.specialist')} value={filters.specialist} options={[['', t('appointments.staff.anySpecialist')], ...specialists]} />}
        <button type="submit">{t('appointments.staff.show')}</button>
      </form>
      {rows.length === 0 && <p className="notice">{t('appointments.staff.none')}</p>}
      {[...byDay].map(([day, list]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{formatDate(day, lang, true)}</h2>
          <ScrollRegion labelledBy={`day-${day}`}>
            <table className="day-table">
              <thead>
                <tr>
                  <th scope="col">{t('appointments.staff.time')}</th>
                  <th scope="col">{t('appointments.staff.centre')}</th>
                  <th scope="col">{t('appointments.staff.service')}</th>
                  <th scope="col">{t('appointments.staff.client')}</th>
                  <th scope="col">{t('appointments.staff.code')}</th>
                  <th scope="col">{t('appointments.staff.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((row) => (
                  <tr key={row.id}>
                    <td>
                      {formatTimeSpan(row.startsAt, row.endsAt)}
                    </td>
                    <td>{findPlace(profile, row.centreId)?.name[lang] ?? row.centreId}</td>
                    <td>{findService(profile, row.serviceId)?.name[lang] ?? row.serviceId}</td>
                    <td>
                      <a href={`${base}/${row.id}`}>{row.clientName}</a>
                    </td>
                    <td>{row.bookingCode}</td>
                    <td>{t(`appointments.page.statuses.${row.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ))}
    </>
  );
}

export function StaffDetailView({ ctx, scope, profile, row, saved, errors }: { ctx: PageContext; scope: AgencyScope; profile: AgencyProfile; row: AppointmentRow; saved: boolean; errors: FieldError[] }) {
  const { t, lang } = ctx;
  const base = `${staffBase(scope.agency)}/${row.id}`;
  const place = findPlace(profile, row.centreId);
  const canWork = roleAllows(scope.role, 'appointments.work');
  const facts: Array<[string, string]> = [
    [t('appointments.staff.time'), formatVisit(row.startsAt, row.endsAt, lang)],
    [t('appointments.staff.centre'), `${place?.name[lang] ?? row.centreId}, ${place?.address ?? ''}`],
    [t('appointments.staff.service'), findService(profile, row.serviceId)?.name[lang] ?? row.serviceId],
    [t('appointments.staff.client'), row.clientName],
    [t('appointments.staff.contact'), [row.clientEmail, row.clientPhone].filter(Boolean).join(', ')],
    [t('appointments.staff.personalCode'), row.clientPersonalCode ?? '—'],
    [t('appointments.staff.companion'), t(`appointments.staff.companions.${row.companion}`)],
    [t('appointments.staff.channel'), t(`appointments.staff.channels.${row.channel}`)],
    [t('appointments.staff.status'), t(`appointments.page.statuses.${row.status}`)],
  ];
  if (row.reason) facts.push([t('appointments.staff.reason'), row.reason]);
  if (row.lateMinutes) facts.push([t('appointments.staff.late'), t('appointments.staff.lateMinutes', { minutes: row.lateMinutes })]);
  if (row.identityDocument) facts.push([t('appointments.staff.identityDocument'), t(`appointments.staff.documents.${row.identityDocument as (typeof IDENTITY_DOCUMENT_KINDS)[number]}`)]);
  const specialists = place?.specialists ?? [];
  return (
    <>
      <h1>{t('appointments.staff.detailTitle', { code: row.bookingCode })}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {saved && (
        <p className="notice" role="status">
          {t('appointments.staff.saved')}
        </p>
      )}
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div className="facts-row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {canWork && row.status === 'booked' && (
        <form method="post" action={`${base}/ierasanas`}>
          <CsrfField ctx={ctx} />
          <RadioGroup name="identityDocument" legend={t('appointments.staff.checkInLegend')} checked="id-card" options={IDENTITY_DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`appointments.staff.documents.${kind}`) }))} />
          <button type="submit">{t('appointments.staff.checkIn')}</button>
        </form>
      )}
      {canWork && (row.status === 'arrived' || row.status === 'booked') && (
        <form method="post" action={`${base}/rezultats`} className="button-row">
          <CsrfField ctx={ctx} />
          {row.status === 'arrived' && !row.identityDocument && (
            <IdentityDocumentField ctx={ctx} required={serviceNeedsIdentification(profile, row.serviceId)} error={errors.find((e) => e.field === 'identityDocument')} />
          )}
          {row.status === 'arrived' && (
            <button type="submit" name="outcome" value="served">
              {t('appointments.staff.served')}
            </button>
          )}{' '}
          <button type="submit" name="outcome" value="no-show" className="secondary">
            {t('appointments.staff.noShow')}
          </button>
        </form>
      )}
      {canWork && <IncidentQuickEntryLink ctx={ctx} agency={scope.agency} link={{ appointment: row.id }} />}
      {canWork && (
        <form method="post" action={`${base}/piezimes`}>
          <CsrfField ctx={ctx} />
          <TextAreaField name="notes" label={t('appointments.staff.notes')} value={row.notes} rows={3} />
          {specialists.length > 0 && (
            <Select name="specialist" label={t('appointments.staff.specialist')} value={row.specialistId ?? ''} options={[['', '—'], ...specialists.map((s) => [s.id, s.name] as [string, string])]} />
          )}
          <button type="submit" className="secondary">
            {t('appointments.staff.save')}
          </button>
        </form>
      )}
      {canWork && row.status === 'booked' && (
        <form method="post" action={`${base}/atcelt`}>
          <CsrfField ctx={ctx} />
          <TextField name="reason" label={t('appointments.staff.cancelReason')} error={errors.find((e) => e.field === 'reason')} required />
          <button type="submit" className="danger">
            {t('appointments.staff.cancel')}
          </button>
        </form>
      )}
    </>
  );
}

export function StaffBookView({
  ctx,
  scope,
  profile,
  choice,
  times,
  values,
  errors,
  bookedCode,
  reason,
}: {
  ctx: PageContext;
  scope: AgencyScope;
  profile: AgencyProfile;
  choice: { service: string; centre: string; day: string };
  times: TimeOption[];
  values: Record<string, string>;
  errors: FieldError[];
  bookedCode?: string | undefined;
  /** Why the chosen day has no times. */
  reason?: DayAvailability | undefined;
}) {
  const { t, lang } = ctx;
  const base = `${staffBase(scope.agency)}/jauns`;
  const err = (f: string) => errors.find((e) => e.field === f);
  return (
    <>
      <h1>{t('appointments.staff.bookForClient')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {bookedCode && (
        <p className="notice" role="status">
          {t('appointments.staff.booked', { code: bookedCode })}
        </p>
      )}
      <form method="get" action={base}>
        <Select name="service" label={t('appointments.staff.service')} value={choice.service} options={servicesOf(profile).map((s) => [s.id, s.name[lang]] as [string, string])} />
        <Select name="centre" label={t('appointments.staff.centre')} value={choice.centre} options={placesOf(profile).map((p) => [p.id, p.name[lang]] as [string, string])} />
        <TextField name="day" type="date" label={t('appointments.staff.date')} value={choice.day} />
        {/* A client handed over from the phone call log stays filled in while the day is chosen. */}
        {(['name', 'phone', 'email', 'personalCode'] as const).map((field) => (values[field] ? <input key={field} type="hidden" name={field} value={values[field]} /> : null))}
        <button type="submit" className="secondary">
          {t('appointments.staff.show')}
        </button>
      </form>
      {choice.day && times.length === 0 && <DayReasonNotice ctx={ctx} reason={reason} />}
      {times.length > 0 && (
        <form method="post" action={base} noValidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="service" value={choice.service} />
          <input type="hidden" name="centre" value={choice.centre} />
          <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? ''} />
          <RadioGroup name="start" legend={t('appointments.page.chooseTime')} grid checked={values.start || undefined} options={times.map((slot) => ({ value: slot.start, label: slot.label }))} />
          <TextField name="name" label={t('appointments.page.name')} value={values.name} error={err('name')} required />
          <TextField name="phone" type="tel" label={t('appointments.page.phone')} value={values.phone} error={err('phone')} />
          <TextField name="email" type="email" label={t('appointments.page.email')} value={values.email} error={err('email')} />
          <TextField name="personalCode" label={t('appointments.page.personalCode')} value={values.personalCode} error={err('personalCode')} />
          {profile.booking.requiresElectronicImpossibleReason && <TextField name="reason" label={t('appointments.page.reason')} value={values.reason} error={err('reason')} required />}
          <Select name="assistant" label={t('appointments.page.companion')} value={values.assistant ?? 'none'} options={[['none', t('appointments.page.companionNone')], ['assistant', t('appointments.page.companionAssistant')], ['interpreter', t('appointments.page.companionInterpreter')]]} />
          <button type="submit">{t('appointments.page.book')}</button>
        </form>
      )}
    </>
  );
}

export function ClosuresView({ ctx, scope, profile, changes, values, errors, done }: { ctx: PageContext; scope: AgencyScope; profile: AgencyProfile; changes: CapacityChangeRow[]; values: Record<string, string>; errors: FieldError[]; done?: { cancelled: number; moved: number } | undefined }) {
  const { t, lang } = ctx;
  const err = (f: string) => errors.find((e) => e.field === f);
  return (
    <>
      <h1>{t('appointments.staff.closures')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {done && (
        <p className="notice" role="status">
          {t('appointments.staff.closureDone', { count: done.cancelled, moved: done.moved })}
        </p>
      )}
      <form method="post" action={`${staffBase(scope.agency)}/slegsana`} noValidate>
        <CsrfField ctx={ctx} />
        <Select name="centre" label={t('appointments.staff.centre')} value={values.centre ?? ''} options={placesOf(profile).map((p) => [p.id, p.name[lang]] as [string, string])} />
        <Select name="service" label={t('appointments.staff.service')} value={values.service ?? ''} options={[['', t('appointments.staff.allServices')], ...servicesOf(profile).map((s) => [s.id, s.name[lang]] as [string, string])]} />
        <TextField name="from" type="date" label={t('appointments.staff.from')} value={values.from} error={err('from')} required />
        <TextField name="to" type="date" label={t('appointments.staff.to')} value={values.to} error={err('to')} required />
        <TextField name="capacity" type="number" label={t('appointments.staff.capacity')} value={values.capacity ?? '0'} error={err('capacity')} required />
        <TextField name="reason" label={t('appointments.staff.closureReason')} value={values.reason} error={err('reason')} required />
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="move" value="yes" defaultChecked={values.move === 'yes'} /> {t('appointments.staff.moveInstead')}
          </label>
        </div>
        <button type="submit">{t('appointments.staff.applyClosure')}</button>
      </form>
      {changes.length > 0 && (
        <section aria-labelledby="recent-changes">
          <h2 id="recent-changes">{t('appointments.staff.recentChanges')}</h2>
          <ul>
            {changes.map((c) => (
              <li key={c.id}>
                {c.fromDate}–{c.toDate}: {findPlace(profile, c.centreId)?.name[lang] ?? c.centreId}
                {c.serviceId ? `, ${findService(profile, c.serviceId)?.name[lang] ?? c.serviceId}` : ''} — {c.capacity} ({c.reason})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

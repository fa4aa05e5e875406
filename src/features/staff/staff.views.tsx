import type { FieldError } from '../../platform/http/problem.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { roleAllows } from '../../platform/access/policy.ts';
import { CsrfField, ErrorSummary, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';

export function SignInView({ ctx, email, errors, next }: { ctx: PageContext; email: string; errors: FieldError[]; next: string }) {
  const { t } = ctx;
  const byField = (field: string) => errors.find((e) => e.field === field);
  return (
    <>
      <h1>{t('staff.signInTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/staff/login${next ? `?next=${encodeURIComponent(next)}` : ''}`} noValidate>
        <CsrfField ctx={ctx} />
        <TextField name="email" type="email" label={t('staff.email')} value={email} autoComplete="username" error={byField('email')} required />
        <TextField name="password" type="password" label={t('staff.password')} autoComplete="current-password" error={byField('password')} required />
        <button type="submit">{t('staff.signIn')}</button>
      </form>
    </>
  );
}

export function SignOutForm({ ctx }: { ctx: PageContext }) {
  return (
    <form method="post" action="/staff/logout" className="inline-form">
      <CsrfField ctx={ctx} />
      <button type="submit" className="secondary">
        {ctx.t('staff.signOut')}
      </button>
    </form>
  );
}

export function StaffHomeView({ ctx, agencyNames }: { ctx: PageContext; agencyNames: Map<string, string> }) {
  const { t } = ctx;
  const staff = ctx.staff;
  if (!staff) return null;
  return (
    <>
      <h1>{t('staff.homeTitle')}</h1>
      <p>
        {t('staff.signedInAs', { name: `${staff.name} (${staff.email})` })} <SignOutForm ctx={ctx} />
      </p>
      <h2>{t('staff.yourAgencies')}</h2>
      <ul className="card-list">
        {staff.memberships.map((m) => (
          <li className="card" key={m.agency}>
            <h3>
              <a href={`/staff/${m.agency}`}>{agencyNames.get(m.agency) ?? m.agency}</a>
            </h3>
            <p>
              {t('staff.role')}: {t(`staff.roles.${m.role}`)}
            </p>
          </li>
        ))}
      </ul>
      {staff.memberships.some((m) => roleAllows(m.role, 'calendar.manage')) && (
        <p>
          <a href="/staff/kalendars">{t('staff.calendarTitle')}</a>
        </p>
      )}
    </>
  );
}

export function WorkplaceView({ ctx, scope, agencyName, walkIn }: { ctx: PageContext; scope: AgencyScope; agencyName: string; walkIn: boolean }) {
  const { t } = ctx;
  return (
    <>
      <h1>
        {t('staff.homeTitle')}: {agencyName}
      </h1>
      <p>
        {t('staff.signedInAs', { name: scope.actor.name })} · {t('staff.role')}: {t(`staff.roles.${scope.role}`)}{' '}
        <SignOutForm ctx={ctx} />
      </p>
      <ul>
        <li>
          <a href={`/staff/${scope.agency}/iesniegumi`}>{t('staff.inquiriesLink')}</a>
        </li>
        <li>
          <a href={`/staff/${scope.agency}/buj`}>{t('staff.faqLink')}</a>
        </li>
        <li>
          <a href={`/staff/${scope.agency}/pieraksti`}>{t('staff.appointmentsLink')}</a>
        </li>
        {walkIn && (
          <li>
            <a href={`/staff/${scope.agency}/rinda`}>{t('staff.queueLink')}</a>
          </li>
        )}
        {roleAllows(scope.role, 'feedback.results') && (
          <li>
            <a href={`/staff/${scope.agency}/atsauksmes`}>{t('staff.feedbackResultsLink')}</a>
          </li>
        )}
        {roleAllows(scope.role, 'standardFigures.view') && (
          <li>
            <a href={`/staff/${scope.agency}/standarts`}>{t('standardFigures.staffLink')}</a>
          </li>
        )}
        {roleAllows(scope.role, 'feedback.record') && (
          <>
            <li>
              <a href={`/staff/${scope.agency}/atsauksmes/jauna`}>{t('staff.feedbackRecordLink')}</a>
            </li>
            <li>
              <a href={`/staff/${scope.agency}/talrunis`}>{t('staff.phoneLogLink')}</a>
            </li>
          </>
        )}
        <li>
          <a href={`/staff/${scope.agency}/atsauksmes/mani`}>{t('staff.myFeedbackLink')}</a>
        </li>
        {roleAllows(scope.role, 'phone.read') && (
          <li>
            <a href={`/staff/${scope.agency}/talrunis/atzvani`}>{t('phone.staff.callbacksLink')}</a>
          </li>
        )}
        <li>
          <a href={`/staff/${scope.agency}/registri`}>{t('registers.title')}</a>
        </li>
        <li>
          <a href="/staff/outbox">{t('staff.outboxLink')}</a>
        </li>
        {roleAllows(scope.role, 'audit.read') && (
          <li>
            <a href={`/staff/${scope.agency}/audit`}>{t('auditLog.title')}</a>
          </li>
        )}
        {roleAllows(scope.role, 'calendar.manage') && (
          <li>
            <a href="/staff/kalendars">{t('staff.calendarTitle')}</a>
          </li>
        )}
        <li>
          <a href={`/${scope.agency}/standarts`}>{t('layout.standard')}</a>
        </li>
      </ul>
    </>
  );
}

// Pieces the queue console and the appointment page show: the identity-document field, and the quick entry
// "record an incident" (pre-fills place, time and client from the ticket or appointment).
import type { FieldError } from '../../platform/http/problem.ts';
import { SelectField } from '../../web/components.tsx';
import { type PageContext, withLang } from '../../web/page-context.ts';
import { IDENTITY_DOCUMENT_KINDS } from '../../domain/registers/index.ts';
import { registersPath } from './register-common.views.tsx'

export function IdentityDocumentField({ ctx, required, error, id }: { ctx: PageContext; required: boolean; error?: FieldError | undefined; id?: string }) {
  const { t } = ctx;
  return (
    <SelectField
      name="identityDocument"
      id={id ?? 'identityDocument'}
      label={required ? `${t('registers.identity.label')} ${t('registers.identity.required')}` : t('registers.identity.label')}
      hint={t('registers.identity.hint')}
      error={error}
      required={required}
      options={[{ value: '', label: t('registers.identity.notChecked') }, ...IDENTITY_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`registers.documents.${k}`) }))]}
    />
  );
}

/** "Record an incident" from the queue console (ticket) or the appointment page (appointment). */
export function IncidentQuickEntryLink({ ctx, agency, link }: { ctx: PageContext; agency: string; link: { ticket: string; centre: string } | { appointment: string } }) {
  const query = new URLSearchParams(link);
  return (
    <p className="incident-quick-entry">
      <a href={withLang(`${registersPath(agency, '/incidenti/jauns')}?${query.toString()}`, ctx)}>{ctx.t('registers.incidents.quickEntry')}</a>
    </p>
  );
}

/** "Record as a service error": the one action on a complaint opinion or an inquiry (the link is kept). */
export function ServiceErrorFromButton({ ctx, agency, kind, id }: { ctx: PageContext; agency: string; kind: 'opinion' | 'inquiry'; id: string }) {
  if (!ctx.csrfToken) return null;
  const path = registersPath(agency, kind === 'opinion' ? `/kludas/no-atsauksmes/${id}` : `/kludas/no-iesnieguma/${id}`);
  return (
    <form method="post" action={withLang(path, ctx)} className="inline-form service-error-from">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <button type="submit" className="secondary">
        {ctx.t(kind === 'opinion' ? 'registers.serviceErrors.fromOpinion' : 'registers.serviceErrors.fromInquiry')}
      </button>
    </form>
  );
}

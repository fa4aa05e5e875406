// CSV exports of the filtered registers (Excel: UTF-8 BOM, CRLF). Staff-typed text is neutralised against
// spreadsheet formulas. Each export is audited with its filters and row count.
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { translator, type Language } from '../../platform/i18n/index.ts';
import { selectGifts, giftJson } from './gifts.service.ts';
import { incidentJson, selectIncidents } from './incidents.service.ts';
import { channelName, placeName, profileOf, type RegisterDeps } from './register-support.ts';
import type { GiftListQuery, IncidentListQuery, ServiceErrorListQuery } from './registers.schema.ts';
import { selectServiceErrors, serviceErrorJson } from './service-errors.service.ts';

/** The most rows one export holds (the filters narrow a larger register). */
export const EXPORT_MAX_ROWS = 50_000;

/** One CSV cell: quoted when needed; a leading = + - @ (a formula in a spreadsheet) is prefixed with '. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: string[], rows: Array<Array<string | number | null>>): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

async function audited(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, recordType: string, query: object, rows: number): Promise<void> {
  await recordAudit(deps.db, deps.clock, origin, { action: `registers.${recordType}s-exported`, recordType, agency: scope.agency, details: { ...query, rows } });
}

export async function incidentsCsv(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, query: IncidentListQuery, lang: Language): Promise<string> {
  const t = translator(lang);
  const profile = profileOf(deps, scope);
  const rows = (await selectIncidents(deps.db, scope, query, EXPORT_MAX_ROWS)).map(incidentJson);
  await audited(deps, scope, origin, 'incident', query, rows.length);
  return csv(
    ['id', 'occurredAt', 'centre', 'channel', 'kind', 'actions', 'status', 'description'].map((h) => (h === 'id' ? 'ID' : t(`registers.csv.${h as 'kind'}`))),
    rows.map((r) => [r.id, r.occurredAt, placeName(profile, r.centre, lang), channelName(profile, r.channel, lang), t(`registers.kinds.${r.kind}`), r.actions.map((a) => t(`registers.actions.${a}`)).join('; '), t(`registers.incidentStatuses.${r.status}`), r.description]),
  );
}

export async function serviceErrorsCsv(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, query: ServiceErrorListQuery, lang: Language): Promise<string> {
  const t = translator(lang);
  const profile = profileOf(deps, scope);
  const now = new Date(deps.clock().epochMilliseconds);
  const rows = (await selectServiceErrors(deps.db, scope, query, EXPORT_MAX_ROWS)).map((r) => serviceErrorJson(r, [], now));
  await audited(deps, scope, origin, 'service-error', query, rows.length);
  return csv(
    ['id', 'createdAt', 'centre', 'concerns', 'cameToLight', 'status', 'daysOpen', 'description'].map((h) => (h === 'id' ? 'ID' : t(`registers.csv.${h as 'kind'}`))),
    rows.map((r) => [
      r.id,
      r.createdAt,
      placeName(profile, r.centre, lang),
      r.concerns ? `${t(`registers.concerns.${r.concerns.kind}`)} ${r.concerns.id}` : t('registers.serviceErrors.opinion'),
      t(`registers.cameToLight.${r.cameToLight}`),
      t(`registers.errorStatuses.${r.status}`),
      r.daysOpen,
      r.description,
    ]),
  );
}

export async function giftsCsv(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, query: GiftListQuery, lang: Language): Promise<string> {
  const t = translator(lang);
  const rows = (await selectGifts(deps.db, scope, query, EXPORT_MAX_ROWS)).map(giftJson);
  await audited(deps, scope, origin, 'gift', query, rows.length);
  return csv(
    ['id', 'offeredOn', 'kind', 'what', 'value', 'declined', 'acknowledged'].map((h) => (h === 'id' ? 'ID' : t(`registers.csv.${h as 'kind'}`))),
    rows.map((r) => [r.id, r.offeredOn, t(`registers.giftKinds.${r.kind}`), r.what, r.estimatedValueEur, r.declined ? t('registers.csv.yes') : t('registers.csv.no'), r.acknowledgedAt ? t('registers.csv.yes') : t('registers.csv.no')]),
  );
}

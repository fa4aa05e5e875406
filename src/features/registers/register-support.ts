import { withTransaction } from '../../platform/db/transaction.ts';
// What the three registers share: the transaction, who sees what, the period filter, field errors.
import { Temporal } from 'temporal-polyfill';
import { rigaIsoAt } from '../../domain/opening-hours/index.ts';
import { roleAllows, type AgencyScope } from '../../platform/access/policy.ts';
import { RIGA } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { formatter } from '../../web/format.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';

export type RegisterDeps = Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>;

/** Rows on one list page (one more is read to know whether a next page exists). */
export const PAGE_SIZE = 50;

export async function inTransaction<T>(deps: RegisterDeps, work: (tx: Database, now: Date) => Promise<T>): Promise<T> {
  const now = new Date(deps.clock().epochMilliseconds);
  return withTransaction(deps.db, (tx) => work(tx, now));
}

/** Specialists see only the entries they recorded; every other role sees the agency's. */
export function seesAll(scope: AgencyScope): boolean {
  return scope.role !== 'specialist';
}

/** Supervisors and administrators review: close incidents and errors, acknowledge gifts. */
export function mayReview(scope: AgencyScope): boolean {
  return roleAllows(scope.role, 'registers.review');
}

export function forbidden(): AppError {
  return new AppError(403, 'forbidden', 'errors.forbiddenTitle');
}

export function notFound(): AppError {
  return new AppError(404, 'register-entry-not-found', 'registers.errors.notFound');
}

/** A 400 with one field's error (nothing is written). */
export function fieldError(field: string, code: string, messageKey: MessageKey, values: Record<string, unknown> = {}): AppError {
  return new AppError(400, code, 'errors.validation', {}, [{ field, code, messageKey, values }]);
}

/** The entry is visible to this staff member (same agency is already in the query), or 403. */
export function requireVisible(scope: AgencyScope, recordedBy: string): void {
  if (!seesAll(scope) && recordedBy !== scope.actor.id) throw forbidden();
}

export function profileOf(deps: Pick<AppDeps, 'agencies'>, scope: AgencyScope): AgencyProfile {
  const profile = deps.agencies.get(scope.agency);
  if (!profile) throw new AppError(404, 'agency-not-found', 'errors.notFoundTitle');
  return profile;
}

export function rigaIso(at: Date): string {
  return rigaIsoAt(at.getTime());
}

/** Places of the profile an incident can happen at: service centres and video locations. */
export function placeIds(profile: AgencyProfile): string[] {
  return [...profile.serviceCentres.map((c) => c.id), ...(profile.videoConsultation?.locations.map((l) => l.id) ?? [])];
}

export function placeName(profile: AgencyProfile, id: string | null, lang: 'lv' | 'en'): string {
  if (!id) return '';
  const centre = profile.serviceCentres.find((c) => c.id === id) ?? profile.videoConsultation?.locations.find((l) => l.id === id);
  return centre ? centre.name[lang] : id;
}

export function channelName(profile: AgencyProfile, id: string | null, lang: 'lv' | 'en'): string {
  if (!id) return '';
  const channel = profile.channels.find((c) => c.id === id);
  return channel ? channel.label[lang] : id;
}

/** A list page: the rows, and whether another page follows. */
export function pageOf<T>(rows: T[], page: number): { items: T[]; page: number; hasMore: boolean } {
  return { items: rows.slice(0, PAGE_SIZE), page, hasMore: rows.length > PAGE_SIZE };
}

/** Channels an incident can happen on: phone lines and video consultation. */
export function incidentChannelIds(profile: AgencyProfile): string[] {
  return profile.channels.filter((c) => c.kind === 'phone' || c.kind === 'video-consultation').map((c) => c.id);
}

const MOMENT: Intl.DateTimeFormatOptions = { timeZone: 'Europe/Riga', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' };

/** "2026. gada 16. novembris 09:00" / "16 November 2026 at 09:00" (Riga time), for lists and details. */
export function formatAt(at: Date, lang: 'lv' | 'en'): string {
  return formatter(lang, MOMENT).format(at);
}

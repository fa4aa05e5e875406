import type { Temporal } from 'temporal-polyfill';
import { queueLetters } from '../../domain/queue/index.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AgencyProfile, ServiceCentre } from '../agencies/agency-profile.schema.ts';
import { hoursStatus } from '../agencies/agencies.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { formatMomentInSentence } from '../../web/format.ts';

/** A centre as the queue sees it: its profile entry, its services with their ticket letters. */
export type QueueCentre = {
  agency: AgencyProfile;
  centre: ServiceCentre;
  services: Array<{ id: string; letter: string; name: { lv: string; en: string }; durationMinutes: number }>;
};

export function queueCentreOf(agency: AgencyProfile, centreId: string): QueueCentre | null {
  const centre = agency.serviceCentres.find((c) => c.id === centreId);
  if (!centre) return null;
  const letters = queueLetters(agency.services);
  const services = centre.services.flatMap((id) => {
    const service = agency.services.find((s) => s.id === id);
    return service ? [{ id, letter: letters.get(id) ?? 'X', name: service.name, durationMinutes: service.durationMinutes }] : [];
  });
  return { agency, centre, services };
}

/** The centre, or 404. */
export function requireCentre(agency: AgencyProfile, centreId: string): QueueCentre {
  const centre = queueCentreOf(agency, centreId);
  if (!centre) throw new AppError(404, 'centre-not-found', 'queue.errors.centreNotFound');
  return centre;
}

/** The centre when it runs a walk-in queue; a centre that serves by appointment only refuses clearly (409). */
export function requireWalkInCentre(agency: AgencyProfile, centreId: string): QueueCentre {
  const centre = requireCentre(agency, centreId);
  if (!centre.centre.walkIn) throw new AppError(409, 'walk-in-not-offered', 'queue.errors.walkInNotOffered');
  return centre;
}

export function walkInCentres(agency: AgencyProfile): QueueCentre[] {
  return agency.serviceCentres.filter((c) => c.walkIn).flatMap((c) => queueCentreOf(agency, c.id) ?? []);
}

export function serviceOf(centre: QueueCentre, serviceId: string) {
  return centre.services.find((s) => s.id === serviceId);
}

/** A service the centre does not offer: a field error on `service` (400). */
export function requireService(centre: QueueCentre, serviceId: string, field = 'service') {
  const service = serviceOf(centre, serviceId);
  if (!service) throw new AppError(400, 'service-not-offered', 'queue.errors.serviceNotOffered', {}, [{ field, code: 'service_not_offered', messageKey: 'queue.errors.serviceNotOffered' }]);
  return service;
}

/** Counters are numbered 1…N from the profile. */
export function requireCounterNumber(centre: QueueCentre, counter: number, field = 'counter'): number {
  if (!Number.isInteger(counter) || counter < 1 || counter > centre.centre.counters) {
    throw new AppError(400, 'counter-not-found', 'queue.errors.counterNotFound', {}, [{ field, code: 'counter_not_found', messageKey: 'queue.errors.counterNotFound' }]);
  }
  return counter;
}

export async function centreOpenNow(db: Database, centre: QueueCentre, at: Temporal.Instant): Promise<{ open: boolean; nextOpening: string | null }> {
  const status = hoursStatus(centre.centre.hours, await loadCalendar({ db }), at);
  return { open: status.openNow, nextOpening: status.nextOpening };
}

/** Tickets are issued only while the centre is open (409 with the next opening). */
export async function requireOpenCentre(db: Database, centre: QueueCentre, at: Temporal.Instant): Promise<void> {
  const { open, nextOpening } = await centreOpenNow(db, centre, at);
  if (open) return;
  // The title is translated later in the request's language: each catalog takes its own form of the moment.
  const when = (lang: 'lv' | 'en') => formatMomentInSentence(nextOpening ?? '', lang);
  if (nextOpening) throw new AppError(409, 'centre-closed', 'queue.errors.centreClosedUntil', { whenLv: when('lv'), whenEn: when('en') }, [], { nextOpening });
  throw new AppError(409, 'centre-closed', 'queue.errors.centreClosed');
}

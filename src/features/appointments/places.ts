import type { BookableService, BookingPlace, BookingRules } from '../../domain/booking/index.ts';
import type { AgencyProfile, LocalizedText } from '../agencies/agency-profile.schema.ts';
import { toHoursSpec } from '../agencies/agencies.service.ts';

/** A client service centre or a video-consultation location (VPVKAC), as booking sees it. */
export type Place = BookingPlace & {
  kind: 'centre' | 'video';
  name: LocalizedText;
  address: string;
  city: string;
  /** Clients of a service this place takes at one time (before closures and capacity changes). */
  seatsFor: (serviceId: string) => number;
  specialists: ReadonlyArray<{ id: string; name: string; services: readonly string[] }>;
};

export type Service = BookableService & { name: LocalizedText; video: boolean };

const placeCache = new WeakMap<AgencyProfile, Place[]>();

/** Every bookable place of the agency: centres taking appointments, then video-consultation locations. */
export function placesOf(profile: AgencyProfile): Place[] {
  const cached = placeCache.get(profile);
  if (cached) return cached;
  const seatsOf = (id: string) => profile.services.find((s) => s.id === id)?.seatsAtOneTime ?? 1;
  const centres: Place[] = profile.serviceCentres
    .filter((c) => c.appointments)
    .map((c) => ({
      id: c.id,
      kind: 'centre',
      name: c.name,
      address: c.address,
      city: c.city,
      hours: toHoursSpec(c.hours),
      services: c.services,
      seatsFor: (serviceId) => c.seats[serviceId] ?? seatsOf(serviceId),
      specialists: c.specialists,
    }));
  const video = profile.videoConsultation;
  const locations: Place[] = (video?.locations ?? []).map((l) => ({
    id: l.id,
    kind: 'video',
    name: l.name,
    address: l.address,
    city: l.city,
    hours: toHoursSpec(l.hours),
    services: [video?.serviceId ?? ''],
    seatsFor: () => l.seats,
    specialists: [],
  }));
  const places = [...centres, ...locations];
  placeCache.set(profile, places);
  return places;
}

export function findPlace(profile: AgencyProfile, id: string): Place | undefined {
  return placesOf(profile).find((p) => p.id === id);
}

export function servicesOf(profile: AgencyProfile): Service[] {
  return profile.services.map((s) => ({
    id: s.id,
    name: s.name,
    durationMinutes: s.durationMinutes,
    bufferMinutes: s.bufferMinutes,
    video: s.id === profile.videoConsultation?.serviceId,
  }));
}

export function findService(profile: AgencyProfile, id: string): Service | undefined {
  return servicesOf(profile).find((s) => s.id === id);
}

export function bookingRulesOf(profile: AgencyProfile): BookingRules {
  return { minNoticeWorkingDays: profile.booking.minNoticeWorkingDays, horizonDays: profile.booking.horizonDays };
}

/** Whether the centre has a queue kiosk where a booked client types the booking code (profile `queueKiosk`, else walk-in). */
export function hasQueueKiosk(profile: AgencyProfile, centreId: string): boolean {
  const centre = profile.serviceCentres.find((c) => c.id === centreId);
  return centre ? (centre.queueKiosk ?? centre.walkIn) : false;
}

/** Whether the agency offers video consultations (its booking pages speak of them only then). */
export function offersVideo(profile: AgencyProfile): boolean {
  return (profile.videoConsultation?.locations.length ?? 0) > 0;
}

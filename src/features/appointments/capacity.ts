import type { CapacityChangeRow } from './appointments.repository.ts';
import type { Place } from './places.ts';

/**
 * Seats of a service at a place on a date: the profile's number, unless a closure or capacity change covers
 * the date (the latest recorded wins; one for a single service wins over one for the whole place of the same age).
 */
export function capacityOn(place: Place, serviceId: string, date: string, changes: readonly CapacityChangeRow[]): number {
  let capacity = place.seatsFor(serviceId);
  for (const change of changes) {
    if (change.centreId !== place.id || change.fromDate > date || change.toDate < date) continue;
    if (change.serviceId !== null && change.serviceId !== serviceId) continue;
    capacity = change.capacity;
  }
  return capacity;
}

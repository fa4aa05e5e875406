import { Temporal } from 'temporal-polyfill';

/** The `count` slots closest in time to `wanted` (earlier or later), in time order. */
export function nearestSlots<T extends { start: Temporal.Instant }>(candidates: readonly T[], wanted: Temporal.Instant, count: number): T[] {
  const distance = (slot: T) => Math.abs(slot.start.epochMilliseconds - wanted.epochMilliseconds);
  return [...candidates]
    .sort((a, b) => distance(a) - distance(b) || Temporal.Instant.compare(a.start, b.start))
    .slice(0, count)
    .sort((a, b) => Temporal.Instant.compare(a.start, b.start));
}

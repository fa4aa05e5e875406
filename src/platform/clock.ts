import { Temporal } from 'temporal-polyfill';
import { RIGA_TIME_ZONE, rigaDateAt } from '../domain/opening-hours/index.ts';

/** The current moment; injected so that tests and rules never read the wall clock themselves. */
export type Clock = () => Temporal.Instant;

export const systemClock: Clock = () => Temporal.Now.instant();

/** The clock's time in epoch milliseconds: for the system clock Date.now(), without making a Temporal.Instant. */
export function epochMillisecondsOf(clock: Clock): () => number {
  return clock === systemClock ? Date.now : () => clock().epochMilliseconds;
}

export function fixedClock(iso: string): Clock {
  const instant = Temporal.Instant.from(iso);
  return () => instant;
}

/** Every wall-clock time of the platform is Riga time (the domain's constant, one source). */
export const RIGA = RIGA_TIME_ZONE;

/** Today's date in Riga, 'YYYY-MM-DD'. */
export function rigaToday(clock: Clock): string {
  return rigaDateAt(clock().epochMilliseconds);
}

/** The instants bounding a Riga period [from, to] (dates 'YYYY-MM-DD', both included; either may be open). */
export function rigaPeriod(from?: string, to?: string): { start?: Date; end?: Date } {
  const midnight = (date: Temporal.PlainDate) => new Date(date.toZonedDateTime({ timeZone: RIGA }).toInstant().epochMilliseconds);
  const start = from ? midnight(Temporal.PlainDate.from(from)) : undefined;
  const end = to ? midnight(Temporal.PlainDate.from(to).add({ days: 1 })) : undefined;
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

import { Temporal } from 'temporal-polyfill';

/** The current moment; injected so that tests and rules never read the wall clock themselves. */
export type Clock = () => Temporal.Instant;

export const systemClock: Clock = () => Temporal.Now.instant();

export function fixedClock(iso: string): Clock {
  const instant = Temporal.Instant.from(iso);
  return () => instant;
}

export const RIGA = 'Europe/Riga';

/** Today's date in Riga, 'YYYY-MM-DD'. */
export function rigaToday(clock: Clock): string {
  return clock().toZonedDateTimeISO(RIGA).toPlainDate().toString();
}

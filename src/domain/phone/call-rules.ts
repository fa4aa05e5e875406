/** How a logged call ended (SPEC 7). */
export const CALL_OUTCOMES = ['answered', 'callback-arranged', 'written-inquiry-needed', 'forwarded', 'appointment-booked'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** The longest call the log accepts (4 hours). */
export const MAX_CALL_SECONDS = 4 * 60 * 60;

/**
 * A typed duration: "95" (seconds), "1:35" or "01:35" (minutes:seconds), "1:02:03" (hours:minutes:seconds).
 * Null for anything else, for a component out of range, or for more than MAX_CALL_SECONDS.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}(:\d{1,2}){0,2}$/.test(trimmed)) return null;
  const parts = trimmed.split(':').map(Number);
  if (parts.slice(1).some((p) => p > 59)) return null;
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds <= MAX_CALL_SECONDS ? seconds : null;
}

/** The median of counted values (value → how many), the mean of the two middle values for an even total. */
export function medianOfCounts(counts: ReadonlyArray<{ value: number; count: number }>): number | null {
  const sorted = [...counts].filter((c) => c.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((n, c) => n + c.count, 0);
  if (total === 0) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.count;
      if (rank < seen) return c.value;
    }
    return sorted[sorted.length - 1]?.value ?? 0;
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

/** Share in whole per cent, null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

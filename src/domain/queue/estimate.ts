/** How many recent service times the estimate looks at. */
export const RECENT_SERVICES = 20;

export type WaitEstimateInput = {
  /** Clients to be served before this one (for this service). */
  ahead: number;
  /** Recent service times in minutes (called → served), newest last; the last RECENT_SERVICES count. */
  recentServiceMinutes: readonly number[];
  /** Counters open for this service right now. */
  openCounters: number;
  /** The profile's duration of the service: the guess before any client is served. */
  defaultServiceMinutes: number;
};

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile (p in 0–100): a value that really occurred. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.min(index, sorted.length - 1)] as number;
}

/**
 * Estimated wait in whole minutes: the clients ahead, served in parallel by the open counters, each taking the
 * median of the recent service times (the profile's duration until there are any). With no counter open for the
 * service there is no estimate (null): nobody serves, so a client is never promised "0 min" or a guess.
 */
export function estimateWaitMinutes(input: WaitEstimateInput): number | null {
  if (input.openCounters <= 0) return null;
  if (input.ahead <= 0) return 0;
  const recent = input.recentServiceMinutes.slice(-RECENT_SERVICES);
  const perClient = median(recent) ?? input.defaultServiceMinutes;
  return Math.ceil((input.ahead * perClient) / input.openCounters);
}

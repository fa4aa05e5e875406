// The crowd of the public benchmarks (public.ts, crowd-with-writes.ts): autocannon from the benchmark's process.
import autocannon, { type Request } from 'autocannon';

/** What the benchmarks read from a crowd run. */
export type CrowdOutcome = { requestsPerSecond: number; p50Ms: number; p99Ms: number; maxMs: number; errors: number; timeouts: number; statuses: Record<number, number> };

/**
 * The crowd, sent by autocannon from this process. Not wrk: its percentiles are corrected for coordinated omission
 * (each slow answer is counted again for every interval it held its connection), so they are not the answers'
 * own times; docs/performance.md, session 15.
 */
export async function sendCrowd(base: string, requests: Request[], seconds: number, connections: number): Promise<CrowdOutcome> {
  const r = await autocannon({ url: base, connections, duration: seconds, timeout: 10, requests });
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([s, v]) => [Number(s), v.count]));
  return { requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max, errors: r.errors, timeouts: r.timeouts, statuses };
}

export function describeCrowd(r: CrowdOutcome): string {
  return `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms, max ${r.maxMs.toFixed(0)} ms, errors ${r.errors}, timeouts ${r.timeouts}`;
}

/** The answers the load shedder refused (503, counted as shed) and the other 5xx (failures). */
export function shedAndFailed(r: CrowdOutcome): { shed: number; failed: number } {
  const failed = Object.entries(r.statuses).filter(([s]) => Number(s) >= 500 && s !== '503').reduce((n, [, count]) => n + count, 0);
  return { shed: r.statuses[503] ?? 0, failed };
}

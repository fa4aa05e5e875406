// The part of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number };
  export type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string };
  export type Options = { url: string; connections?: number; duration?: number; amount?: number; timeout?: number; pipelining?: number; requests?: Request[]; headers?: Record<string, string> };
  export type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    '4xx': number;
    '5xx': number;
    statusCodeStats: Record<string, { count: number }>;
    duration: number;
  };
  export default function autocannon(options: Options): Promise<Result>;
}

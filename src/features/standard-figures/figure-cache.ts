/**
 * Computed figures per (agency, period, filters) kept until the aggregates are next refreshed: the key holds
 * the refresh time, read with one primary-key lookup, so every process sees a refresh made by any other at
 * its next request. Bounded: the oldest entries go first.
 */
const MAX_ENTRIES = 200;
/** One cache per database handle: two databases (tests, benchmarks) never share figures. */
const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

export function cached<T>(db: object, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit as Promise<T>;
  }
  const value = compute();
  cache.set(key, value);
  const own = cache;
  value.catch(() => own.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}

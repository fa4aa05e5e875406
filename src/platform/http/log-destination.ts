import pino from 'pino';

export type LogDestination = pino.DestinationStream & { flushSync(): void };

/** Lines are gathered up to this many bytes, then written in one call. */
export const LOG_BLOCK = 4096;

/**
 * The log written in blocks of at least 4 KiB (and at least once a second) instead of one write per line: at
 * thousands of requests a second the per-line write was a fifth of a kept page's cost. Flushed at exit.
 * Each block is written at once (synchronously), so nothing piles up: written asynchronously, sonic-boom sent one
 * 16 KiB write per turn of a busy event loop, fell behind the request log at 5,000 requests a second and held the
 * unwritten lines without end (62 MB after two minutes: issue 18). A larger write per turn is no cure: sonic-boom
 * measures the waiting text on every line, so each line would cost as much as the whole block.
 */
export function bufferedLogDestination(dest: number | string): LogDestination {
  const stream = pino.destination({ dest, sync: true, minLength: LOG_BLOCK });
  setInterval(() => stream.flush(), 1000).unref();
  process.on('exit', () => stream.flushSync());
  return stream;
}

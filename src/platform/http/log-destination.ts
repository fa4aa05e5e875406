import pino from 'pino';

export type LogDestination = pino.DestinationStream & { flushSync(): void };

/** What one write takes at most, and what may wait unwritten before more is dropped. */
export const LOG_MAX_WRITE = 1024 * 1024;
export const LOG_MAX_WAITING = 16 * 1024 * 1024;

/**
 * The log written in blocks of at least 4 KiB (and at least once a second) instead of one write per line: at
 * thousands of requests a second the per-line write was a fifth of a kept page's cost. Flushed at exit.
 * Up to 1 MiB per write: sonic-boom's default of 16 KiB per write, one write per turn of a busy event loop, fell
 * behind the request log at 5,000 requests a second and the unwritten lines grew without end (62 MB after two
 * minutes: issue 18). Beyond 16 MiB waiting, lines are dropped and counted to `reportDropped` once a second, never held.
 */
export function bufferedLogDestination(dest: number | string, reportDropped: (lines: number) => void): LogDestination {
  const stream = pino.destination({ dest, sync: false, minLength: 4096, maxWrite: LOG_MAX_WRITE, maxLength: LOG_MAX_WAITING });
  let dropped = 0;
  stream.on('drop', () => dropped++);
  setInterval(() => {
    stream.flush();
    if (dropped === 0) return;
    reportDropped(dropped);
    dropped = 0;
  }, 1000).unref();
  process.on('exit', () => stream.flushSync());
  return stream;
}

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { bufferedLogDestination, LOG_MAX_WAITING, LOG_MAX_WRITE } from './log-destination.ts';

const dir = mkdtempSync(join(tmpdir(), 'apkalpe-log-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `bytes` of log lines written in one turn of the event loop, as a burst of requests logs them. */
function burst(stream: NodeJS.WritableStream, bytes: number): number {
  const line = `${JSON.stringify({ level: 30, msg: 'request completed', url: '/vsaa/pieraksts'.padEnd(180, 'x') })}\n`;
  let written = 0;
  for (; written + line.length <= bytes; written += line.length) stream.write(line);
  return written;
}

describe('the log destination', () => {
  it('a burst of 4 MiB goes out in a few large writes, not one 16 KiB write per turn of the event loop', async () => {
    const file = join(dir, 'burst.log');
    const stream = bufferedLogDestination(file, () => {}) as unknown as NodeJS.EventEmitter & NodeJS.WritableStream & { flushSync(): void };
    await once(stream, 'ready');
    let writes = 0;
    stream.on('write', () => writes++);
    const bytes = burst(stream, 4 * 1024 * 1024);
    while (readFileSync(file).length < bytes) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(writes <= Math.ceil(bytes / LOG_MAX_WRITE) + 2, `${writes} writes for ${bytes} bytes (16 KiB each would take ${Math.ceil(bytes / 16384)})`);
  });

  it('what waits beyond 16 MiB is dropped and counted, never held', async () => {
    const file = join(dir, 'flood.log');
    const counted: number[] = [];
    const stream = bufferedLogDestination(file, (lines) => counted.push(lines)) as unknown as NodeJS.EventEmitter & NodeJS.WritableStream;
    await once(stream, 'ready');
    let dropped = 0;
    stream.on('drop', () => dropped++);
    burst(stream, LOG_MAX_WAITING + 4 * 1024 * 1024);
    assert.ok(dropped > 0, 'lines over the bound were dropped');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.deepEqual(counted, [dropped], 'the drops are reported once, with their number');
    assert.ok(readFileSync(file).length <= LOG_MAX_WAITING, 'no more than the bound was kept and written');
  });
});

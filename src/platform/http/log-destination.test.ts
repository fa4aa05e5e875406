import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { bufferedLogDestination, LOG_BLOCK } from './log-destination.ts';

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
  it('a burst of 4 MiB is written as it comes, in blocks: at most one block waits, none piles up in memory', () => {
    const file = join(dir, 'burst.log');
    const stream = bufferedLogDestination(file) as unknown as NodeJS.WritableStream & { flushSync(): void };
    const bytes = burst(stream, 4 * 1024 * 1024);
    const onDisk = statSync(file).size;
    assert.ok(bytes - onDisk <= LOG_BLOCK, `${bytes - onDisk} bytes still waiting after the burst`);
    stream.flushSync();
    assert.equal(statSync(file).size, bytes);
  });
});

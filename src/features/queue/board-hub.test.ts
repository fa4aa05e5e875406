import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerResponse } from 'node:http';
import type { Database } from '../../platform/db/client.ts';
import { BoardHub } from './board-hub.ts';

/** A response that records whether it was ended and what was written. */
function fakeResponse() {
  const state = { ended: false, written: [] as string[] };
  const response = {
    write: (text: string) => state.written.push(text),
    end: () => (state.ended = true),
    on: () => response,
  };
  return { response: response as unknown as ServerResponse, state };
}

describe('board hub', () => {
  it('a failed LISTEN ends the stream (the board reconnects) and is tried again by the next board', async () => {
    let attempts = 0;
    // A database whose client cannot LISTEN: every attempt to listen fails.
    const db = {
      get $client() {
        attempts++;
        return {};
      },
    } as unknown as Database;
    const warnings: string[] = [];
    const hub = new BoardHub(db, async () => ({}), { warn: (_obj, msg) => warnings.push(msg) });
    for (const expectedAttempts of [1, 2]) {
      const { response, state } = fakeResponse();
      await assert.rejects(hub.connect('vsaa', 'jelgava', response, { calls: [] }), /cannot LISTEN/);
      assert.equal(state.ended, true, 'the stream is ended, not left hanging');
      assert.deepEqual(state.written, [], 'no state is sent on a stream that would never be updated');
      assert.equal(attempts, expectedAttempts, 'the failure is not cached');
    }
    await hub.close();
  });
});

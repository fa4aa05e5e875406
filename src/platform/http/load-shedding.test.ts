import assert from 'node:assert/strict';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { DEFAULT_SHEDDING, registerLoadShedding } from './load-shedding.ts';

/** A server whose FAQ search answers only when the test lets it: one search at a time, two may wait. */
async function searchServer() {
  const app = Fastify({ forceCloseConnections: true });
  await registerLoadShedding(app, { ...DEFAULT_SHEDDING, maxEventLoopDelayMs: 0, searchConcurrency: 1, searchQueue: 2 });
  const held: Array<() => void> = [];
  let searches = 0;
  app.get('/:agency/buj', async (request) => {
    searches++;
    if ((request.query as { q?: string }).q === 'slow') await new Promise<void>((resolve) => held.push(resolve));
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const get = (q: string): { sent: ClientRequest; answer: Promise<number> } => {
    let sent!: ClientRequest;
    const answer = new Promise<number>((resolve, reject) => {
      sent = httpRequest({ port, host: '127.0.0.1', path: `/vsaa/buj?q=${q}`, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      sent.on('error', reject);
      sent.end();
    });
    return { sent, answer };
  };
  return { app, get, release: () => held.splice(0).forEach((resolve) => resolve()), searches: () => searches };
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the FAQ search gate', () => {
  it('a client that leaves while its search waits for a turn gives the turn back: later searches are answered', async () => {
    const server = await searchServer();
    try {
      const running = server.get('slow');
      while (server.searches() < 1) await settle(10);
      const waiting = server.get('gone');
      waiting.answer.catch(() => undefined);
      await settle(200);
      waiting.sent.destroy(); // the visitor closes the tab while the search waits
      await settle(300);
      server.release();
      assert.equal(await within(running.answer, 2000), 200);
      assert.equal(await within(server.get('next').answer, 2000), 200);
      assert.equal(await within(server.get('after').answer, 2000), 200);
      assert.equal(server.searches(), 3, 'the search of the visitor who left is not run');
    } finally {
      server.release();
      await server.app.close();
    }
  });
});

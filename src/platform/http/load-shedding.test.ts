import assert from 'node:assert/strict';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { BoundedGate, DEFAULT_SHEDDING, registerLoadShedding } from './load-shedding.ts';

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

  it('a queue full of clients who left does not shed a live search: they left the queue when they hung up', async () => {
    const server = await searchServer();
    try {
      const running = server.get('slow');
      while (server.searches() < 1) await settle(10);
      const gone = [server.get('gone1'), server.get('gone2')];
      for (const g of gone) g.answer.catch(() => undefined);
      await settle(200);
      for (const g of gone) g.sent.destroy();
      await settle(200);
      const live = server.get('live');
      await settle(200);
      server.release();
      assert.equal(await within(running.answer, 2000), 200);
      assert.equal(await within(live.answer, 2000), 200, 'the live search waited for its turn and was answered');
      assert.equal(server.searches(), 2, 'only the running and the live search were run');
    } finally {
      server.release();
      await server.app.close();
    }
  });
});

describe('BoundedGate', () => {
  it('grants turns up to its concurrency, queues up to its bound, and hands a left turn to the first waiter', async () => {
    const gate = new BoundedGate(1, 1);
    assert.equal(await gate.enter(), true);
    const second = gate.enter();
    assert.equal(await gate.enter(), false, 'the queue is full');
    assert.deepEqual(gate.load, { running: 1, waiting: 1 });
    gate.leave();
    assert.equal(await second, true);
    assert.deepEqual(gate.load, { running: 1, waiting: 0 });
    gate.leave();
    assert.deepEqual(gate.load, { running: 0, waiting: 0 });
  });

  it('a waiter whose signal aborts leaves the queue with false and frees its place', async () => {
    const gate = new BoundedGate(1, 1);
    await gate.enter();
    const leaving = new AbortController();
    const first = gate.enter(leaving.signal);
    leaving.abort();
    assert.equal(await first, false);
    assert.deepEqual(gate.load, { running: 1, waiting: 0 });
    const next = gate.enter();
    gate.leave();
    assert.equal(await next, true, 'the turn goes to the live waiter, not the one who left');
    const gone = new AbortController();
    gone.abort();
    assert.equal(await gate.enter(gone.signal), false, 'an already aborted signal never queues');
    assert.deepEqual(gate.load, { running: 1, waiting: 0 });
  });
});

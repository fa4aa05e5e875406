import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { App } from '../../platform/http/app.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { testTargets } from '../../../test/support/test-platform.ts';
import { createStaffUser } from '../staff/staff.service.ts';
import { BoardSchema, TicketCreatedSchema, TicketViewSchema } from './queue.schema.ts';
import { durableDatabase, movableClock, PASSWORD, startPlatform, THURSDAY_10 } from './queue.testing.ts';

type Started = Awaited<ReturnType<typeof startPlatform>>;

/** An SSE client: collects `event: board` payloads. */
function openBoardStream(port: number, path: string): Promise<{ response: IncomingMessage; next: (predicate: (board: ReturnType<typeof BoardSchema.parse>) => boolean, ms?: number) => Promise<ReturnType<typeof BoardSchema.parse>>; ended: Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { accept: 'text/event-stream' } }, (response) => {
      const boards: Array<ReturnType<typeof BoardSchema.parse>> = [];
      const waiters: Array<() => void> = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let index;
        while ((index = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, index);
          buffer = buffer.slice(index + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: board') && data) boards.push(BoardSchema.parse(JSON.parse(data.slice(6))));
          waiters.splice(0).forEach((w) => w());
        }
      });
      const ended = new Promise<void>((done) => response.on('end', () => done()).on('close', () => done()));
      const next = async (predicate: (board: ReturnType<typeof BoardSchema.parse>) => boolean, ms = 5000) => {
        const deadline = Date.now() + ms;
        for (;;) {
          const found = boards.find(predicate);
          if (found) return found;
          if (Date.now() > deadline) throw new Error(`no matching board event within ${ms} ms (${boards.length} received)`);
          await new Promise<void>((r) => {
            waiters.push(r);
            setTimeout(r, 100);
          });
        }
      };
      resolve({ response, next, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

async function listen(app: App): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

async function staffOf(platform: Started, email: string): Promise<TestBrowser> {
  await createStaffUser({ ...platform.deps, agencyExists: () => true }, { actorId: null, actorLabel: 'test', ip: null }, { email, name: 'Lodziņš', password: PASSWORD, agency: 'vsaa', role: 'specialist' }).catch(() => undefined);
  const browser = new TestBrowser(platform.app);
  await browser.signIn(email, PASSWORD);
  return browser;
}

const take = async (app: App, centre: string, service: string) => {
  const response = await app.inject({ method: 'POST', url: `/api/v1/agencies/vsaa/centres/${centre}/tickets`, payload: { service } });
  assert.equal(response.statusCode, 201, response.body);
  return TicketCreatedSchema.parse(response.json());
};

for (const target of testTargets()) {
  describe(`queue across restarts and processes (${target})`, () => {
    let database: Awaited<ReturnType<typeof durableDatabase>>;
    const time = movableClock(THURSDAY_10);
    before(async () => {
      database = await durableDatabase(target);
    });
    after(() => database.drop());

    it('a restart mid-day loses and renumbers nothing', async () => {
      const first = await startPlatform(database.target, time.clock);
      const a = await take(first.app, 'jelgava', 'pensijas');
      const b = await take(first.app, 'jelgava', 'pensijas');
      await first.close();
      const second = await startPlatform(database.target, time.clock);
      try {
        const c = await take(second.app, 'jelgava', 'pensijas');
        assert.deepEqual([a.number, b.number, c.number], ['P-001', 'P-002', 'P-003']);
        const view = TicketViewSchema.parse((await second.app.inject({ url: `/api/v1/tickets/${a.id}` })).json());
        assert.deepEqual([view.number, view.status, view.position], ['P-001', 'waiting', 1]);
        assert.equal(TicketViewSchema.parse((await second.app.inject({ url: `/api/v1/tickets/${c.id}` })).json()).position, 3);
      } finally {
        await second.close();
      }
    });

    it('the board stream sends the state at once and every change; closing the server ends the stream', async () => {
      const platform = await startPlatform(database.target, time.clock);
      let closed = false;
      try {
        const port = await listen(platform.app);
        const staff = await staffOf(platform, 'sse@vsaa.test');
        await staff.request({ method: 'POST', url: '/api/v1/staff/vsaa/queue/centres/valmiera/counters/1/open', json: { services: ['dokumenti'] } });
        const ticket = await take(platform.app, 'valmiera', 'dokumenti');
        const stream = await openBoardStream(port, '/api/v1/agencies/vsaa/centres/valmiera/board/events');
        assert.equal(stream.response.statusCode, 200);
        assert.match(String(stream.response.headers['content-type']), /^text\/event-stream/);
        // A hijacked answer still carries the security headers every answer has (security-headers.ts).
        assert.equal(stream.response.headers['x-content-type-options'], 'nosniff');
        assert.match(String(stream.response.headers['content-security-policy']), /frame-ancestors 'none'/);
        const initial = await stream.next(() => true);
        assert.equal(initial.waiting.find((w) => w.service === 'dokumenti')?.waiting, 1);
        await staff.request({ method: 'POST', url: '/api/v1/staff/vsaa/queue/centres/valmiera/counters/1/call-next' });
        const update = await stream.next((b) => b.calls[0]?.number === ticket.number);
        assert.deepEqual([update.calls[0]?.counter, update.calls[0]?.status], [1, 'called']);
        const started = Date.now();
        await platform.close();
        closed = true;
        await stream.ended;
        assert.ok(Date.now() - started < 5000, 'an open stream does not hold the shutdown');
      } finally {
        if (!closed) await platform.close();
      }
    });

    it('kiosk and board have no stream for an appointment-only centre', async () => {
      const platform = await startPlatform(database.target, time.clock);
      try {
        const refused = await platform.app.inject({ url: '/api/v1/agencies/kase/centres/riga-smilsu/board/events' });
        assert.equal(refused.statusCode, 409);
      } finally {
        await platform.close();
      }
    });

    if (target === 'postgres') {
      it('two processes on one database: a call on one reaches a board connected to the other (LISTEN/NOTIFY)', async () => {
        const one = await startPlatform(database.target, time.clock);
        const two = await startPlatform(database.target, time.clock);
        try {
          const port = await listen(two.app);
          const stream = await openBoardStream(port, '/api/v1/agencies/vsaa/centres/liepaja/board/events');
          await stream.next(() => true);
          const staff = await staffOf(one, 'two-processes@vsaa.test');
          await staff.request({ method: 'POST', url: '/api/v1/staff/vsaa/queue/centres/liepaja/counters/4/open', json: { services: ['pabalsti'] } });
          const ticket = await take(one.app, 'liepaja', 'pabalsti');
          const waiting = await stream.next((b) => b.waiting.some((w) => w.service === 'pabalsti' && w.waiting === 1));
          assert.equal(waiting.counters[3]?.open, true);
          const call = await staff.request({ method: 'POST', url: '/api/v1/staff/vsaa/queue/centres/liepaja/counters/4/call-next' });
          assert.equal(call.statusCode, 200);
          const board = await stream.next((b) => b.calls[0]?.number === ticket.number);
          assert.equal(board.counters[3]?.current, ticket.number);
          stream.close();
        } finally {
          await one.close();
          await two.close();
        }
      });

      it('a separate server process (npm start) gets the events of this one, and SIGTERM still exits cleanly with boards connected', async () => {
        const url = (database.target as { url: string }).url;
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          cwd: new URL('../../../', import.meta.url).pathname,
          env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SMTP_INTAKE_PORT: '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        const port = await new Promise<number>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const match = /running: http:\/\/localhost:(\d+)/.exec(out);
            if (match) resolve(Number(match[1]));
          });
          child.on('exit', () => reject(new Error(`server process exited early: ${out}`)));
        });
        const here = await startPlatform(database.target, time.clock);
        try {
          const stream = await openBoardStream(port, '/api/v1/agencies/vsaa/centres/valmiera/board/events');
          const initial = await stream.next(() => true);
          const staff = await staffOf(here, 'child-process@vsaa.test');
          await staff.request({ method: 'POST', url: '/api/v1/staff/vsaa/queue/centres/valmiera/counters/2/open', json: { services: ['pensijas'] } });
          // The other process runs on the real clock: its board is of its own day, but every change here reaches it.
          const next = await stream.next((b) => b !== initial && b.generatedAt !== initial.generatedAt);
          assert.equal(next.centre, 'valmiera');
          child.kill('SIGTERM');
          assert.equal(await exited, 0, 'the server process exits cleanly');
          await stream.ended;
        } finally {
          if (child.exitCode === null) child.kill('SIGKILL');
          await here.close();
        }
      });
    }
  });
}

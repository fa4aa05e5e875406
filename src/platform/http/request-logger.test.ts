import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { loggerOptions } from './log-redaction.ts';
import { registerRequestLog } from './request-log.ts';
import { lazyRequestLogger, levelLets } from './request-logger.ts';

/** A pino logger at `level` writing parsed lines to `lines`; `children` counts the child loggers made from it. */
function recordingLogger(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ ...loggerOptions(level) }, stream) as unknown as FastifyBaseLogger;
  const made = { children: 0 };
  // Counted on the root only: a child's own children are made by pino's child (the root's prototype holds it).
  const pinoChild = (Object.getPrototypeOf(logger) as FastifyBaseLogger).child;
  logger.child = (bindings, options) => {
    made.children++;
    const made_ = pinoChild.call(logger, bindings, options);
    made_.child = pinoChild;
    return made_;
  };
  return { logger, lines, made };
}

describe('lazyRequestLogger', () => {
  it('makes no child logger until a line its level lets through is written', () => {
    const { logger, lines, made } = recordingLogger('info');
    const log = lazyRequestLogger(logger, { reqId: 'req-7' }, {});
    log.debug('hidden');
    log.trace('hidden too');
    assert.equal(made.children, 0);
    assert.equal(log.level, 'info');
    log.info({ step: 1 }, 'shown');
    log.warn('also shown');
    assert.equal(made.children, 1, 'one child, made once');
    assert.deepEqual(
      lines.map((l) => [l.reqId, l.msg, l.level]),
      [['req-7', 'shown', 30], ['req-7', 'also shown', 40]],
    );
  });

  it('keeps the level a route asks for (logLevel), and a level set later', () => {
    const { logger, lines, made } = recordingLogger('info');
    const log = lazyRequestLogger(logger, { reqId: 'req-8' }, { level: 'warn' });
    assert.equal(log.level, 'warn');
    log.info('hidden by the route level');
    assert.equal(made.children, 0);
    log.error('shown');
    assert.deepEqual(lines.map((l) => l.msg), ['shown']);
    log.level = 'debug';
    log.debug('now shown');
    assert.deepEqual(lines.map((l) => l.msg), ['shown', 'now shown']);
  });

  it('still redacts what a request logs, and its own children carry both bindings', () => {
    const { logger, lines } = recordingLogger('info');
    const log = lazyRequestLogger(logger, { reqId: 'req-9' }, {});
    log.info({ email: 'anna@example.lv' }, 'mail');
    log.child({ part: 'x' }).info('child line');
    assert.equal(lines[0]?.email, '[redacted]');
    assert.deepEqual([lines[1]?.reqId, lines[1]?.part], ['req-9', 'x']);
  });

  it('levelLets compares pino levels', () => {
    assert.equal(levelLets('info', 'info'), true);
    assert.equal(levelLets('info', 'debug'), false);
    assert.equal(levelLets('warn', 'info'), false);
    assert.equal(levelLets('silent', 'fatal'), false);
    assert.equal(levelLets('trace', 'trace'), true);
  });
});

describe('the request-completed line', () => {
  it('is written with the request id and makes no request logger; a route at warn writes none', async () => {
    const { logger, lines, made } = recordingLogger('info');
    const app = Fastify({ loggerInstance: logger, childLoggerFactory: lazyRequestLogger, disableRequestLogging: true });
    registerRequestLog(app);
    app.get('/quiet', async () => ({ ok: true }));
    app.get('/health', { logLevel: 'warn' }, async () => ({ ok: true }));
    app.get('/talks', async (request) => {
      request.log.info('handler line');
      return { ok: true };
    });
    await app.ready();
    const before = made.children;
    assert.equal((await app.inject({ url: '/quiet?token=abc' })).statusCode, 200);
    assert.equal((await app.inject({ url: '/health' })).statusCode, 200);
    assert.equal(made.children, before, 'no request logger made for a request that writes nothing of its own');
    await app.inject({ url: '/talks' });
    await app.close();
    const completed = lines.filter((l) => l.msg === 'request completed');
    assert.deepEqual(
      completed.map((l) => (l.req as { url: string }).url),
      ['/quiet?token=[redacted]', '/talks'],
    );
    assert.ok(completed.every((l) => typeof l.reqId === 'string' && (l.res as { statusCode: number }).statusCode === 200));
    const handlerLine = lines.find((l) => l.msg === 'handler line');
    assert.equal(handlerLine?.reqId, completed[1]?.reqId, 'the handler line and the completed line share the request id');
  });
});

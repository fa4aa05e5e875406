import type { FastifyInstance } from 'fastify';
import { levelLets } from './request-logger.ts';

/**
 * One log line per request, when its answer has gone (method, redacted URL, status, time), instead of Fastify's two
 * (received, completed): at thousands of requests a second the logging was a tenth of a request's cost. Routes
 * polled by machines (/api/health) set logLevel 'warn' and are not logged. Written by the server's logger with the
 * request id as a field (the line a request's own logger would write), so no request logger is made for it.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    if (levelLets(request.log.level, 'info')) {
      app.log.info({ reqId: request.id, req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 }, 'request completed');
    }
    done();
  });
}

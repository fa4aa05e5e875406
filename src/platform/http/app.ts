import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.ts';
import { getCookieSecret } from '../settings.repository.ts';
import { registerErrorHandling } from './error-handler.ts';
import { languageHook } from './language.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerLoadShedding, type SheddingLimits } from './load-shedding.ts';
import { bindCsrfTokensToSession, csrfUserOf, refuseNonJsonStaffBodies } from './csrf-binding.ts';
import { onClientError, onFrameworkError } from './framework-errors.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { loggerOptions } from './log-redaction.ts';
import type { DestinationStream } from 'pino';
import { registerFeatures } from '../../features/index.ts';
import './types.ts';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type App = FastifyInstance;

export type RouteEntry = { method: string; url: string; permission: string | undefined };

export { redactUrl } from './log-redaction.ts';

export type BuildOptions = {
  /** false: no logging (tests); otherwise the redacting logger (finding 1), to stdout or to the given stream. */
  logger?: boolean | { level?: string; stream?: DestinationStream };
  /** Load-shedding limits (tests and benchmarks set their own). */
  shedding?: SheddingLimits;
};

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const custom = typeof options.logger === 'object' ? options.logger : {};
  const logger =
    options.logger === false
      ? false
      : { ...loggerOptions(custom.level ?? deps.config.logLevel), ...(custom.stream ? { stream: custom.stream } : {}) };
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    // A hop count is valid at run time (Fastify passes it to proxy-addr); the type omits it.
    trustProxy: deps.config.trustProxy as boolean | string,
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError as (error: Error, socket: import('node:net').Socket) => void,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerInputGuard(app);

  app.decorateRequest('lang', 'lv');
  app.decorateRequest('t', null as never);
  app.decorateRequest('staff', null);
  app.decorateRequest('scope', null);

  await registerSecurityHeaders(app);
  await registerLoadShedding(app, options.shedding);
  const cookieSecret = await getCookieSecret(deps.db);
  await app.register(fastifyCookie, { secret: cookieSecret });
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT_BYTES });
  await app.register(fastifyCsrf, {
    cookieKey: 'apkalpe_csrf',
    // Secure whenever the request came over HTTPS (behind a proxy: see TRUST_PROXY).
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: 'auto' },
    getUserInfo: csrfUserOf,
    csrfOpts: { hmacKey: cookieSecret, userInfo: true },
  });
  bindCsrfTokensToSession(app);
  refuseNonJsonStaffBodies(app);
  app.addHook('onRequest', languageHook);
  // Every HTML form that changes something carries a CSRF token; JSON API calls cannot be forged cross-site.
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || request.url.startsWith('/api/')) return done();
    app.csrfProtection(request, reply, done);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Apkalpe API',
        version: '1.0.0',
        description: 'Client-service platform for Latvian public agencies. Errors are RFC 9457 problem+json.',
      },
      tags: [
        { name: 'health', description: 'Service health' },
        { name: 'agencies', description: 'Agency profiles: the published client service standards' },
        { name: 'calendar', description: 'Latvian working-day calendar and statutory time limits' },
        { name: 'personal-codes', description: 'Latvian personal identity code validation' },
        { name: 'knowledge-base', description: 'Published questions and answers (FAQ), searchable in Latvian and English' },
        { name: 'inquiries', description: 'Written inquiries: filing, client follow-up, staff work' },
        { name: 'appointments', description: 'Appointments at service centres and video consultations: centres, free slots, booking, the client’s own booking' },
        { name: 'queue', description: 'Walk-in queue: tickets, ticket state, display board (JSON and Server-Sent Events), counters, figures' },
        { name: 'staff', description: 'Staff endpoints: session cookie required; agency and role checked in one place' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('../../web/static', import.meta.url)),
    prefix: '/static/',
    maxAge: 3600 * 1000,
  });

  // The route table (method, path, declared permission): the authorization matrix test is generated from it.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routeTable.push({ method, url: route.url, permission: (route.config as { permission?: string } | undefined)?.permission });
  });
  app.decorate('routeTable', routeTable);

  await registerFeatures(app, deps);
  return app;
}

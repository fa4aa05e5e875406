import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.ts';
import { getCookieSecret } from '../settings.repository.ts';
import { projectPath } from '../paths.ts';
import { registerErrorHandling } from './error-handler.ts';
import { registerRequestLog } from './request-log.ts';
import { languageHook } from './language.ts';
import { registerFeatures } from '../../features/index.ts';
import './types.ts';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type App = FastifyInstance;

/** Secrets and personal data that may travel in a URL: access codes and personal identity codes. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/personal-codes\/)[^/?]+/, '$1[redacted]')
    .replace(/([?&](?:code|token)=)[^&]*/gi, '$1[redacted]');
}

function requestLogLine(request: { method: string; url: string; ip?: string }) {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}

export async function buildApp(deps: AppDeps, options: { logger?: boolean | object } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel, serializers: { req: requestLogLine } },
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    logController: new LogController({ disableRequestLogging: true }), // one line per request instead: registerRequestLog
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerRequestLog(app);

  app.decorateRequest('lang', 'lv');
  app.decorateRequest('t', null as never);
  app.decorateRequest('staff', null);
  app.decorateRequest('scope', null);

  await app.register(fastifyCookie, { secret: await getCookieSecret(deps.db) });
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT_BYTES });
  await app.register(fastifyCsrf, {
    cookieKey: 'apkalpe_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true },
  });
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
    root: projectPath('src', 'web', 'static'),
    prefix: '/static/',
    maxAge: 3600 * 1000,
  });

  await registerFeatures(app, deps);
  return app;
}

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
import { agencyAccessHook, requireDeclaredPermission } from '../access/access.hook.ts';
import type { FeatureModule } from '../module.ts';
import { registerErrorHandling, type ErrorPageRenderer } from './error-handler.ts';
import { languageHook } from './language.ts';
import './types.ts';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type App = FastifyInstance;

/** Secrets and personal data that may travel in a URL: access codes and personal identity codes. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/personal-codes\/)[^/?]+/, '$1[redacted]')
    .replace(/([?&](?:code|token|personalCode|name|email|phone)=)[^&]*/gi, '$1[redacted]');
}

function requestLogLine(request: { method: string; url: string; ip?: string }) {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}

export type AppComposition = {
  modules: readonly FeatureModule[];
  renderErrorPage: ErrorPageRenderer;
  /** Folder of static files served under /static/. */
  staticRoot: string;
  /** Whether a slug in /staff/:agency names a known agency (the gate answers 404 otherwise). */
  agencyExists: (slug: string) => boolean;
};

export async function buildApp(deps: AppDeps, composition: AppComposition, options: { logger?: boolean | object } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel, serializers: { req: requestLogLine } },
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, composition.renderErrorPage);

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
      tags: composition.modules.flatMap((module) => module.apiTags ?? []),
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyStatic, {
    root: composition.staticRoot,
    prefix: '/static/',
    maxAge: 3600 * 1000,
  });

  await registerModules(app, deps, composition);
  return app;
}

/** Infrastructure hooks, public routes, the gated staff routes, then the catch-all public pages. */
async function registerModules(app: App, deps: AppDeps, { modules, agencyExists }: AppComposition): Promise<void> {
  for (const module of modules) if (module.onRequest) app.addHook('onRequest', module.onRequest(deps));
  for (const module of modules) await module.publicRoutes?.(app, deps);
  // Everything under /staff/:agency and /api/v1/staff/:agency passes the one access gate, before the body is read.
  await app.register(async (scoped) => {
    scoped.addHook('onRoute', requireDeclaredPermission);
    scoped.addHook('onRequest', agencyAccessHook(agencyExists));
    for (const module of modules) await module.staffRoutes?.(scoped, deps);
  });
  for (const module of modules) await module.fallbackRoutes?.(app, deps);
}

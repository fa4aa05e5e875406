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
import { agencyAccessHook, requireDeclaredPermission } from '../access/access.hook.ts';
import type { FeatureModule } from '../module.ts';
import { registerErrorHandling, type ErrorPageRenderer } from './error-handler.ts';
import { registerPageCache } from './page-cache.ts';
import { cacheFastPath, serverWithFastPath, type FastPathOptions } from './page-cache.fast-path.ts';
import { registerRequestLog } from './request-log.ts';
import { lazyRequestLogger } from './request-logger.ts';
import { languageHook } from './language.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerLoadShedding, type SheddingLimits } from './load-shedding.ts';
import { bindCsrfTokensToSession, CSRF_COOKIE, CSRF_COOKIE_OPTIONS, csrfUserOf, rawCsrfMinter, refuseNonJsonStaffBodies } from './csrf-binding.ts';
import { onClientError, onFrameworkError } from './framework-errors.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { loggerOptions } from './log-redaction.ts';
import type { DestinationStream } from 'pino';
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

export type AppComposition = {
  modules: readonly FeatureModule[];
  renderErrorPage: ErrorPageRenderer;
  /** Folder of static files served under /static/. */
  staticRoot: string;
  /** Whether a slug in /staff/:agency names a known agency (the gate answers 404 otherwise). */
  agencyExists: (slug: string) => boolean;
  /** Public GET routes whose answers are the same for every visitor within a minute (the page cache keeps them). */
  cacheableRoutes: ReadonlySet<string>;
  /** The kept routes each public write may change ('POST /:agency/jautajums' → []); other writes drop every kept answer. */
  cacheWriteChanges?: ReadonlyMap<string, readonly string[]>;
};

export async function buildApp(deps: AppDeps, composition: AppComposition, options: BuildOptions = {}): Promise<App> {
  const custom = typeof options.logger === 'object' ? options.logger : {};
  const logger =
    options.logger === false
      ? false
      : { ...loggerOptions(custom.level ?? deps.config.logLevel), ...(custom.stream ? { stream: custom.stream } : {}) };
  const { serverFactory, setFastPath } = serverWithFastPath();
  const app = Fastify({
    serverFactory,
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    // A hop count is valid at run time (Fastify passes it to proxy-addr); the type omits it.
    trustProxy: deps.config.trustProxy as boolean | string,
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError as (error: Error, socket: import('node:net').Socket) => void,
    logController: new LogController({ disableRequestLogging: true }), // one line per request instead: registerRequestLog
    childLoggerFactory: lazyRequestLogger,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, composition.renderErrorPage);
  registerInputGuard(app);
  registerRequestLog(app);

  app.decorateRequest('lang', 'lv');
  app.decorateRequest('t', null as never);
  app.decorateRequest('staff', null);
  app.decorateRequest('scope', null);
  app.decorateRequest('staffShell', null);

  await registerSecurityHeaders(app);
  await registerLoadShedding(app, options.shedding);
  const cookieSecret = await getCookieSecret(deps.db);
  await app.register(fastifyCookie, { secret: cookieSecret });
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT_BYTES });
  await app.register(fastifyCsrf, {
    cookieKey: CSRF_COOKIE,
    // Secure whenever the request came over HTTPS (behind a proxy: see TRUST_PROXY).
    cookieOpts: { ...CSRF_COOKIE_OPTIONS },
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
      tags: composition.modules.flatMap((module) => module.apiTags ?? []),
    },
    transform: transformBodyContent,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyStatic, {
    root: composition.staticRoot,
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

  const mintCsrf = rawCsrfMinter(app, cookieSecret, deps.config.trustProxy !== false);
  await registerModules(app, deps, composition, (cache) => setFastPath(cacheFastPath({ ...cache, mintCsrf })));
  return app;
}

/** Infrastructure hooks, public routes, the gated staff routes, then the catch-all public pages. */
async function registerModules(
  app: App,
  deps: AppDeps,
  { modules, agencyExists, cacheableRoutes, cacheWriteChanges }: AppComposition,
  answerEarly: (options: Omit<FastPathOptions, 'mintCsrf'>) => void,
): Promise<void> {
  for (const module of modules) if (module.onRequest) app.addHook('onRequest', module.onRequest(deps));
  // After the modules' request hooks (a staff session is known), so a kept form's token is minted for its visitor.
  const cache = registerPageCache(app, { ttlMs: deps.config.pageCacheMs, clock: deps.clock, routes: cacheableRoutes, writeChanges: cacheWriteChanges });
  if (cache) {
    let closing = false;
    app.addHook('preClose', (done) => {
      closing = true;
      done();
    });
    answerEarly({ cache, log: app.log, parseCookie: (header) => app.parseCookie(header), isClosing: () => closing });
  }
  for (const module of modules) if (module.preHandler) app.addHook('preHandler', module.preHandler(app, deps));
  for (const module of modules) await module.publicRoutes?.(app, deps);
  // Everything under /staff/:agency and /api/v1/staff/:agency passes the one access gate, before the body is read.
  await app.register(async (scoped) => {
    scoped.addHook('onRoute', requireDeclaredPermission);
    scoped.addHook('onRequest', agencyAccessHook(agencyExists));
    for (const module of modules) await module.staffRoutes?.(scoped, deps);
  });
  for (const module of modules) await module.fallbackRoutes?.(app, deps);
}

type SwaggerDocument = Parameters<typeof jsonSchemaTransform>[0];

/**
 * jsonSchemaTransform, plus a body declared per content type (`body: { content: { 'application/json': { schema },
 * 'multipart/form-data': { schema } } }`, which Fastify validates by the request's type): each Zod schema is
 * converted on its own, so the document shows every content type the route takes.
 */
function transformBodyContent(document: SwaggerDocument): ReturnType<typeof jsonSchemaTransform> {
  const body = (document.schema as { body?: unknown } | undefined)?.body as { content?: Record<string, { schema: unknown }> } | undefined;
  if (!body?.content) return jsonSchemaTransform(document);
  const rest = jsonSchemaTransform({ ...document, schema: { ...document.schema, body: undefined } } as SwaggerDocument);
  const content: Record<string, { schema: unknown }> = {};
  for (const [type, { schema }] of Object.entries(body.content)) {
    const one = jsonSchemaTransform({ ...document, schema: { body: schema } } as SwaggerDocument);
    content[type] = { schema: (one.schema as { body?: unknown }).body };
  }
  return { ...rest, schema: { ...rest.schema, body: { content } } };
}

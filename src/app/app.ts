import type { AppDeps } from '../platform/deps.ts';
import { buildApp, type App, type BuildOptions } from '../platform/http/app.ts';
import { projectPath } from '../platform/paths.ts';
import { renderRequestErrorPage } from '../web/error-page.tsx';
import './catalogs.ts';
import { MODULES } from './modules.ts';
import { PUBLIC_CACHEABLE_ROUTES, PUBLIC_WRITE_CHANGES } from './public-cache-routes.ts';
import './permissions.ts';

/** The composition root: the platform's Fastify app with every feature module, the layout's error pages and static files. */
export function buildApplication(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  return buildApp(
    deps,
    {
      modules: MODULES,
      renderErrorPage: renderRequestErrorPage,
      staticRoot: projectPath('src', 'web', 'static'),
      agencyExists: (slug) => deps.agencies.get(slug) !== undefined,
      cacheableRoutes: PUBLIC_CACHEABLE_ROUTES,
      cacheWriteChanges: PUBLIC_WRITE_CHANGES,
    },
    options,
  );
}

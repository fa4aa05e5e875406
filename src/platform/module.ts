import type { FastifyInstance, onRequestHookHandler, preHandlerHookHandler } from 'fastify';
import type { StaffRole } from './access/roles.ts';
import type { CliGroup } from './cli-command.ts';
import type { AppDeps } from './deps.ts';
import type { JobDefinition } from './jobs/job-definition.ts';

/** A feature's texts: the Latvian catalog as written, and English with the same keys. */
export type FeatureMessages = { lv: Record<string, unknown>; en: Record<string, unknown> };

export type RouteRegistrar = (app: FastifyInstance, deps: AppDeps) => Promise<void>;

/**
 * What a capability brings to the app. Each feature exports one from its `index.ts`; the composition root
 * (`src/app/modules.ts`) lists them and builds the app, the catalogs, the job set, the CLI and the
 * permission table from that list. The tables are listed in `src/app/schema.ts` for drizzle-kit.
 */
export type FeatureModule = {
  name: string;
  messages?: FeatureMessages;
  /** Permission name → the roles that hold it; names are `<feature>.<verb>`. */
  permissions?: Record<string, readonly StaffRole[]>;
  /** Hooks that run on every request before routing (e.g. resolving the staff session). */
  onRequest?: (deps: AppDeps) => onRequestHookHandler;
  /** Hooks that run on every request after access and validation, before the handler (e.g. the staff shell). */
  preHandler?: (app: FastifyInstance, deps: AppDeps) => preHandlerHookHandler;
  /** Routes outside the agency gate: public pages, the public API, sign-in. */
  publicRoutes?: RouteRegistrar;
  /** Routes under /staff/:agency and /api/v1/staff/:agency: each passes the access gate and declares a permission. */
  staffRoutes?: RouteRegistrar;
  /** Registered last: catch-all public pages such as /:agency. */
  fallbackRoutes?: RouteRegistrar;
  jobs?: readonly JobDefinition[];
  /** Once-only seed data, run at every start (each seeder knows whether it already ran). */
  seed?: (deps: Pick<AppDeps, 'db' | 'agencies'>) => Promise<void>;
  cli?: Record<string, CliGroup>;
  /** OpenAPI tags the feature's routes use. */
  apiTags?: { name: string; description: string }[];
};

import type {} from '@fastify/cookie';
import type {} from '@fastify/csrf-protection';
import type { Language, Translate } from '../i18n/index.ts';
import type { StaffActor } from '../access/policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language;
    t: Translate;
    /** The signed-in staff member, or null. */
    staff: StaffActor | null;
    /** Set by the access hook on agency-scoped staff routes. */
    scope: import('../access/policy.ts').AgencyScope | null;
  }
  interface FastifyInstance {
    /** Every route as registered: method, path and declared permission (see app.ts). */
    routeTable: ReadonlyArray<{ method: string; url: string; permission: string | undefined }>;
  }
  interface FastifyContextConfig {
    /** Permission an agency-scoped staff route needs; checked in one place (access hook). */
    permission?: import('../access/policy.ts').Permission;
  }
}

export {};

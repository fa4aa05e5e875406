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
    /** On a `config.form` route: the posted fields that held a NUL (removed by the input guard), for the form to report. */
    forbiddenFields: readonly string[];
  }
  interface FastifyInstance {
    /** Every route as registered: method, path and declared permission (see app.ts). */
    routeTable: ReadonlyArray<{ method: string; url: string; permission: string | undefined }>;
  }
  interface FastifyContextConfig {
    /** Permission an agency-scoped staff route needs; checked in one place (access hook). */
    permission?: import('../access/policy.ts').Permission;
    /**
     * An HTML form route that reports its fields' errors itself (parseForm, or forbiddenCharacterErrors in its own
     * check): a NUL in a posted field is removed by the input guard and reported by the form next to the field, the
     * form shown again with the other values. Without it a NUL gets the guard's error page.
     */
    form?: boolean;
    /**
     * On a `form` route: the answer to a post whose CSRF check failed (the secret cookie expired or was never sent,
     * a stale token) instead of the 403 error page — the form shown again with what was typed and a fresh token,
     * with a 4xx status, writing nothing (error-handler.ts).
     */
    csrfRefused?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  }
}

export {};

import type { FastifyRequest } from 'fastify';
import type { Language, Translate } from '../platform/i18n/index.ts';
import type { StaffActor } from '../platform/access/policy.ts';
import type { StaffShell } from './staff-shell.tsx';

/** What a page needs from the request: language, translator, who is signed in, where we are. */
export type PageContext = {
  lang: Language;
  t: Translate;
  staff: StaffActor | null;
  path: string;
  query: URLSearchParams;
  csrfToken: string | null;
  /** Set on staff pages: the staff navigation replaces the public one. */
  staffShell?: StaffShell | null;
};

export function pageContext(request: FastifyRequest, csrfToken: string | null = null): PageContext {
  const url = new URL(request.url, 'http://localhost');
  return { lang: request.lang, t: request.t, staff: request.staff, path: url.pathname, query: url.searchParams, csrfToken, staffShell: request.staffShell };
}

/**
 * One of our own paths in the page's language: `lang=en` added on English pages (so that the language holds even
 * without the cookie, e.g. in a link sent by e-mail), the path unchanged on Latvian ones. Keeps a `#fragment` last.
 */
export function withLang(path: string, ctx: { lang: Language }): string {
  if (ctx.lang === 'lv') return path;
  const hash = path.indexOf('#');
  const [base, fragment] = hash < 0 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
  return `${base}${base.includes('?') ? '&' : '?'}lang=${ctx.lang}${fragment}`;
}

/**
 * One of our own paths with these query values (empty ones left out), in the page's language (withLang): a `lang`
 * among the values is left out too, so that the page's language is the one link's language.
 */
export function hrefWith(path: string, ctx: { lang: Language }, values: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value && name !== 'lang') query.set(name, value);
  const text = query.toString();
  return withLang(text ? `${path}?${text}` : path, ctx);
}

/** The same page in the other language. */
export function languageSwitchHref(ctx: PageContext): string {
  const query = new URLSearchParams(ctx.query);
  query.set('lang', ctx.lang === 'lv' ? 'en' : 'lv');
  return `${ctx.path}?${query.toString()}`;
}

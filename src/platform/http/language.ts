import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { DEFAULT_LANGUAGE, isLanguage, translator, type Language } from '../i18n/index.ts';

export const LANGUAGE_COOKIE = 'lang';

/** ?lang= (remembered in a cookie) wins, then the cookie, then for the API Accept-Language; else Latvian. */
export function resolveLanguage(request: FastifyRequest): { lang: Language; fromQuery: boolean } {
  const query = request.query as Record<string, unknown> | undefined;
  const asked = query?.['lang'];
  if (isLanguage(asked)) return { lang: asked, fromQuery: true };
  return { lang: languageWithoutQuery(request.url, request.cookies?.[LANGUAGE_COOKIE], request.headers['accept-language']), fromQuery: false };
}

/** The language of a request that does not ask for one in its query: the cookie, then for the API Accept-Language. */
export function languageWithoutQuery(url: string, cookie: string | undefined, acceptLanguage: string | undefined): Language {
  if (isLanguage(cookie)) return cookie;
  if (url.startsWith('/api/')) {
    const first = (acceptLanguage ?? '').split(',')[0]?.trim().slice(0, 2).toLowerCase();
    if (isLanguage(first)) return first;
  }
  return DEFAULT_LANGUAGE;
}

/** Every request's language and translator (callback form: an async hook costs every request a promise). */
export function languageHook(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const { lang, fromQuery } = resolveLanguage(request);
  request.lang = lang;
  request.t = translator(lang);
  if (fromQuery) {
    reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
  }
  done();
}

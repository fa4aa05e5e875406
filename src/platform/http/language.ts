import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LANGUAGE, isLanguage, translator, type Language } from '../i18n/index.ts';

export const LANGUAGE_COOKIE = 'lang';

/** ?lang= (remembered in a cookie) wins, then the cookie, then for the API Accept-Language; else Latvian. */
export function resolveLanguage(request: FastifyRequest): { lang: Language; fromQuery: boolean } {
  const query = request.query as Record<string, unknown> | undefined;
  const asked = query?.['lang'];
  if (isLanguage(asked)) return { lang: asked, fromQuery: true };
  const cookie = request.cookies?.[LANGUAGE_COOKIE];
  if (isLanguage(cookie)) return { lang: cookie, fromQuery: false };
  if (request.url.startsWith('/api/')) {
    const accept = request.headers['accept-language'] ?? '';
    const first = accept.split(',')[0]?.trim().slice(0, 2).toLowerCase();
    if (isLanguage(first)) return { lang: first, fromQuery: false };
  }
  return { lang: DEFAULT_LANGUAGE, fromQuery: false };
}

export async function languageHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { lang, fromQuery } = resolveLanguage(request);
  request.lang = lang;
  request.t = translator(lang);
  if (fromQuery) {
    reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
  }
}

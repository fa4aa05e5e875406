import type { FastifyInstance } from 'fastify';
import { MAX_QUERY_LENGTH } from '../../domain/latvian-text/index.ts';
import { readsOf, type AppDeps } from '../../platform/deps.ts';
import { isLanguage } from '../../platform/i18n/index.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { groupByTopic, listPublishedFaq, searchFaq } from './faq.service.ts';
import { faqTopicsFor } from './faq.topics.ts';
import { FaqPageView } from './faq.views.tsx';

/** The first value of a query parameter (absent, once or repeated). */
function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** A query parameter as one string, whatever the client sent (absent, repeated, …). */
export function queryText(value: unknown): string {
  const first = firstOf(value);
  return typeof first === 'string' ? first.slice(0, MAX_QUERY_LENGTH) : '';
}

/**
 * The address of the search actually made when `q` is longer than the characters read (only a hand-made address
 * can be: the form's field stops at them), else null. Sending the visitor there costs a redirect instead of an
 * uncached search, and the shortened search's page can be kept (issue 18: in a crowd, such requests took a large
 * share of the server's time; docs/performance.md, session 15). The cut never splits a surrogate pair, so the new
 * address is valid and is not redirected again.
 */
export function shortenedSearchPath(path: string, value: unknown, lang: unknown): string | null {
  const first = firstOf(value);
  if (typeof first !== 'string' || first.length <= MAX_QUERY_LENGTH) return null;
  const cut = first.slice(0, MAX_QUERY_LENGTH).replace(/[\uD800-\uDBFF]$/, '').trim();
  const query = new URLSearchParams(cut === '' ? {} : { q: cut });
  if (isLanguage(lang)) query.set('lang', lang);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The public knowledge base: /{agency}/buj, with ?q= search; works without JavaScript. */
export async function faqPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const reads = { ...deps, db: readsOf(deps) }; // only published entries are read here: the replica serves them
  app.get<{ Params: { agency: string } }>('/:agency/buj', async (request, reply) => {
    const agency = deps.agencies.require(request.params.agency);
    const params = request.query as Record<string, unknown> | undefined;
    const shortened = shortenedSearchPath(`/${agency.slug}/buj`, params?.['q'], params?.['lang']);
    if (shortened) return reply.redirect(shortened, 303);
    const ctx = pageContext(request);
    const query = queryText(params?.['q']);
    const topics = faqTopicsFor(agency);
    const searching = query.trim() !== '';
    const search = searching ? { query: query.trim(), hits: await searchFaq(reads, agency.slug, query, ctx.lang) } : null;
    const groups = searching ? [] : groupByTopic(await listPublishedFaq(reads, agency.slug, ctx.lang), topics);
    const title = search ? `${ctx.t('faq.resultsTitle')}: ${search.query}` : `${ctx.t('faq.title')}: ${agency.shortName[ctx.lang]}`;
    return sendPage(reply, ctx, { title, agency, body: <FaqPageView ctx={ctx} agency={agency} groups={groups} search={search} /> });
  });
}

import type { FastifyInstance } from 'fastify';
import { MAX_QUERY_LENGTH } from '../../domain/latvian-text/index.ts';
import { readsOf, type AppDeps } from '../../platform/deps.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { groupByTopic, listPublishedFaq, searchFaq } from './faq.service.ts';
import { faqTopicsFor } from './faq.topics.ts';
import { FaqPageView } from './faq.views.tsx';

/** A query parameter as one string, whatever the client sent (absent, repeated, …). */
export function queryText(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.slice(0, MAX_QUERY_LENGTH) : '';
}

/** The public knowledge base: /{agency}/buj, with ?q= search; works without JavaScript. */
export async function faqPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const reads = { ...deps, db: readsOf(deps) }; // only published entries are read here: the replica serves them
  app.get<{ Params: { agency: string } }>('/:agency/buj', async (request, reply) => {
    const agency = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    const query = queryText((request.query as Record<string, unknown> | undefined)?.['q']);
    const topics = faqTopicsFor(agency);
    const searching = query.trim() !== '';
    const search = searching ? { query: query.trim(), hits: await searchFaq(reads, agency.slug, query, ctx.lang) } : null;
    const groups = searching ? [] : groupByTopic(await listPublishedFaq(reads, agency.slug, ctx.lang), topics);
    const title = search ? `${ctx.t('faq.resultsTitle')}: ${search.query}` : `${ctx.t('faq.title')}: ${agency.shortName[ctx.lang]}`;
    return sendPage(reply, ctx, { title, agency, body: <FaqPageView ctx={ctx} agency={agency} groups={groups} search={search} /> });
  });
}

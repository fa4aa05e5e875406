import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { FaqSearchHit, PublicFaqEntry, TopicGroup } from './faq.service.ts';
import { Marked } from '../../web/marked-text.tsx';

/** Paragraphs of a plain-text answer (separated by an empty line); React escapes the text. */
export function AnswerText({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </>
  );
}

/**
 * Safe HTML made by the search (every character of the text escaped first, then <mark> added):
 * the only place the knowledge base renders HTML.
 */
function SearchForm({ ctx, slug, query }: { ctx: PageContext; slug: string; query: string }) {
  const { t } = ctx;
  const lang = ctx.query.get('lang');
  return (
    <form method="get" action={`/${slug}/buj`} role="search" className="faq-search">
      <div className="field">
        <label htmlFor="faq-q">{t('faq.searchLabel')}</label>
        <p className="hint" id="faq-q-hint">
          {t('faq.searchHint')}
        </p>
        <input id="faq-q" name="q" type="search" defaultValue={query} maxLength={200} aria-describedby="faq-q-hint" />
      </div>
      {lang === 'lv' || lang === 'en' ? <input type="hidden" name="lang" value={lang} /> : null}
      <button type="submit">{t('faq.searchButton')}</button>
    </form>
  );
}

function AskPrompt({ ctx, slug }: { ctx: PageContext; slug: string }) {
  return (
    <p className="faq-ask">
      {ctx.t('faq.askPrompt')} <a href={`/${slug}/jautajums`}>{ctx.t('faq.askLink')}</a>
    </p>
  );
}

function SearchResults({ ctx, slug, query, hits }: { ctx: PageContext; slug: string; query: string; hits: FaqSearchHit[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="faq-results">
      <h2 id="faq-results">{t('faq.resultsTitle')}</h2>
      <p role="status">{hits.length > 0 ? t('faq.resultsCount', { query, count: hits.length }) : t('faq.noResults', { query })}</p>
      {hits.length > 0 && (
        <ol className="faq-hits">
          {hits.map((hit) => (
            <li key={hit.id}>
              <h3>
                <a href={`/${slug}/buj#faq-${hit.id}`}>
                  <Marked parts={hit.questionMarks} />
                </a>
              </h3>
              <p>
                <Marked parts={hit.answerMarks} />
              </p>
            </li>
          ))}
        </ol>
      )}
      <AskPrompt ctx={ctx} slug={slug} />
      <p>
        <a href={`/${slug}/buj`}>{t('faq.showAll')}</a>
      </p>
    </section>
  );
}

function TopicSections({ ctx, groups }: { ctx: PageContext; groups: Array<TopicGroup<PublicFaqEntry>> }) {
  const { t, lang } = ctx;
  if (groups.length === 0) return <p>{t('faq.empty')}</p>;
  return (
    <>
      <nav aria-label={t('faq.topicsNav')}>
        <ul>
          {groups.map(({ topic }) => (
            <li key={topic.id}>
              <a href={`#topic-${topic.id}`}>{topic.name[lang]}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map(({ topic, entries }) => (
        <section key={topic.id} id={`topic-${topic.id}`} aria-labelledby={`topic-${topic.id}-title`}>
          <h2 id={`topic-${topic.id}-title`}>{topic.name[lang]}</h2>
          {entries.map((entry) => (
            <div className="faq-entry" key={entry.id}>
              <h3 id={`faq-${entry.id}`}>{entry.question}</h3>
              <AnswerText text={entry.answer} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

export function FaqPageView(props: {
  ctx: PageContext;
  agency: AgencyProfile;
  groups: Array<TopicGroup<PublicFaqEntry>>;
  search: { query: string; hits: FaqSearchHit[] } | null;
}) {
  const { ctx, agency, groups, search } = props;
  return (
    <>
      <h1>{ctx.t('faq.title')}</h1>
      <p className="lead">
        {agency.name[ctx.lang]}. {ctx.t('faq.intro')}
      </p>
      <SearchForm ctx={ctx} slug={agency.slug} query={search?.query ?? ''} />
      {search ? (
        <SearchResults ctx={ctx} slug={agency.slug} query={search.query} hits={search.hits} />
      ) : (
        <>
          <TopicSections ctx={ctx} groups={groups} />
          <AskPrompt ctx={ctx} slug={agency.slug} />
        </>
      )}
    </>
  );
}

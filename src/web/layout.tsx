import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { languageSwitchHref, type PageContext } from './page-context.ts';

/** `walkIn`: a centre serves in queue order (the queue link is shown); `booking`: visits can be booked. */
export type AgencyNav = { slug: string; shortName: string; walkIn?: boolean; booking?: boolean };

type LayoutProps = {
  ctx: PageContext;
  title: string;
  agency?: AgencyNav;
  /** Extra stylesheets of a feature, e.g. ['/static/queue.css'], loaded after app.css. */
  stylesheets?: readonly string[];
  children: ReactNode;
};

export function Layout({ ctx, title, agency, stylesheets = [], children }: LayoutProps) {
  const { t, lang } = ctx;
  const other = lang === 'lv' ? 'en' : 'lv';
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('app.name')}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header className="site-header">
          <div className="container header-row">
            <a className="brand" href="/">
              {t('app.name')}
              <span className="brand-tagline">{t('app.tagline')}</span>
            </a>
            <a className="lang-switch" href={languageSwitchHref(ctx)} lang={other} hrefLang={other}>
              <span aria-hidden="true">{t('layout.switchTo')}</span>
              <span className="visually-hidden">{t('layout.switchToLabel')}</span>
            </a>
          </div>
          <nav className="container site-nav" aria-label={t('layout.mainNav')}>
            <ul>
              <li>
                <a href="/">{t('layout.home')}</a>
              </li>
              {agency && (
                <>
                  <li>
                    <a href={`/${agency.slug}`}>{agency.shortName}</a>
                  </li>
                  <li>
                    <a href={`/${agency.slug}/standarts`}>{t('layout.standard')}</a>
                  </li>
                  <li>
                    <a href={`/${agency.slug}/kontakti`}>{t('layout.contacts')}</a>
                  </li>
                  <li>
                    <a href={`/${agency.slug}/buj`}>{t('layout.faq')}</a>
                  </li>
                  <li>
                    <a href={`/${agency.slug}/jautajums`}>{t('layout.askQuestion')}</a>
                  </li>
                  {agency.booking && (
                    <li>
                      <a href={`/${agency.slug}/pieraksts`}>{t('layout.book')}</a>
                    </li>
                  )}
                  {agency.walkIn && (
                    <li>
                      <a href={`/${agency.slug}/rinda`}>{t('layout.queue')}</a>
                    </li>
                  )}
                  <li>
                    <a href={`/${agency.slug}/atsauksme`}>{t('layout.feedback')}</a>
                  </li>
                </>
              )}
              <li>
                <a href="/kalendars">{t('layout.calendar')}</a>
              </li>
              <li>
                <a href="/staff">{t('layout.staff')}</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t('layout.footer')}</p>
            <p>
              <a href={agency ? `/${agency.slug}/privatums` : '/privatums'}>{t('privacy.footer.privacy')}</a>
              {' · '}
              <a href={agency ? `/${agency.slug}/pieejamiba` : '/pieejamiba'}>{t('privacy.footer.accessibility')}</a>
              {' · '}
              <a href="/api/docs">{t('layout.apiDocs')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderDocument(element: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

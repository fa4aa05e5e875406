import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { languageSwitchHref, type PageContext } from './page-context.ts';
import { CollapsibleNav, isCurrent, StaffHeaderNav } from './staff-shell.tsx';

/** `walkIn`: a centre serves in queue order (the queue link is shown); `booking`: visits can be booked. */
export type AgencyNav = { slug: string; shortName: string; walkIn?: boolean; booking?: boolean; brand?: { mark: string; name: string } };

/** The body's classes: a staff page, an agency's page (its colour comes from /{slug}/brand.css: no inline style under the CSP). */
function bodyClass(ctx: PageContext, agency: AgencyNav | undefined): string | undefined {
  const classes = [ctx.staffShell ? 'staff-page' : null, agency?.brand && !ctx.staffShell ? `agency-${agency.slug}` : null].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

type LayoutProps = {
  ctx: PageContext;
  title: string;
  agency?: AgencyNav;
  /** Extra stylesheets of a feature, e.g. ['/static/queue.css'], loaded after app.css. */
  stylesheets?: readonly string[];
  /** The page's meta description (search results, link previews); the platform's by default. */
  description?: string | undefined;
  children: ReactNode;
};

export function Layout({ ctx, title, agency, stylesheets = [], description, children }: LayoutProps) {
  const { t, lang } = ctx;
  const other = lang === 'lv' ? 'en' : 'lv';
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('app.name')}`}</title>
        <meta name="description" content={description ?? t('layout.description')} />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        {agency?.brand && !ctx.staffShell && <link rel="stylesheet" href={`/${agency.slug}/brand.css`} />}
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body className={bodyClass(ctx, agency)}>
        <a className="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header className={ctx.staffShell ? 'site-header staff-header' : 'site-header'}>
          <div className="container header-row">
            <a className="brand" href={ctx.staffShell ? `/staff/${ctx.staffShell.agency.slug}` : '/'}>
              {t('app.name')}
              <span className="brand-tagline">{ctx.staffShell ? t('staffShell.tagline') : t('app.tagline')}</span>
            </a>
            {agency?.brand && !ctx.staffShell && (
              <a className="agency-mark" href={`/${agency.slug}`} title={agency.brand.mark === agency.brand.name ? undefined : agency.brand.name}>
                {agency.brand.mark}
              </a>
            )}
            <a className="lang-switch" href={languageSwitchHref(ctx)} lang={other} hrefLang={other}>
              <span aria-hidden="true">{t('layout.switchTo')}</span>
              <span className="visually-hidden">{t('layout.switchToLabel')}</span>
            </a>
          </div>
          {ctx.staffShell ? <StaffHeaderNav ctx={ctx} shell={ctx.staffShell} /> : <PublicNav ctx={ctx} agency={agency} />}
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
              {/* The API documentation (Swagger UI) is for developers and staff: not linked from the client portal. */}
              {ctx.staffShell && (
                <>
                  {' · '}
                  <a href="/api/docs">{t('layout.apiDocs')}</a>
                </>
              )}
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

function PublicNav({ ctx, agency }: { ctx: PageContext; agency: AgencyNav | undefined }) {
  const t = ctx.t;
  const link = (href: string, label: string) => (
    <li key={href}>
      <a href={href} aria-current={(href === '/' ? ctx.path === '/' : href === `/${agency?.slug}` ? ctx.path === href : isCurrent(ctx.path, href)) ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  const items = [
    link('/', t('layout.home')),
    ...(agency
      ? [
          link(`/${agency.slug}`, agency.shortName),
          link(`/${agency.slug}/standarts`, t('layout.standard')),
          link(`/${agency.slug}/kontakti`, t('layout.contacts')),
          link(`/${agency.slug}/buj`, t('layout.faq')),
          link(`/${agency.slug}/jautajums`, t('layout.askQuestion')),
          ...(agency.booking ? [link(`/${agency.slug}/pieraksts`, t('layout.book'))] : []),
          ...(agency.walkIn ? [link(`/${agency.slug}/rinda`, t('layout.queue'))] : []),
          link(`/${agency.slug}/atsauksme`, t('layout.feedback')),
        ]
      : []),
    link('/kalendars', t('layout.calendar')),
    link('/staff', t('layout.staff')),
  ];
  return (
    <CollapsibleNav label={t('layout.mainNav')} menuLabel={t('layout.menu')} className="site-nav">
      {items}
    </CollapsibleNav>
  );
}

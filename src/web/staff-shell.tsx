import type { ReactNode } from 'react';
import { CsrfField } from './components.tsx';
import type { PageContext } from './page-context.ts';

/** What the staff header shows: built per request by the staff shell hook (features/staff/staff-shell.hook.ts). */
export type StaffShell = {
  agency: { slug: string; name: string };
  role: string;
  person: string;
  otherAgencies: Array<{ slug: string; name: string }>;
  entries: Array<{ id: string; href: string; label: string; counts: Array<{ text: string; urgent: boolean }> }>;
};

/** A navigation that folds into a <details> menu on a narrow screen (works without JavaScript). */
export function CollapsibleNav({ label, menuLabel, className, children }: { label: string; menuLabel: string; className: string; children: ReactNode }) {
  return (
    <nav className={`container ${className}`} aria-label={label}>
      <details className="nav-small">
        <summary>{menuLabel}</summary>
        <ul>{children}</ul>
      </details>
      <ul className="nav-wide">{children}</ul>
    </nav>
  );
}

/** The current page is its entry or below it (the inbox stays current on an inquiry). */
export function isCurrent(path: string, href: string): boolean {
  return path === href || path.startsWith(`${href}/`);
}

/** The same section in another agency of the person (the inbox of the other agency, not its home). */
export function switchHref(path: string, from: string, to: string): string {
  const prefix = `/staff/${from}`;
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return `/staff/${to}`;
  const section = path.slice(prefix.length).split('/')[1];
  return section ? `/staff/${to}/${section}` : `/staff/${to}`;
}

export function StaffHeaderNav({ ctx, shell }: { ctx: PageContext; shell: StaffShell }) {
  const t = ctx.t;
  const items = shell.entries.map((e) => (
    <li key={e.id}>
      <a href={e.href} aria-current={isCurrent(ctx.path, e.href) ? 'page' : undefined}>
        {e.label}
        {e.counts.map((c) => (
          <span key={c.text} className={c.urgent ? 'nav-count nav-count-urgent' : 'nav-count'}>
            {' '}
            {c.text}
          </span>
        ))}
      </a>
    </li>
  ));
  return (
    <>
      <div className="container staff-agency-row">
        <p className="staff-agency">
          <a href={`/staff/${shell.agency.slug}`} className="staff-agency-name">
            {shell.agency.name}
          </a>{' '}
          <span className="staff-person">
            {shell.person} · {shell.role}
          </span>
        </p>
        {shell.otherAgencies.length > 0 && (
          <p className="staff-switch">
            {t('staffShell.switchAgency')}{' '}
            {shell.otherAgencies.map((a, i) => (
              <span key={a.slug}>
                {i > 0 ? ', ' : ''}
                <a href={switchHref(ctx.path, shell.agency.slug, a.slug)}>{a.name}</a>
              </span>
            ))}
          </p>
        )}
        {ctx.csrfToken && (
          <form method="post" action="/staff/logout" className="staff-signout">
            <CsrfField ctx={ctx} />
            <button type="submit" className="link-button">
              {t('staff.signOut')}
            </button>
          </form>
        )}
      </div>
      <CollapsibleNav label={t('staffShell.navLabel')} menuLabel={t('staffShell.menu')} className="site-nav staff-nav">
        {items}
      </CollapsibleNav>
    </>
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff navigation of a staff page (set for signed-in staff on GET pages by the staff feature). */
    staffShell: StaffShell | null;
  }
}

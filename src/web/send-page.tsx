import type { FastifyReply } from 'fastify';
import type { ReactNode } from 'react';
import { Layout, renderDocument, type AgencyNav } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/** What the navigation needs of an agency (an AgencyProfile will do). */
export type PageAgency = {
  slug: string;
  shortName: { lv: string; en: string };
  name?: { lv: string; en: string };
  /** The agency's name mark and colour (agencies/*.yaml `brand`): its pages load /{slug}/brand.css. */
  brand?: { mark?: { lv: string; en: string } | undefined; colour: string } | undefined;
  serviceCentres?: ReadonlyArray<{ walkIn: boolean; appointments: boolean }>;
  videoConsultation?: unknown;
};

export function agencyNav(agency: PageAgency, lang: 'lv' | 'en'): AgencyNav {
  return {
    slug: agency.slug,
    shortName: agency.shortName[lang],
    ...(agency.brand ? { brand: { mark: (agency.brand.mark ?? agency.shortName)[lang], name: (agency.name ?? agency.shortName)[lang] } } : {}),
    walkIn: agency.serviceCentres?.some((c) => c.walkIn) ?? false,
    booking: (agency.serviceCentres?.some((c) => c.appointments) ?? false) || Boolean(agency.videoConsultation),
  };
}

/** Renders a page in the site layout and sends it. */
export function sendPage(
  reply: FastifyReply,
  ctx: PageContext,
  page: { title: string; body: ReactNode; agency?: PageAgency | undefined; status?: number; stylesheets?: readonly string[] },
) {
  const nav: AgencyNav | undefined = page.agency ? agencyNav(page.agency, ctx.lang) : undefined;
  return reply
    .status(page.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(
      renderDocument(
        <Layout ctx={ctx} title={page.title} stylesheets={page.stylesheets ?? []} {...(nav ? { agency: nav } : {})}>
          {page.body}
        </Layout>,
      ),
    );
}

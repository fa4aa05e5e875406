import type { FastifyReply } from 'fastify';
import type { ReactNode } from 'react';
import { Layout, renderDocument, type AgencyNav } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/** Renders a page in the site layout and sends it. */
export function sendPage(
  reply: FastifyReply,
  ctx: PageContext,
  page: { title: string; body: ReactNode; agency?: { slug: string; shortName: { lv: string; en: string } }; status?: number },
) {
  const nav: AgencyNav | undefined = page.agency ? { slug: page.agency.slug, shortName: page.agency.shortName[ctx.lang] } : undefined;
  return reply
    .status(page.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(
      renderDocument(
        <Layout ctx={ctx} title={page.title} agency={nav}>
          {page.body}
        </Layout>,
      ),
    );
}

import { Layout, renderDocument } from './layout.tsx';
import type { FastifyRequest } from 'fastify';
import { pageContext, type PageContext } from './page-context.ts';

export function renderErrorPage(ctx: PageContext, title: string, text: string): string {
  return renderDocument(
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">{ctx.t('layout.home')}</a>
      </p>
    </Layout>,
  );
}

/** The platform's error handler renders its pages through this (src/app wires it). */
export function renderRequestErrorPage(request: FastifyRequest, title: string, text: string, { hideAddress }: { hideAddress: boolean }): string {
  const page = pageContext(request);
  return renderErrorPage(hideAddress ? { ...page, path: '/', query: new URLSearchParams() } : page, title, text);
}

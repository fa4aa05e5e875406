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

// A visitor's error page depends only on its language and words (see below), so the same refusal is drawn once:
// bad and hostile requests cost a lookup, not a render (issue 18: 3 % hostile requests took half the CPU of a crowd).
const KEPT_MAX = 256;
const kept = new Map<string, string>();

function keptPage(key: string, render: () => string): string {
  const found = kept.get(key);
  if (found !== undefined) return found;
  const page = render();
  if (kept.size >= KEPT_MAX) kept.delete(kept.keys().next().value as string);
  kept.set(key, page);
  return page;
}

/**
 * The platform's error handler renders its pages through this (src/app wires it). A visitor's error page never
 * repeats the address it was asked for: its language switch is `?lang=…` (the same path, the query dropped), and
 * no navigation item is marked current. Staff pages keep their shell (and path, unless it could not be read) and are
 * drawn each time.
 */
export function renderRequestErrorPage(request: FastifyRequest, title: string, text: string, { hideAddress }: { hideAddress: boolean }): string {
  const page = pageContext(request);
  if (page.staff || page.staffShell) return renderErrorPage({ ...page, ...(hideAddress ? { path: '/' } : {}), query: new URLSearchParams() }, title, text);
  return keptPage(`${page.lang}\u0000${title}\u0000${text}`, () => renderErrorPage({ ...page, path: '', query: new URLSearchParams() }, title, text));
}

import { Layout, renderDocument } from './layout.tsx';
import type { PageContext } from './page-context.ts';

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

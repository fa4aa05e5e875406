import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { AccessibilityStatementView, PrivacyNoticeView } from './statements.views.tsx';

type AgencyParams = { Params: { agency: string } };

/** /{agency}/privatums and /{agency}/pieejamiba, linked from every agency page's footer. */
export async function statementPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/:agency/privatums', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    return sendPage(reply, ctx, { title: ctx.t('privacy.notice.title'), body: <PrivacyNoticeView ctx={ctx} profile={profile} />, agency: profile });
  });

  // Pages without an agency (the home page, the calendar) link here: one list of every agency's statement.
  for (const [path, title, intro] of [
    ['privatums', 'privacy.notice.title', 'privacy.platform.privacyIntro'],
    ['pieejamiba', 'privacy.accessibility.title', 'privacy.platform.accessibilityIntro'],
  ] as const) {
    app.get(`/${path}`, async (request, reply) => {
      const ctx = pageContext(request);
      return sendPage(reply, ctx, {
        title: ctx.t(title),
        body: (
          <>
            <h1>{ctx.t(title)}</h1>
            <p>{ctx.t(intro)}</p>
            <ul>
              {deps.agencies.list().map((agency) => (
                <li key={agency.slug}>
                  <a href={`/${agency.slug}/${path}`}>{agency.name[ctx.lang]}</a>
                </li>
              ))}
            </ul>
          </>
        ),
      });
    });
  }

  app.get<AgencyParams>('/:agency/pieejamiba', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    return sendPage(reply, ctx, { title: ctx.t('privacy.accessibility.title'), body: <AccessibilityStatementView ctx={ctx} profile={profile} />, agency: profile });
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pageContext, withLang } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { formValues } from '../../web/form-values.ts';
import { sendFeedbackPage } from './feedback-page.tsx';
import { openSurvey, submitSurvey, type SurveyLinkProblem } from './survey-responses.service.ts';
import { SurveyFormView, SurveyMessageView, surveyMessageTitle } from './survey.views.tsx';

type SurveyParams = { Params: { agency: string; token: string } };

/** Forged or broken → 404; expired → 410; answered already → 409 on a second submission, 410 on opening. */
const LINK_STATUS: Record<SurveyLinkProblem, { get: number; post: number }> = {
  invalid: { get: 404, post: 404 },
  expired: { get: 410, post: 410 },
  used: { get: 410, post: 409 },
};

function sendMessage(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, problem: SurveyLinkProblem | 'thanks', status: number) {
  const ctx = pageContext(request);
  reply.header('cache-control', 'no-store');
  return sendFeedbackPage(reply, ctx, { title: surveyMessageTitle(ctx, problem), body: <SurveyMessageView ctx={ctx} profile={profile} problem={problem} />, agency: profile, status });
}

/** /{agency}/aptauja/{token}: the survey of one invitation, and /{agency}/aptauja/paldies after answering. */
export async function surveyPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: { agency: string } }>('/:agency/aptauja/paldies', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    return sendMessage(request, reply, profile, 'thanks', 200);
  });

  app.get<SurveyParams>('/:agency/aptauja/:token', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const access = await openSurvey(deps, profile, request.params.token);
    if (!access.ok) return sendMessage(request, reply, profile, access.reason, LINK_STATUS[access.reason].get);
    const ctx = pageContext(request, reply.generateCsrf());
    reply.header('cache-control', 'no-store');
    return sendFeedbackPage(reply, ctx, {
      title: ctx.t('feedback.survey.title'),
      body: <SurveyFormView ctx={ctx} profile={profile} action={request.url.split('?')[0] as string} values={{}} errors={[]} asksConsent={Boolean(access.invitation.staffId)} />,
      agency: profile,
    });
  });

  app.post<SurveyParams>('/:agency/aptauja/:token', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const form = formValues(request.body);
    const result = await submitSurvey(deps, originOf(request), { profile, token: request.params.token, form, t: request.t, lang: request.lang });
    if (result.kind === 'link') return sendMessage(request, reply, profile, result.reason, LINK_STATUS[result.reason].post);
    if (result.kind === 'invalid') {
      const ctx = pageContext(request, reply.generateCsrf());
      return sendFeedbackPage(reply, ctx, {
        title: `${ctx.t('errors.summaryTitle')}: ${ctx.t('feedback.survey.title')}`,
        body: (
          <SurveyFormView
            ctx={ctx}
            profile={profile}
            action={request.url.split('?')[0] as string}
            values={form}
            errors={result.errors}
            asksConsent={result.asksConsent}
          />
        ),
        agency: profile,
        status: 400,
      });
    }
    return reply.redirect(withLang(`/${profile.slug}/aptauja/paldies`, pageContext(request)), 303);
  });
}

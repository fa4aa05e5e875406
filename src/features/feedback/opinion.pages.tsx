import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { pageContext, withLang } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { formValues } from '../../web/form-values.ts';
import { sendFeedbackPage } from './feedback-page.tsx';
import { recordOpinion } from './opinions.service.ts';
import { OpinionFormView, OpinionThanksView, type OpinionConfirmation } from './opinion.views.tsx';

type AgencyParams = { Params: { agency: string } };

const CONFIRMATION_COOKIE = 'apkalpe_feedback_confirmation';
const CONFIRMATION_MAX_AGE_SECONDS = 600;

function renderForm(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, values: Record<string, string>, errors: FieldError[], status: number) {
  const ctx = pageContext(request, reply.generateCsrf());
  return sendFeedbackPage(reply, ctx, {
    title: errors.length > 0 ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('feedback.opinion.title')}` : ctx.t('feedback.opinion.title'),
    body: <OpinionFormView ctx={ctx} profile={profile} values={values} errors={errors} />,
    agency: profile,
    status,
  });
}

function readConfirmation(request: FastifyRequest): { expired: boolean; confirmation: OpinionConfirmation } {
  const raw = request.cookies[CONFIRMATION_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : null;
  if (!unsigned?.valid || !unsigned.value) return { expired: true, confirmation: null };
  if (unsigned.value === '-') return { expired: false, confirmation: null };
  const [reference = '', accessCode = '', deadline = ''] = unsigned.value.split('~');
  return { expired: false, confirmation: reference && accessCode ? { reference, accessCode, deadline } : null };
}

/** /{agency}/atsauksme: praise, complaint or suggestion from anyone, and its confirmation. */
export async function opinionPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/:agency/atsauksme', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    return renderForm(request, reply, profile, {}, [], 200);
  });

  app.post<AgencyParams>('/:agency/atsauksme', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const raw = formValues(request.body);
    const result = await recordOpinion(deps, originOf(request), { profile, raw, source: 'web', lang: request.lang });
    if (result.kind === 'rate-limited') {
      const ctx = pageContext(request);
      reply.header('retry-after', String(result.retryAfterMinutes * 60));
      return sendFeedbackPage(reply, ctx, {
        title: ctx.t('feedback.opinion.tooManyTitle'),
        body: (
          <>
            <h1>{ctx.t('feedback.opinion.tooManyTitle')}</h1>
            <p role="alert">{ctx.t('feedback.opinion.tooMany', { minutes: result.retryAfterMinutes })}</p>
          </>
        ),
        agency: profile,
        status: 429,
      });
    }
    if (result.kind === 'invalid') return renderForm(request, reply, profile, raw, result.errors, 400);
    const value = result.inquiry ? [result.inquiry.reference, result.inquiry.accessCode, result.inquiry.deadline].join('~') : '-';
    reply.setCookie(CONFIRMATION_COOKIE, value, {
      path: `/${profile.slug}/atsauksme`,
      signed: true,
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: CONFIRMATION_MAX_AGE_SECONDS,
    });
    return reply.redirect(withLang(`/${profile.slug}/atsauksme/paldies`, pageContext(request)), 303);
  });

  app.get<AgencyParams>('/:agency/atsauksme/paldies', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    reply.header('cache-control', 'no-store');
    const { expired, confirmation } = readConfirmation(request);
    return sendFeedbackPage(reply, ctx, {
      title: ctx.t('feedback.opinion.thanksTitle'),
      body: <OpinionThanksView ctx={ctx} profile={profile} confirmation={confirmation} expired={expired} />,
      agency: profile,
    });
  });
}

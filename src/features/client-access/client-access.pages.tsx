import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { fieldErrorsFromIssues, type FieldError } from '../../platform/http/problem.ts';
import { withForbiddenCharacters } from '../../platform/http/form.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formValues } from '../../web/form-values.ts';
import { pageContext, withLang } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { checkSignInLink, clientMatters, endClientSession, findClientSession, requestSignInLink, SESSION_MINUTES, useSignInLink, type LinkState } from './client-access.service.ts';
import { ConfirmView, EmailFormView, MattersView, MessageView } from './client-access.views.tsx';
import type { ClientSessionGate } from './client-matter-source.ts';
import { CLIENT_MATTER_SOURCES } from './client-matters.ts';

type AgencyParams = { Params: { agency: string } };

export const CLIENT_SESSION_COOKIE = 'apkalpe_client';

const EmailFormSchema = z.object({ email: z.string().trim().min(1).max(254).pipe(z.email()) });

const LINK_PAGES: Record<Exclude<LinkState, 'valid'>, { status: number; title: MessageKey; text: MessageKey }> = {
  invalid: { status: 400, title: 'clientAccess.linkInvalidTitle', text: 'clientAccess.linkInvalid' },
  used: { status: 410, title: 'clientAccess.linkUsedTitle', text: 'clientAccess.linkUsed' },
  expired: { status: 410, title: 'clientAccess.linkExpiredTitle', text: 'clientAccess.linkExpired' },
};

function message(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, title: MessageKey, text: string, status: number, again = true) {
  const ctx = pageContext(request);
  reply.header('cache-control', 'no-store');
  return sendPage(reply, ctx, { title: ctx.t(title), body: <MessageView ctx={ctx} title={title} text={text} agency={profile.slug} again={again} />, agency: profile, status });
}

function emailForm(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, value: string, errors: FieldError[], status: number) {
  const ctx = pageContext(request, reply.generateCsrf());
  return sendPage(reply, ctx, {
    title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('clientAccess.title')}` : ctx.t('clientAccess.title'),
    body: <EmailFormView ctx={ctx} agency={profile.slug} value={value} errors={errors} />,
    agency: profile,
    status,
  });
}

const cookiePath = (slug: string) => `/${slug}/mani`;
const tokenOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 100) : '');

/** /{agency}/mani: a client's own matters through a one-time e-mail link, without an account. */
export async function clientAccessPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/:agency/mani', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const session = await findClientSession(deps, profile.slug, request.cookies[CLIENT_SESSION_COOKIE]);
    if (!session) return emailForm(request, reply, profile, '', [], 200);
    const matters = await clientMatters(deps, session, originOf(request));
    const ctx = pageContext(request, reply.generateCsrf());
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ctx, { title: ctx.t('clientAccess.title'), body: <MattersView ctx={ctx} profile={profile} email={session.email} expiresAt={session.expiresAt} matters={matters} />, agency: profile });
  });

  app.post<AgencyParams>('/:agency/mani', { config: { form: true } }, async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const raw = formValues(request.body);
    const parsed = EmailFormSchema.safeParse({ email: raw['email'] ?? '' });
    const errors = withForbiddenCharacters(parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues, request.t, request.lang), request);
    if (!parsed.success || errors.length > 0) return emailForm(request, reply, profile, raw['email'] ?? '', errors, 400);
    const result = await requestSignInLink(deps, profile, { email: parsed.data.email, ip: request.ip ?? null, lang: request.lang });
    if (result.kind === 'rate-limited') {
      reply.header('retry-after', String(result.retryAfterMinutes * 60));
      return message(request, reply, profile, 'clientAccess.tooManyTitle', request.t('clientAccess.tooMany', { minutes: result.retryAfterMinutes }), 429, false);
    }
    return reply.redirect(withLang(`/${profile.slug}/mani/nosutits`, request), 303);
  });

  app.get<AgencyParams>('/:agency/mani/nosutits', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    return message(request, reply, profile, 'clientAccess.sentTitle', request.t('clientAccess.sent'), 200, false);
  });

  app.get<AgencyParams>('/:agency/mani/ieiet', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const token = tokenOf((request.query as Record<string, unknown>)['token']);
    const state = await checkSignInLink(deps, profile.slug, token);
    if (state !== 'valid') return message(request, reply, profile, LINK_PAGES[state].title, request.t(LINK_PAGES[state].text), LINK_PAGES[state].status);
    const ctx = pageContext(request, reply.generateCsrf());
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return sendPage(reply, ctx, { title: ctx.t('clientAccess.confirmTitle'), body: <ConfirmView ctx={ctx} agency={profile.slug} token={token} />, agency: profile });
  });

  app.post<AgencyParams>('/:agency/mani/ieiet', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const token = tokenOf(formValues(request.body)['token']);
    const result = await useSignInLink(deps, profile.slug, token, originOf(request));
    if (result.state !== 'valid') return message(request, reply, profile, LINK_PAGES[result.state].title, request.t(LINK_PAGES[result.state].text), LINK_PAGES[result.state].status);
    reply.setCookie(CLIENT_SESSION_COOKIE, result.sessionToken, {
      path: cookiePath(profile.slug),
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: SESSION_MINUTES * 60,
    });
    return reply.redirect(withLang(`/${profile.slug}/mani`, request), 303);
  });

  app.post<AgencyParams>('/:agency/mani/iziet', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const session = await findClientSession(deps, profile.slug, request.cookies[CLIENT_SESSION_COOKIE]);
    if (session) await endClientSession(deps, session, originOf(request));
    reply.clearCookie(CLIENT_SESSION_COOKIE, { path: cookiePath(profile.slug) });
    return reply.redirect(withLang(`/${profile.slug}/mani/izgajis`, request), 303);
  });

  app.get<AgencyParams>('/:agency/mani/izgajis', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    return message(request, reply, profile, 'clientAccess.signedOutTitle', request.t('clientAccess.signedOut'), 200);
  });

  // The sources' own pages under /{agency}/mani/… (an appointment's manage page), authorised by the session.
  const gate: ClientSessionGate = {
    session: (request) => findClientSession(deps, deps.agencies.require(request.params.agency).slug, request.cookies[CLIENT_SESSION_COOKIE]),
    signedOut: async (request, reply) => {
      const profile = deps.agencies.require(request.params.agency);
      return message(request, reply, profile, 'clientAccess.sessionEndedTitle', request.t('clientAccess.sessionEnded'), 403);
    },
    base: cookiePath,
    backLabel: (ctx) => ctx.t('clientAccess.backToMatters'),
  };
  for (const source of CLIENT_MATTER_SOURCES) await source.routes?.(app, deps, gate);
}

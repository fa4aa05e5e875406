import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { fieldErrorsFromIssues, type FieldError } from '../../platform/http/problem.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { SignInFormSchema } from './staff.schema.ts';
import { SESSION_COOKIE } from './staff-session.hook.ts';
import { SESSION_TTL_MS, signIn, signOut } from './staff.service.ts';
import { SignInView, StaffHomeView } from './staff.views.tsx';

/** Only our own staff pages are valid targets after sign-in (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/staff(\/[\w\-/?=&%.]*)?$/.test(next) ? next : '/staff';
}

function renderSignIn(request: FastifyRequest, reply: FastifyReply, state: { email: string; errors: FieldError[]; status: number }) {
  const ctx = pageContext(request, reply.generateCsrf());
  const next = (request.query as { next?: string }).next ?? '';
  return sendPage(reply, ctx, {
    title: ctx.t('staff.signInTitle'),
    body: <SignInView ctx={ctx} email={state.email} errors={state.errors} next={next ? safeNext(next) : ''} />,
    status: state.status,
  });
}

export async function staffPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/staff', async (request, reply) => {
    if (!request.staff) return renderSignIn(request, reply, { email: '', errors: [], status: 200 });
    const ctx = pageContext(request, reply.generateCsrf());
    const names = new Map(deps.agencies.list().map((a) => [a.slug, a.name[ctx.lang]]));
    return sendPage(reply, ctx, { title: ctx.t('staff.homeTitle'), body: <StaffHomeView ctx={ctx} agencyNames={names} /> });
  });

  app.get('/staff/login', async (request, reply) => renderSignIn(request, reply, { email: '', errors: [], status: 200 }));

  app.post('/staff/login', async (request, reply) => {
    const parsed = SignInFormSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      const errors = fieldErrorsFromIssues(parsed.error.issues, request.t, request.lang);
      const email = String((request.body as { email?: unknown } | undefined)?.email ?? '');
      return renderSignIn(request, reply, { email, errors, status: 400 });
    }
    const result = await signIn(deps, { ...originOf(request), userAgent: request.headers['user-agent'] ?? null }, parsed.data);
    if (!result.ok) {
      const message =
        result.reason === 'rate-limited'
          ? request.t('hardening.slowDown', { seconds: result.retryAfterSeconds })
          : request.t('staff.badCredentials');
      const status = result.reason === 'rate-limited' ? 429 : 401;
      if (result.reason === 'rate-limited') reply.header('retry-after', String(result.retryAfterSeconds));
      return renderSignIn(request, reply, { email: parsed.data.email, errors: [{ field: 'email', code: result.reason, message }], status });
    }
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: SESSION_TTL_MS / 1000,
    });
    return reply.redirect(safeNext((request.query as { next?: string }).next), 303);
  });

  app.post('/staff/logout', async (request, reply) => {
    if (request.staff) await signOut(deps, originOf(request), request.staff);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/staff/login', 303);
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { forbiddenCharacterErrors } from '../../platform/http/input-guard.ts';
import { formValues } from '../../web/form-values.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { requestCallback, rigaInstant } from './callback-request.service.ts';
import { callbackLine, linesWithStatus } from './phone-lines.ts';
import { CallbackDoneView, PhonePageView } from './phone-public.views.tsx';
import { formatDeadline } from './phone-format.ts';
import { phoneCallbacks } from './phone.tables.ts';

type AgencyParams = { Params: { agency: string } };
type DoneParams = { Params: { agency: string; id: string } };

export const PHONE_STYLESHEETS = ['/static/phone.css'] as const;

async function renderPhonePage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, values: Record<string, string>, errors: FieldError[], status: number) {
  const ctx = pageContext(request, reply.generateCsrf());
  const lines = linesWithStatus(profile, await loadCalendar(deps), deps.clock());
  return sendPage(reply, ctx, {
    title: `${errors.length ? `${ctx.t('errors.summaryTitle')}: ` : ''}${ctx.t('phone.page.title')}: ${profile.shortName[ctx.lang]}`,
    body: <PhonePageView ctx={ctx} profile={profile} lines={lines} line={callbackLine(profile)} values={values} errors={errors} />,
    agency: profile,
    status,
    stylesheets: PHONE_STYLESHEETS,
  });
}

/** /{agency}/talrunis: the lines, their hours and topics, and the callback request form (post/redirect/get). */
export async function phonePublicPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/:agency/talrunis', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    return renderPhonePage(deps, request, reply, profile, {}, [], 200);
  });

  app.post<AgencyParams>('/:agency/talrunis/atzvanit', { config: { form: true } }, async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const raw = formValues(request.body);
    const values = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== '_csrf').map(([key, value]) => [key, value.slice(0, 2000).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')]));
    // A field that held a NUL (taken out by the input guard): said next to it, the form shown again, nothing written.
    const forbidden = forbiddenCharacterErrors(request);
    if (forbidden.length > 0) return renderPhonePage(deps, request, reply, profile, values, forbidden, 400);
    const result = await requestCallback(
      deps,
      originOf(request),
      profile,
      {
        name: raw['name'] ?? '',
        phone: raw['phone'] ?? '',
        topic: raw['topic'] ?? '',
        from: rigaInstant(raw['date'] ?? '', raw['from'] ?? ''),
        to: rigaInstant(raw['date'] ?? '', raw['to'] ?? ''),
        description: raw['description'] ?? '',
        email: raw['email'] ?? '',
        consent: raw['consent'] === 'yes',
        lang: request.lang,
      },
      { window: 'date', from: 'date', to: 'to' },
    );
    if (result.kind === 'invalid') return renderPhonePage(deps, request, reply, profile, values, result.errors, 400);
    if (result.kind === 'rate-limited') {
      reply.header('retry-after', String(result.retryAfterSeconds));
      return renderPhonePage(deps, request, reply, profile, values, result.errors, 429);
    }
    return reply.redirect(`/${profile.slug}/talrunis/atzvanit/${result.id}${result.emailed ? '?e=1' : ''}`, 303);
  });

  app.get<DoneParams>('/:agency/talrunis/atzvanit/:id', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    const id = /^[0-9a-f-]{36}$/.test(request.params.id) ? request.params.id : null;
    const [row] = id ? await deps.db.select({ callBy: phoneCallbacks.callBy }).from(phoneCallbacks).where(and(eq(phoneCallbacks.id, id), eq(phoneCallbacks.agency, profile.slug))) : [];
    reply.header('cache-control', 'no-store');
    if (!row) {
      return sendPage(reply, ctx, { title: ctx.t('phone.callback.notFound'), body: <h1>{ctx.t('phone.callback.notFound')}</h1>, agency: profile, status: 404 });
    }
    const emailed = formValues(request.query)['e'] === '1';
    return sendPage(reply, ctx, {
      title: ctx.t('phone.callback.doneTitle'),
      body: <CallbackDoneView ctx={ctx} profile={profile} callBy={formatDeadline(row.callBy, ctx.lang)} emailed={emailed} />,
      agency: profile,
    });
  });
}

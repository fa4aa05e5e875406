import { countFlowStep } from '../../standard-figures/flow-counter.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseReference } from '../../../domain/inquiry/index.ts';
import { originOf } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { forbiddenCharacterErrors } from '../../../platform/http/input-guard.ts';
import { pageContext } from '../../../web/page-context.ts';
import { sendPage } from '../../../web/send-page.tsx';
import type { AgencyProfile } from '../../agencies/agency-profile.schema.ts';
import {
  CONFIRMATION_COOKIE,
  CONFIRMATION_MAX_AGE_SECONDS,
  EMPTY_QUESTION_FORM,
  questionFormValues,
  type QuestionFormValues,
} from '../inquiries-public.schema.ts';
import { submitWebQuestion, topicsFor } from '../inquiries-public.service.ts';
import { uploadsOf } from './uploads.ts';
import { randomBytes } from 'node:crypto';
import { ConfirmationExpiredView, DuplicateQuestionView, ConfirmationView, QuestionFormView, QuestionSuggestionsView, questionPath, withLang } from './question-form.views.tsx';

type AgencyParams = { Params: { agency: string } };

/** A fresh hidden key for a form about to be shown (kept when the form comes back with errors). */
function withKey(values: QuestionFormValues): QuestionFormValues {
  return values.idempotencyKey ? values : { ...values, idempotencyKey: randomBytes(16).toString('base64url') };
}


function renderForm(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, values: QuestionFormValues, errors: FieldError[], status: number) {
  const ctx = pageContext(request, reply.generateCsrf());
  return sendPage(reply, ctx, {
    title: errors.length > 0 ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('inquiries.public.formTitle')}` : ctx.t('inquiries.public.formTitle'),
    body: <QuestionFormView ctx={ctx} profile={profile} topics={topicsFor(profile)} values={withKey(values)} errors={errors} />,
    agency: profile,
    status,
  });
}

/** The confirmation cookie: which inquiry was just filed and its code, for this browser only, for ten minutes. */
function confirmationValue(reference: string, accessCode: string, deadline: string, email: string | null): string {
  return [reference, accessCode, deadline, Buffer.from(email ?? '').toString('base64url')].join('~');
}

type Confirmation = { reference: string; accessCode: string; deadline: string; email: string | null };

function readConfirmation(request: FastifyRequest, slug: string): Confirmation | null {
  const raw = request.cookies[CONFIRMATION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  const [reference = '', accessCode = '', deadline = '', email = ''] = unsigned.value.split('~');
  if (parseReference(reference)?.agency !== slug || !accessCode || !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return null;
  return { reference, accessCode, deadline, email: email ? Buffer.from(email, 'base64url').toString() : null };
}

/** /{agency}/jautajums: the question form, its no-JavaScript suggestion step, filing, and the confirmation. */
export async function questionPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/:agency/jautajums', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    await countFlowStep(deps, profile.slug, 'question-form', 'started');
    return renderForm(request, reply, profile, EMPTY_QUESTION_FORM, [], 200);
  });

  app.post<AgencyParams>('/:agency/jautajums', { config: { form: true } }, async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const { step, ...values } = questionFormValues(request.body);
    const uploads = uploadsOf(request);
    const topics = topicsFor(profile);
    const forbidden = forbiddenCharacterErrors(request);
    const result = await submitWebQuestion(deps, originOf(request), { profile, values, step, uploads, topics, lang: request.lang, t: request.t, forbidden });
    if (result.kind === 'invalid') return renderForm(request, reply, profile, values, result.errors, 400);
    if (result.kind === 'mismatch') {
      // The same page's key with other content (back button, edited, sent again): say so (linked to the question text), and a new key files it.
      const error = { field: 'text', code: 'reused', message: request.t('inquiries.public.idempotency.formReused', { reference: result.inquiry.reference }) };
      return renderForm(request, reply, profile, { ...values, idempotencyKey: '' }, [error], 422);
    }
    if (result.kind === 'repeated') {
      const ctx = pageContext(request);
      // The browser that filed it still holds the confirmation (with the code): show it; otherwise the reference only.
      if (readConfirmation(request, profile.slug)?.reference === result.inquiry.reference) return reply.redirect(withLang(`${questionPath(profile.slug)}/iesniegts`, ctx), 303);
      reply.header('cache-control', 'no-store');
      return sendPage(reply, ctx, { title: ctx.t('inquiries.public.idempotency.duplicateTitle'), body: <DuplicateQuestionView ctx={ctx} profile={profile} reference={result.inquiry.reference} />, agency: profile });
    }
    if (result.kind === 'suggestions') {
      await countFlowStep(deps, profile.slug, 'question-form', 'suggested');
      const ctx = pageContext(request, reply.generateCsrf());
      return sendPage(reply, ctx, {
        title: ctx.t('inquiries.public.preview.title'),
        body: (
          <QuestionSuggestionsView
            ctx={ctx}
            profile={profile}
            topics={topics}
            values={withKey(values)}
            suggestions={result.suggestions}
            attachedNames={uploads.files.map((f) => f.fileName)}
          />
        ),
        agency: profile,
      });
    }
    const { inquiry, accessCode } = result.filed;
    await countFlowStep(deps, profile.slug, 'question-form', 'filed');
    if (step === 'file') await countFlowStep(deps, profile.slug, 'question-form', 'filed-after-suggestions');
    reply.setCookie(CONFIRMATION_COOKIE, confirmationValue(inquiry.reference, accessCode, inquiry.deadline, inquiry.requesterEmail), {
      path: questionPath(profile.slug),
      signed: true,
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: CONFIRMATION_MAX_AGE_SECONDS,
    });
    const ctx = pageContext(request);
    return reply.redirect(withLang(`${questionPath(profile.slug)}/iesniegts`, ctx), 303);
  });

  app.get<AgencyParams>('/:agency/jautajums/iesniegts', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    reply.header('cache-control', 'no-store');
    const confirmation = readConfirmation(request, profile.slug);
    if (!confirmation) {
      return sendPage(reply, ctx, { title: ctx.t('inquiries.public.confirmation.expiredTitle'), body: <ConfirmationExpiredView ctx={ctx} profile={profile} />, agency: profile });
    }
    return sendPage(reply, ctx, {
      title: `${ctx.t('inquiries.public.confirmation.title')}: ${confirmation.reference}`,
      body: <ConfirmationView ctx={ctx} profile={profile} {...confirmation} />,
      agency: profile,
    });
  });
}

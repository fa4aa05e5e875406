import { countFlowStep } from '../../standard-figures/flow-counter.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseReference } from '../../../domain/inquiry/index.ts';
import { originOf } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { forbiddenCharacterErrors } from '../../../platform/http/input-guard.ts';
import { pageContext, withLang } from '../../../web/page-context.ts';
import { sendPage } from '../../../web/send-page.tsx';
import type { AgencyProfile } from '../../agencies/agency-profile.schema.ts';
import {
  CONFIRMATION_COOKIE,
  CONFIRMATION_MAX_AGE_SECONDS,
  EMPTY_QUESTION_FORM,
  questionFormValues,
  removedUploads,
  type QuestionFormValues,
  type QuestionStep,
} from '../inquiries-public.schema.ts';
import { submitWebQuestion, topicsFor } from '../inquiries-public.service.ts';
import { uploadsOf } from './uploads.ts';
import { isPendingSecret, listPendingFiles, newPendingSecret, PENDING_UPLOAD_HOURS, PENDING_VISITOR_COOKIE, type KeptFiles, type PendingFile } from './pending-uploads.service.ts';
import { randomBytes } from 'node:crypto';
import { ConfirmationExpiredView, DuplicateQuestionView, ConfirmationView, QuestionFormView, QuestionSuggestionsView, questionPath } from './question-form.views.tsx';

type AgencyParams = { Params: { agency: string } };

/**
 * A fresh hidden key for a form about to be shown (kept when the form comes back with errors). The kept files' token
 * is made only when the form is posted (keepFormFiles): the first page may be answered from the page cache.
 */
function withKey(values: QuestionFormValues): QuestionFormValues {
  return {
    ...values,
    idempotencyKey: values.idempotencyKey || randomBytes(16).toString('base64url'),
    uploadsToken: isPendingSecret(values.uploadsToken) ? values.uploadsToken : '',
  };
}

/** The browser's half of the key to its kept files (signed cookie), or null. */
function visitorOf(request: FastifyRequest): string | null {
  const raw = request.cookies[PENDING_VISITOR_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && isPendingSecret(unsigned.value) ? unsigned.value : null;
}

/** Files were kept for this browser: its visitor cookie lives as long as they do; the page carrying the token is not stored. */
function rememberVisitor(request: FastifyRequest, reply: FastifyReply, visitor: string, kept: KeptFiles): void {
  if (kept.files.length === 0) return;
  reply.setCookie(PENDING_VISITOR_COOKIE, visitor, {
    path: '/',
    signed: true,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: PENDING_UPLOAD_HOURS * 3600,
  });
  reply.header('cache-control', 'no-store');
}

type FormExtras = { pending?: PendingFile[]; removing?: readonly string[]; resend?: boolean; step?: QuestionStep };

function renderForm(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, values: QuestionFormValues, errors: FieldError[], status: number, extras: FormExtras = {}) {
  const ctx = pageContext(request, reply.generateCsrf());
  const title = extras.resend ? ctx.t('inquiries.public.resend.title') : errors.length > 0 ? ctx.t('errors.summaryTitle') : '';
  return sendPage(reply, ctx, {
    title: title ? `${title}: ${ctx.t('inquiries.public.formTitle')}` : ctx.t('inquiries.public.formTitle'),
    body: <QuestionFormView ctx={ctx} profile={profile} topics={topicsFor(profile)} values={withKey(values)} errors={errors} pending={extras.pending ?? []} removing={extras.removing ?? []} resend={extras.resend ?? false} step={extras.step ?? 'preview'} />,
    agency: profile,
    status,
  });
}

/**
 * A post whose CSRF check failed (the secret cookie expired or was never sent, a stale token): the form again with
 * what was typed, the files kept from earlier steps and a fresh token — nothing filed, nothing stored. Files chosen
 * in this very post are not kept: a cross-site post must not be able to slip files into a client's question.
 */
async function resendForm(deps: AppDeps, request: FastifyRequest<AgencyParams>, reply: FastifyReply) {
  const profile = deps.agencies.require(request.params.agency);
  const { step, ...values } = questionFormValues(request.body);
  const pending = await listPendingFiles(deps, profile.slug, values.uploadsToken, visitorOf(request));
  const notKept = uploadsOf(request).files.map((f) => f.fileName);
  const errors: FieldError[] =
    notKept.length > 0 ? [{ field: 'attachments', code: 'not_kept', message: request.t('inquiries.public.resend.filesNotKept', { files: notKept.join(', ') }) }] : [];
  reply.header('cache-control', 'no-store');
  return renderForm(request, reply, profile, values, errors, 403, { pending, removing: removedUploads(request.body), resend: true, step });
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

  const csrfRefused = (request: FastifyRequest, reply: FastifyReply) => resendForm(deps, request as FastifyRequest<AgencyParams>, reply);
  app.post<AgencyParams>('/:agency/jautajums', { config: { form: true, csrfRefused } }, async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const { step, ...values } = questionFormValues(request.body);
    const uploads = uploadsOf(request);
    const topics = topicsFor(profile);
    const forbidden = forbiddenCharacterErrors(request);
    const visitor = visitorOf(request) ?? newPendingSecret();
    const pending = { token: values.uploadsToken, visitor, remove: removedUploads(request.body) };
    const result = await submitWebQuestion(deps, originOf(request), { profile, values, step, uploads, pending, topics, lang: request.lang, t: request.t, forbidden });
    if ('kept' in result) rememberVisitor(request, reply, visitor, result.kept);
    if (result.kind === 'invalid') return renderForm(request, reply, profile, { ...values, uploadsToken: result.kept.token }, result.errors, 400, { pending: result.kept.files });
    if (result.kind === 'mismatch') {
      // The same page's key with other content (back button, edited, sent again): say so (linked to the question text), and a new key files it.
      const error = { field: 'text', code: 'reused', message: request.t('inquiries.public.idempotency.formReused', { reference: result.inquiry.reference }) };
      return renderForm(request, reply, profile, { ...values, idempotencyKey: '', uploadsToken: result.kept.token }, [error], 422, { pending: result.kept.files });
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
            values={withKey({ ...values, uploadsToken: result.kept.token })}
            suggestions={result.suggestions}
            pending={result.kept.files}
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

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseReference } from '../../../domain/inquiry/index.ts';
import { originOf } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError, type FieldError } from '../../../platform/http/problem.ts';
import { pageContext } from '../../../web/page-context.ts';
import { sendPage } from '../../../web/send-page.tsx';
import type { AgencyProfile } from '../../agencies/agency-profile.schema.ts';
import { AdditionFormSchema, ClientAccessFormSchema, type ClientInquiryView } from '../inquiries-public.schema.ts';
import { addClientInformation, normalizeReferenceInput, openInquiryForClient, topicsFor, type ClientAccessResult } from '../inquiries-public.service.ts';
import { AccessCodeView, ClientInquiryPage, followErrors, type AdditionForm } from './follow-up.views.tsx';
import { uploadsOf } from './uploads.ts';

type AgencyParams = { Params: { agency: string } };
type ReferenceParams = { Params: { agency: string; reference: string } };

/** A reference in the address must be one of this agency's, in form; anything else is simply not a page. */
function referenceOfAgency(profile: AgencyProfile, reference: string): string {
  const normalized = normalizeReferenceInput(reference);
  if (parseReference(normalized)?.agency !== profile.slug) throw new AppError(404, 'not-found', 'errors.notFoundTitle');
  return normalized;
}

function renderCodeForm(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, reference: string | null, errors: FieldError[], status: number) {
  const ctx = pageContext(request, reply.generateCsrf());
  const title = reference ? ctx.t('inquiries.public.follow.titleWithReference', { reference }) : ctx.t('inquiries.public.follow.title');
  return sendPage(reply, ctx, { title, body: <AccessCodeView ctx={ctx} profile={profile} reference={reference} errors={errors} />, agency: profile, status });
}

/** Checks the code and shows the inquiry; every refusal looks the same whatever its cause. */
async function showInquiry(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, reference: string, code: string, referenceInAddress: boolean) {
  const result = await openInquiryForClient(deps, originOf(request), { reference, code, agency: profile.slug });
  // Without the reference in the address the client typed it too: "not found" points at the reference field.
  if (!result.ok) return refuseAccess(request, reply, profile, referenceInAddress ? reference : null, referenceInAddress ? 'code' : 'reference', result);
  return sendInquiryPage(request, reply, profile, result.inquiry, { code, errors: [], text: '' }, 200);
}

function sendInquiryPage(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, inquiry: ClientInquiryView, addition: AdditionForm, status: number) {
  const ctx = pageContext(request, reply.generateCsrf());
  reply.header('cache-control', 'no-store');
  return sendPage(reply, ctx, {
    title: `${addition.errors.length ? `${ctx.t('errors.summaryTitle')}: ` : ''}${ctx.t('inquiries.public.follow.titleWithReference', { reference: inquiry.reference })}`,
    body: <ClientInquiryPage ctx={ctx} inquiry={inquiry} topics={topicsFor(profile)} agencyName={profile.shortName[ctx.lang]} addition={addition} />,
    agency: profile,
    status,
  });
}

/** Refusals of the access code look exactly as on the code form (same status, same words). */
function refuseAccess(
  request: FastifyRequest,
  reply: FastifyReply,
  profile: AgencyProfile,
  formReference: string | null,
  notFoundField: 'code' | 'reference',
  result: Exclude<ClientAccessResult, { ok: true }>,
) {
  if (result.reason === 'rate-limited') {
    reply.header('retry-after', String(result.retryAfterSeconds));
    const message = request.t('hardening.slowDown', { seconds: result.retryAfterSeconds });
    return renderCodeForm(request, reply, profile, formReference, [{ field: 'code', code: 'too_many_attempts', message }], 429);
  }
  return renderCodeForm(request, reply, profile, formReference, [{ field: notFoundField, code: 'not_found', message: request.t('inquiries.public.follow.notFound') }], 404);
}

/** /{agency}/jautajums/sekot and /{agency}/jautajums/{reference}: the client follows an inquiry with its access code. */
export async function followUpPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/:agency/jautajums/sekot', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    return renderCodeForm(request, reply, profile, null, [], 200);
  });

  app.post<AgencyParams>('/:agency/jautajums/sekot', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const form = ClientAccessFormSchema.safeParse(request.body ?? {});
    const reference = form.success ? form.data.reference : '';
    const code = form.success ? form.data.code : '';
    if (!reference || !code) {
      const ctx = pageContext(request);
      return renderCodeForm(request, reply, profile, null, followErrors(ctx, profile, { reference: !reference, code: !code }), 400);
    }
    return showInquiry(deps, request, reply, profile, reference, code, false);
  });

  // Showing the form says nothing about whether the reference exists: only the code opens it.
  app.get<ReferenceParams>('/:agency/jautajums/:reference', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    return renderCodeForm(request, reply, profile, referenceOfAgency(profile, request.params.reference), [], 200);
  });

  app.post<ReferenceParams>('/:agency/jautajums/:reference', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const reference = referenceOfAgency(profile, request.params.reference);
    const form = ClientAccessFormSchema.safeParse(request.body ?? {});
    const code = form.success ? form.data.code : '';
    if (!code) {
      const ctx = pageContext(request);
      return renderCodeForm(request, reply, profile, reference, followErrors(ctx, profile, { reference: false, code: true }), 400);
    }
    return showInquiry(deps, request, reply, profile, reference, code, true);
  });

  // The client adds text and files to an open inquiry (multipart; the code comes again in the form).
  app.post<ReferenceParams>('/:agency/jautajums/:reference/papildinat', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const reference = referenceOfAgency(profile, request.params.reference);
    const form = AdditionFormSchema.safeParse(request.body ?? {});
    const code = form.success ? form.data.code : '';
    const text = form.success ? form.data.text : '';
    const result = await addClientInformation(deps, originOf(request), { agency: profile.slug, reference, code, text, uploads: uploadsOf(request), t: request.t, lang: request.lang });
    if (!result.ok) return refuseAccess(request, reply, profile, reference, 'code', result);
    const status = result.outcome === 'invalid' ? 400 : result.outcome === 'closed' ? 409 : 200;
    const addition: AdditionForm = { code, errors: result.errors, text: result.outcome === 'invalid' ? text : '', ...(result.outcome === 'invalid' ? {} : { outcome: result.outcome }) };
    return sendInquiryPage(request, reply, profile, result.inquiry, addition, status);
  });
}

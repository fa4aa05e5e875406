import { timingSafeEqual } from 'node:crypto';
import { acceptsClientMessages, hashAccessCode, isOpen, parseReference, type InquiryStatus } from '../../domain/inquiry/index.ts';
import { validatePersonalCode } from '../../domain/personal-code/index.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { translator, type Language, type Translate } from '../../platform/i18n/index.ts';
import { AppError, fieldErrorsFromIssues, type FieldError } from '../../platform/http/problem.ts';
import { withForbiddenCharacters } from '../../platform/http/form.ts';
import { failureWaitSeconds } from '../../platform/audit/failure-throttle.ts';
import type { AgencyProfile, LocalizedText } from '../agencies/agency-profile.schema.ts';
import { findInquiryByReference, findInquiryByReferenceInAgency, type InquiryRow } from './inquiries.repository.ts';
import { appendClientMessage, fileInquiry, type FiledInquiry, type InquiryDeps } from './inquiries.service.ts';
import { PublicInquiryBodySchema, TEXT_MAX, type PublicInquiryBody } from './inquiries.schema.ts';
import { listAttachmentNames, listClientMessages } from './inquiries-public.repository.ts';
import { ACCESS_WINDOW_MINUTES, MAX_ACCESS_FAILURES_PER_IP, MAX_ACCESS_FAILURES_PER_REFERENCE, QUESTION_FORM_FIELDS, type ClientInquiryView, type QuestionFormValues, type QuestionStep } from './inquiries-public.schema.ts';
import { fileOnce, fingerprintOf, IdempotencyKeySchema, type IdempotentFiling } from './idempotency.ts';
import { suggestFaqAnswers, type FaqSuggestion } from './public/faq-suggestions.ts';
import { attachmentErrors, type Uploads } from './public/uploads.ts';
import { filingAttachments, gatherFormFiles, keepFormFiles, pendingFingerprint, releaseFormFiles, type KeptFiles, type PendingRequest } from './public/pending-uploads.service.ts';
import { PERSONAL_DATA_TOPIC, PERSONAL_DATA_TOPIC_NAME } from '../privacy/subject-request.ts';

export type QuestionTopic = { id: string; name: LocalizedText };

const OTHER_TOPIC_IDS = ['citi', 'cits', 'other'];

/**
 * Topics of the question form, from the profile: the phone consultation topics when the agency lists them
 * (Treasury), otherwise its services (VSAA) without the video consultation, which is a channel, not a
 * subject; "other" is added unless the list has its own.
 */
export function questionTopics(profile: AgencyProfile, otherName: LocalizedText): QuestionTopic[] {
  const listed: QuestionTopic[] =
    profile.phoneTopics.length > 0
      ? profile.phoneTopics
      : profile.services.filter((s) => s.id !== profile.videoConsultation?.serviceId).map((s) => ({ id: s.id, name: s.name }));
  const withOther = listed.some((topic) => OTHER_TOPIC_IDS.includes(topic.id)) ? listed : [...listed, { id: 'other', name: otherName }];
  return [...withOther, { id: PERSONAL_DATA_TOPIC, name: PERSONAL_DATA_TOPIC_NAME }];
}

/** The question form's topics of an agency. */
export function topicsFor(profile: AgencyProfile): QuestionTopic[] {
  // Translated on use, not at load: the catalogs are registered when the app is composed.
  const other: LocalizedText = { lv: translator('lv')('inquiries.public.fields.topicOther'), en: translator('en')('inquiries.public.fields.topicOther') };
  return questionTopics(profile, other);
}

/** A valid code as staff search for it (DDMMYY-NNNNN), however the client typed the hyphen. */
function normalizedPersonalCode(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const result = validatePersonalCode(code);
  return result.valid ? result.normalized : code;
}

/** What the staff inbox shows as the subject of a web question: its first line, shortened. */
export function subjectOf(text: string): string {
  const firstLine = text.trim().split(/\r?\n/)[0] ?? '';
  return firstLine.length > 100 ? `${firstLine.slice(0, 99)}…` : firstLine;
}

function topicError(t: Translate): FieldError {
  return { field: 'topic', code: 'invalid_value', message: t('inquiries.public.errors.topicUnknown') };
}

/**
 * The JSON API: the public form as JSON, filed through the core like every channel. With an idempotency key a
 * retry answers the first inquiry (repeated) and a different body under a used key is refused (mismatch).
 */
export async function fileApiQuestion(deps: AppDeps, origin: AuditOrigin, profile: AgencyProfile, body: PublicInquiryBody, idempotencyKey?: string): Promise<IdempotentFiling> {
  if (body.topic && !topicsFor(profile).some((topic) => topic.id === body.topic)) {
    throw new AppError(400, 'validation', 'errors.validation', {}, [
      { field: 'topic', code: 'invalid_value', messageKey: 'inquiries.public.errors.topicUnknown' },
    ]);
  }
  const idempotency = idempotencyKey ? { key: idempotencyKey, fingerprint: fingerprintOf({ channel: 'api', ...body }) } : undefined;
  return fileOnce(deps.db, profile.slug, idempotency, (hook) =>
    fileInquiry(
      deps,
      origin,
      { agency: profile.slug, channel: 'api', ...body, personalCode: normalizedPersonalCode(body.personalCode), subject: subjectOf(body.text) },
      hook,
    ),
  );
}

const FIELD_ORDER: readonly string[] = [...QUESTION_FORM_FIELDS.filter((f) => f !== 'text' && f !== 'topic' && f !== 'idempotencyKey'), 'topic', 'text', 'attachments', 'idempotencyKey'];

/** The schema's issues in the words of the form, in the order of its fields (the error summary follows it). */
function formErrors(values: QuestionFormValues, issues: Parameters<typeof fieldErrorsFromIssues>[0], t: Translate, lang: Language): FieldError[] {
  return fieldErrorsFromIssues(issues, t, lang).map((error): FieldError => {
    if (error.field === 'name') {
      return { ...error, message: t(error.code === 'too_big' ? 'inquiries.public.errors.nameTooLong' : 'inquiries.public.errors.nameRequired') };
    }
    if (error.field === 'text') {
      if (error.code === 'too_big') return { ...error, message: t('inquiries.public.errors.textTooLong', { max: TEXT_MAX.toLocaleString(lang === 'lv' ? 'lv-LV' : 'en-GB'), length: values.text.trim().length.toLocaleString(lang === 'lv' ? 'lv-LV' : 'en-GB') }) };
      return { ...error, message: t('inquiries.public.errors.textRequired') };
    }
    if (error.field === 'email' && error.code === 'invalid_format') return { ...error, message: t('inquiries.public.errors.emailInvalid') };
    return error;
  });
}

export type WebQuestionInput = {
  profile: AgencyProfile;
  values: QuestionFormValues;
  step: QuestionStep;
  uploads: Uploads;
  /** The files kept from the form's earlier steps: its token, the browser's visitor value (a new one if it had none), removals. */
  pending: PendingRequest & { visitor: string };
  topics: QuestionTopic[];
  lang: Language;
  t: Translate;
  /** "Contains a forbidden character" for the fields the input guard took a NUL out of (forbiddenCharacterErrors). */
  forbidden?: FieldError[];
};

/** Whenever the form is shown again, `kept` holds the files it carries on (the new ones that passed joined them). */
export type WebQuestionResult =
  | { kind: 'invalid'; errors: FieldError[]; suggestions: FaqSuggestion[]; kept: KeptFiles }
  | { kind: 'suggestions'; suggestions: FaqSuggestion[]; kept: KeptFiles }
  | (Extract<IdempotentFiling, { kind: 'mismatch' }> & { kept: KeptFiles })
  | Exclude<IdempotentFiling, { kind: 'mismatch' }>;

/** The hidden key as the form sent it, or the field error of a tampered one. */
function formKey(raw: string, t: Translate): { key?: string; error?: FieldError } {
  if (raw === '') return {};
  const parsed = IdempotencyKeySchema.safeParse(raw);
  return parsed.success ? { key: parsed.data } : { error: { field: 'idempotencyKey', code: 'invalid_format', message: t('inquiries.public.idempotency.keyInvalid') } };
}

/**
 * The web form: checks everything first (a refused submission files nothing; the files that passed are kept for the
 * form shown again); on the first step shows the knowledge base's matching answers, when there are any, before
 * filing; otherwise files through the core, with the kept files, which leave the pending store in the same transaction.
 */
export async function submitWebQuestion(deps: AppDeps, origin: AuditOrigin, input: WebQuestionInput): Promise<WebQuestionResult> {
  const { values, t, lang } = input;
  const agency = input.profile.slug;
  const candidate = {
    name: values.name,
    email: values.email,
    phone: values.phone,
    personalCode: values.personalCode,
    text: values.text,
    ...(values.topic ? { topic: values.topic } : {}),
  };
  const parsed = PublicInquiryBodySchema.safeParse(candidate);
  const errors = withForbiddenCharacters(parsed.success ? [] : formErrors(values, parsed.error.issues, t, lang), { t, forbiddenFields: (input.forbidden ?? []).map((e) => e.field) });
  // The schema asks for a contact only once the other fields pass: the form says it at once.
  if (!values.email && !values.phone && !errors.some((e) => e.field === 'email')) {
    errors.push({ field: 'email', code: 'custom', message: t('inquiries.public.fields.contactHint') });
  }
  if (values.topic && !input.topics.some((topic) => topic.id === values.topic)) errors.push(topicError(t));
  const files = await gatherFormFiles(deps, agency, input.pending, input.uploads, t, lang);
  errors.push(...files.errors);
  const key = formKey(values.idempotencyKey, t);
  if (key.error) errors.push(key.error);
  const keep = () => keepFormFiles(deps, agency, input.pending, files);
  if (errors.length > 0 || !parsed.success) {
    const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
    return { kind: 'invalid', errors: errors.sort((a, b) => rank(a.field) - rank(b.field)), suggestions: [], kept: await keep() };
  }
  if (input.step === 'preview') {
    const suggestions = await suggestFaqAnswers(deps, agency, parsed.data.text, lang);
    if (suggestions.length > 0) return { kind: 'suggestions', suggestions, kept: await keep() };
  }
  const attachments = await filingAttachments(deps, files);
  const fingerprint = fingerprintOf({ channel: 'web-form', ...parsed.data, files: files.fresh.map((f) => `${f.fileName}:${f.sha256}`), ...pendingFingerprint(input.pending) });
  const idempotency = key.key ? { key: key.key, fingerprint } : undefined;
  const result = await fileOnce(deps.db, agency, idempotency, (hook) =>
    fileInquiry(
      deps,
      origin,
      {
        agency,
        channel: 'web-form',
        ...parsed.data,
        personalCode: normalizedPersonalCode(parsed.data.personalCode),
        subject: subjectOf(parsed.data.text),
        attachments,
      },
      (db, inquiry) => [...(hook?.(db, inquiry) ?? []), ...releaseFormFiles(db, files)],
    ),
  );
  return result.kind === 'mismatch' ? { ...result, kept: await keep() } : result;
}

export type ClientAccessResult =
  | { ok: true; inquiry: ClientInquiryView }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The reference as the key of the attempt counter: upper case, no spaces, bounded. */
export function normalizeReferenceInput(reference: string): string {
  return reference.replace(/\s+/g, '').toUpperCase().slice(0, 40);
}

type ClientAccessRefusal = Exclude<ClientAccessResult, { ok: true }>;

/**
 * The client's view of an inquiry, by reference and access code. A wrong code, an unknown reference and a
 * reference of another agency all answer "not found" alike; failures are counted in the audit log (so every
 * process shares the limit) per IP and per reference, and past the limit even the right code waits.
 */
export async function openInquiryForClient(
  deps: InquiryDeps,
  origin: AuditOrigin,
  request: { reference: string; code: string | undefined; agency?: string },
): Promise<ClientAccessResult> {
  const access = await checkClientAccess(deps, origin, request);
  return access.ok ? { ok: true, inquiry: await showToClient(deps, origin, access.row) } : access;
}

/** The inquiry the reference and code open, or the refusal (recorded, rate-limited). */
async function checkClientAccess(
  deps: InquiryDeps,
  origin: AuditOrigin,
  request: { reference: string; code: string | undefined; agency?: string },
): Promise<{ ok: true; row: InquiryRow } | ClientAccessRefusal> {
  const reference = normalizeReferenceInput(request.reference);
  const code = (request.code ?? '').trim();
  // Without a code there is nothing to check and nothing to guess: the same answer, nothing counted.
  if (code === '' || reference === '') return { ok: false, reason: 'not-found' };
  const ip = origin.ip ?? '';
  // Growing delays per reference and per network address (the platform's failure throttle, as staff sign-in).
  const wait = await failureWaitSeconds(
    deps.db,
    'inquiry.access-denied',
    [
      { key: 'reference', value: reference, threshold: MAX_ACCESS_FAILURES_PER_REFERENCE },
      { key: 'ip', value: ip, threshold: MAX_ACCESS_FAILURES_PER_IP },
    ],
    new Date(deps.clock().epochMilliseconds),
    ACCESS_WINDOW_MINUTES,
  );
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait };
  const parsed = parseReference(reference);
  let row: InquiryRow | undefined;
  if (parsed && (!request.agency || parsed.agency === request.agency)) {
    row = request.agency ? await findInquiryByReferenceInAgency(deps.db, request.agency, reference) : await findInquiryByReference(deps.db, reference);
  }
  const codeHash = hashAccessCode(code.slice(0, 60));
  if (!row || !sameHash(row.accessCodeHash, codeHash)) {
    await recordAudit(deps.db, deps.clock, origin, {
      action: 'inquiry.access-denied',
      recordType: 'inquiry',
      recordId: row?.id ?? null,
      agency: row?.agency ?? (request.agency && deps.agencies.get(request.agency) ? request.agency : null),
      details: { ip, reference },
    });
    return { ok: false, reason: 'not-found' };
  }
  return { ok: true, row };
}

/** What the client sees of the inquiry; every showing is audited. */
async function showToClient(deps: InquiryDeps, origin: AuditOrigin, row: InquiryRow): Promise<ClientInquiryView> {
  const inquiry = await clientViewOf(deps, row);
  await recordAudit(deps.db, deps.clock, origin, {
    action: 'inquiry.viewed-by-client',
    recordType: 'inquiry',
    recordId: row.id,
    agency: row.agency,
    details: { reference: row.reference },
  });
  return inquiry;
}


async function clientViewOf(deps: InquiryDeps, row: InquiryRow): Promise<ClientInquiryView> {
  const [messages, attachments] = await Promise.all([listClientMessages(deps.db, row.id), listAttachmentNames(deps.db, row.id)]);
  return {
    reference: row.reference,
    agency: row.agency,
    status: row.status as InquiryStatus,
    topic: row.topic,
    receivedOn: row.receivedOn,
    deadline: row.deadline,
    messages: messages.map((m) => ({
      direction: m.direction,
      at: m.at.toISOString(),
      subject: m.subject,
      text: m.bodyText,
      attachments: attachments.filter((a) => a.messageId === m.id).map((a) => ({ fileName: a.fileName, size: a.size })),
    })),
  };
}

export type ClientAdditionResult =
  | ClientAccessRefusal
  | { ok: true; outcome: 'added' | 'invalid' | 'closed'; inquiry: ClientInquiryView; errors: FieldError[] };

/**
 * The client adds information (text and files) to an open inquiry from the follow-up page, with the same
 * access code and the same rate limit as viewing it. A client answering our request for information hands the
 * inquiry back to the specialist (appendClientMessage). Nothing is written when anything is refused.
 */
export async function addClientInformation(
  deps: InquiryDeps,
  origin: AuditOrigin,
  input: { agency: string; reference: string; code: string; text: string; uploads: Uploads; t: Translate; lang: Language },
): Promise<ClientAdditionResult> {
  const access = await checkClientAccess(deps, origin, { reference: input.reference, code: input.code, agency: input.agency });
  if (!access.ok) return access;
  const { row } = access;
  if (!acceptsClientMessages(row.status as InquiryStatus)) return { ok: true, outcome: 'closed', inquiry: await showToClient(deps, origin, row), errors: [] };
  const text = input.text.trim();
  const errors: FieldError[] = [];
  if (text === '') errors.push({ field: 'text', code: 'required', message: input.t('inquiries.public.follow.addTextRequired') });
  if (text.length > TEXT_MAX) errors.push({ field: 'text', code: 'too_big', message: input.t('inquiries.public.errors.textTooLong', { max: TEXT_MAX, length: text.length }) });
  errors.push(...attachmentErrors(input.uploads, input.t, input.lang));
  if (errors.length > 0) return { ok: true, outcome: 'invalid', inquiry: await showToClient(deps, origin, row), errors };
  await appendClientMessage(deps, origin, row, { medium: 'web-form', text, attachments: input.uploads.files });
  // The client's message may have handed the inquiry back (waiting-for-client → assigned): show the status as it is now.
  const current = (await findInquiryByReferenceInAgency(deps.db, input.agency, row.reference)) ?? row;
  return { ok: true, outcome: 'added', inquiry: await showToClient(deps, origin, current), errors: [] };
}

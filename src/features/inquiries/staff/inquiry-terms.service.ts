import { agencyNameIn } from '../../agencies/agency-name.ts';
import { authorize } from '../../../platform/access/authorize.ts';
import { isOpen } from '../../../domain/inquiry/index.ts';
import { computeTerm, TermRuleError, type TermResult } from '../../../domain/terms/index.ts';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { AuditOrigin } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/http/problem.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.ts';
import { formatDate } from '../../../web/format.ts';
import { loadCalendar } from '../../calendar/calendar.service.ts';
import { listInquiryMessages, type InquiryRow } from '../inquiries.repository.ts';
import { listAttachmentsWithContent } from '../inquiries-staff.repository.ts';
import type { ActionBody } from '../inquiries-staff.schema.ts';
import { termOptions } from '../inquiries-staff.service.ts';
import { assertTransition } from './access.ts';
import { fieldError, runInquiryAction, type ActionDeps, type ActionResult } from './action-runner.ts';
import { bothLanguages, dateIn, subjectIn, tellClient } from './client-notice.ts';
import { forwardThroughIntegration, recordForwarding } from '../../integrations/routing.service.ts';

function requireOpen(inquiry: InquiryRow): void {
  if (!isOpen(inquiry.status)) {
    throw new AppError(409, 'invalid-transition', 'inquiries.staff.errors.invalidTransition', { status: inquiry.status });
  }
}

type Institution = { id: string | null; name: { lv: string; en: string }; email?: string | undefined; eAddress?: string | undefined; phone?: string | undefined; website?: string | undefined };

function institutionText(institution: Institution, lang: 'lv' | 'en'): string {
  const contacts = [institution.email, institution.phone, institution.website].filter(Boolean).join(', ');
  return contacts ? `${institution.name[lang]} (${contacts})` : institution.name[lang];
}

/** The submission as the competent institution receives it: who wrote, what, and the attachments. */
async function forwardingText(db: Parameters<typeof listInquiryMessages>[0], inquiry: InquiryRow, agencyName: { lv: string; en: string }): Promise<string> {
  const messages = (await listInquiryMessages(db, inquiry.id)).filter((m) => m.direction === 'in');
  const requester = [inquiry.requesterName, inquiry.requesterEmail, inquiry.requesterPhone, inquiry.requesterAddress].filter(Boolean).join('\n');
  const intro = bothLanguages('inquiries.staff.notice.forwardMailText', { reference: inquiry.reference }, { agency: (lang) => agencyName[lang], date: dateIn(inquiry.receivedOn) });
  return `${intro}\n\n${requester}\n\n----\n\n${messages.map((m) => `${m.subject ? `${m.subject}\n\n` : ''}${m.bodyText}`).join('\n\n----\n\n')}`;
}

async function forwardingMail(deps: ActionDeps, db: Parameters<typeof listInquiryMessages>[0], inquiry: InquiryRow, to: string, agencyName: { lv: string; en: string }) {
  const messages = (await listInquiryMessages(db, inquiry.id)).filter((m) => m.direction === 'in');
  const attachments = await listAttachmentsWithContent(db, inquiry.id);
  const requester = [inquiry.requesterName, inquiry.requesterEmail, inquiry.requesterPhone, inquiry.requesterAddress].filter(Boolean).join('\n');
  const intro = bothLanguages('inquiries.staff.notice.forwardMailText', { reference: inquiry.reference }, {
    agency: (lang) => agencyName[lang],
    date: dateIn(inquiry.receivedOn),
  });
  const body = messages.map((m) => `${m.subject ? `${m.subject}\n\n` : ''}${m.bodyText}`).join('\n\n----\n\n');
  return queueMail(
    { db, clock: deps.clock, config: deps.config },
    {
      agency: inquiry.agency,
      to,
      subject: `${subjectIn('inquiries.staff.notice.forwardMailSubject')} [${inquiry.reference}]`,
      text: `${intro}\n\n${requester}\n\n----\n\n${body}`,
      headers: { 'X-Apkalpe-Reference': inquiry.reference },
      attachments,
    },
  );
}

/**
 * Outside the agency's competence: forward to the competent institution (by e-mail when the directory
 * has one, otherwise recorded as forwarded by other means) or tell the client where to turn. Where and
 * when are recorded with whether the forwarding term was kept; the client is told.
 */
export async function forwardInquiry(deps: ActionDeps, scope: AgencyScope, origin: AuditOrigin, id: string, body: ActionBody<'forward'>): Promise<ActionResult> {
  authorize(scope, 'inquiries.work');
  const profile = deps.agencies.get(scope.agency);
  if (!profile) throw new AppError(404, 'agency-not-found', 'errors.notFoundTitle');
  return runInquiryAction(deps, scope, origin, id, async ({ db, inquiry, now, today }) => {
    assertTransition(inquiry.status, 'forwarded');
    let institution: Institution;
    if (body.institutionId) {
      const listed = profile.competentInstitutions.find((i) => i.id === body.institutionId);
      if (!listed) throw fieldError('institutionId', 'unknown', 'inquiries.staff.errors.institutionUnknown');
      institution = listed;
    } else {
      const name = body.institutionName ?? '';
      institution = { id: null, name: { lv: name, en: name } };
    }
    // The official e-address through the agency's integration first, else the directory's e-mail; recorded either way.
    const forwardCallback =
      body.mode === 'forward' && institution.eAddress
        ? await forwardThroughIntegration(db, inquiry, { eAddress: institution.eAddress, name: institution.name.lv }, { subject: `${subjectIn('inquiries.staff.notice.forwardMailSubject')} [${inquiry.reference}]`, text: await forwardingText(db, inquiry, profile.name) }, now)
        : null;
    const forwardMail = body.mode === 'forward' && !forwardCallback && institution.email ? await forwardingMail(deps, db, inquiry, institution.email, profile.name) : null;
    if (forwardCallback || forwardMail) {
      await recordForwarding(db, {
        agency: inquiry.agency,
        inquiryId: inquiry.id,
        institution: institution.name.lv,
        route: forwardCallback ? 'integration' : 'email',
        address: forwardCallback ? (institution.eAddress as string) : (institution.email as string),
        messageId: forwardCallback ? `callback:${forwardCallback.id}` : (forwardMail?.headers['Message-ID'] ?? ''),
        outboxId: forwardMail?.id ?? null,
        callbackId: forwardCallback?.id ?? null,
        sentAt: now,
        actorId: origin.actorId,
      });
    }
    const forwarded = body.mode === 'forward';
    const notice = await tellClient(
      deps,
      db,
      inquiry,
      {
        subject: subjectIn(forwarded ? 'inquiries.staff.notice.forwardedSubject' : 'inquiries.staff.notice.referredSubject'),
        text: bothLanguages(forwarded ? 'inquiries.staff.notice.forwardedText' : 'inquiries.staff.notice.referredText', { reference: inquiry.reference }, {
          agency: (lang) => profile.name[lang],
          agencyGenitive: (lang) => agencyNameIn(profile, lang, 'genitive'),
          institution: (lang) => institutionText(institution, lang),
          date: dateIn(today),
        }),
      },
      origin.actorId,
      now,
    );
    return {
      kind: forwarded ? 'forwarded' : 'referred',
      toStatus: 'forwarded',
      details: {
        institutionId: institution.id,
        institutionName: institution.name.lv,
        forwardedOn: today,
        forwardDeadline: inquiry.forwardDeadline,
        late: today > inquiry.forwardDeadline,
        sentTo: forwardCallback ? institution.eAddress : forwardMail ? institution.email : null,
        sentVia: forwardCallback ? 'e-address' : forwardMail ? 'email' : null,
        forwardCallbackId: forwardCallback?.id ?? null,
        forwardOutboxId: forwardMail?.id ?? null,
        note: body.note ?? null,
      },
      notice,
      mails: forwardMail ? [forwardMail] : [],
    };
  });
}

/**
 * Law on Submissions (from 1 March 2026): one month instead of ten working days when more information,
 * other institutions or a large volume are needed. Inquiries received earlier already have one month.
 */
export async function applyComplexTerm(deps: ActionDeps, scope: AgencyScope, origin: AuditOrigin, id: string, body: ActionBody<'complex'>): Promise<ActionResult> {
  authorize(scope, 'inquiries.work');
  const calendar = await loadCalendar(deps);
  return runInquiryAction(deps, scope, origin, id, async ({ db, inquiry, now }) => {
    requireOpen(inquiry);
    const general = computeTerm('submission.answer', inquiry.receivedOn, calendar);
    if (general.period.unit === 'months') throw fieldError('reason', 'not_applicable', 'inquiries.staff.errors.complexNotApplicable');
    if (inquiry.termRule !== 'submission.answer') throw new AppError(409, 'term-already-longer', 'inquiries.staff.errors.complexAlready');
    const term = computeTerm('submission.answerComplex', inquiry.receivedOn, calendar);
    const deadline = term.deadline > inquiry.deadline ? term.deadline : inquiry.deadline;
    const notice = await tellClient(
      deps,
      db,
      inquiry,
      {
        subject: subjectIn('inquiries.staff.notice.complexSubject'),
        text: bothLanguages('inquiries.staff.notice.complexText', { reference: inquiry.reference }, {
          reason: (lang) => translator(lang)(`inquiries.staff.notice.complexReasons.${body.reason}`),
          date: dateIn(deadline),
        }),
      },
      origin.actorId,
      now,
    );
    return {
      kind: 'term-complex',
      changes: { termRule: term.rule, deadline },
      details: { reason: body.reason, note: body.note ?? null, from: inquiry.deadline, to: deadline, rule: term.rule, source: term.source },
      notice,
    };
  });
}

/**
 * Extension for objective reasons: a reason, the client told with the new date, and never beyond the
 * extension maximum (four months from receipt) — a later date is a 400 with a field error.
 */
export async function extendDeadline(deps: ActionDeps, scope: AgencyScope, origin: AuditOrigin, id: string, body: ActionBody<'extend'>): Promise<ActionResult> {
  authorize(scope, 'inquiries.work');
  const calendar = await loadCalendar(deps);
  return runInquiryAction(deps, scope, origin, id, async ({ db, inquiry, now }) => {
    requireOpen(inquiry);
    let max: TermResult;
    try {
      max = computeTerm('submission.extensionMax', inquiry.receivedOn, calendar, termOptions(deps.config));
    } catch (error) {
      if (error instanceof TermRuleError) throw fieldError('newDeadline', 'extension_disabled', 'inquiries.staff.errors.extensionDisabled');
      throw error;
    }
    if (body.newDeadline <= inquiry.deadline) {
      throw fieldError('newDeadline', 'not_later', 'inquiries.staff.errors.notLater', { current: inquiry.deadline });
    }
    if (body.newDeadline > max.deadline) throw fieldError('newDeadline', 'beyond_maximum', 'inquiries.staff.errors.beyondMaximum', { max: max.deadline });
    const notice = await tellClient(
      deps,
      db,
      inquiry,
      {
        subject: subjectIn('inquiries.staff.notice.extendedSubject'),
        text: bothLanguages('inquiries.staff.notice.extendedText', { reference: inquiry.reference, reason: body.reason }, { date: (lang) => formatDate(body.newDeadline, lang) }),
      },
      origin.actorId,
      now,
    );
    return {
      kind: 'deadline-extended',
      changes: { deadline: body.newDeadline, termRule: max.rule },
      details: { from: inquiry.deadline, to: body.newDeadline, reason: body.reason, max: max.deadline, rule: max.rule, source: max.source },
      notice,
    };
  });
}

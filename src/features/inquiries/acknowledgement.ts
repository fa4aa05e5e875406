import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import type { OutboxRow } from '../../platform/mail/mail.repository.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { InquiryRow } from './inquiries.repository.ts';
import { bothLanguages, dateIn, subjectIn } from './staff/client-notice.ts';

export type AcknowledgementDeps = Pick<AppDeps, 'clock' | 'config'>;

/** Where the client follows the inquiry (the access code is typed there, never put in a link). */
export function followUpUrl(publicUrl: string, inquiry: Pick<InquiryRow, 'agency' | 'reference'>): string {
  return `${publicUrl}/${inquiry.agency}/jautajums/${encodeURIComponent(inquiry.reference)}`;
}

/**
 * The receipt every client with an e-mail address gets at once: reference, access code, the answer deadline
 * and the follow-up page — queued in the filing transaction, so an inquiry is never filed without it.
 */
export async function acknowledgeReceipt(
  deps: AcknowledgementDeps,
  db: Database,
  agency: AgencyProfile,
  inquiry: InquiryRow,
  accessCode: string,
): Promise<OutboxRow | null> {
  if (!inquiry.requesterEmail) return null;
  const text = bothLanguages(
    'inquiries.public.acknowledgement.text',
    { reference: inquiry.reference, code: accessCode, url: followUpUrl(deps.config.publicUrl, inquiry) },
    { date: dateIn(inquiry.deadline), agency: (lang) => agency.name[lang] },
  );
  return queueMail(
    { db, clock: deps.clock, config: deps.config },
    {
      agency: inquiry.agency,
      to: inquiry.requesterEmail,
      subject: `${subjectIn('inquiries.public.acknowledgement.subject')} [${inquiry.reference}]`,
      text,
      headers: { 'X-Apkalpe-Reference': inquiry.reference, 'Auto-Submitted': 'auto-replied' },
    },
  );
}

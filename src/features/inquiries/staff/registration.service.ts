import { authorize } from '../../../platform/access/authorize.ts';
import { Temporal } from 'temporal-polyfill';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { AuditOrigin } from '../../../platform/audit/audit.ts';
import { RIGA, rigaToday } from '../../../platform/clock.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { fileInquiry, type FiledInquiry } from '../inquiries.service.ts';
import type { AttachmentInput } from '../inquiries.schema.ts';
import type { RegisterLetterInput } from '../inquiries-staff.schema.ts';
import { fieldError } from './action-runner.ts';

/** An uploaded file; `truncated`: over the per-file limit; `overTotal`: past the limit of all files together. */
export type UploadedFile = AttachmentInput & { truncated: boolean; overTotal?: boolean };

/**
 * A letter that came by post, e-address, the national portal or in person, registered by staff with
 * its scans. The date of receipt is what the statutory terms count from: today means now, an earlier
 * day means midday of that day in Riga.
 */
export async function registerLetter(
  deps: Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>,
  scope: AgencyScope,
  origin: AuditOrigin,
  input: RegisterLetterInput,
  files: readonly UploadedFile[],
): Promise<FiledInquiry> {
  authorize(scope, 'inquiries.work');
  const today = rigaToday(deps.clock);
  if (input.receivedOn > today) throw fieldError('receivedOn', 'in_future', 'inquiries.staff.errors.receivedInFuture');
  files.forEach((file, i) => {
    if (file.truncated) throw fieldError(`attachments.${i}`, 'too_big', 'inquiries.staff.errors.fileTooBig', { name: file.fileName });
    if (file.overTotal) throw fieldError('attachments', 'too_big', 'inquiries.staff.errors.filesTooBig');
  });
  const receivedAt =
    input.receivedOn === today
      ? new Date(deps.clock().epochMilliseconds)
      : new Date(Temporal.PlainDate.from(input.receivedOn).toZonedDateTime({ timeZone: RIGA, plainTime: '12:00' }).epochMilliseconds);
  return fileInquiry(deps, origin, {
    agency: scope.agency,
    channel: input.channel,
    receivedAt,
    name: input.name,
    email: input.email,
    phone: input.phone,
    personalCode: input.personalCode,
    address: input.address,
    topic: input.topic,
    subject: input.subject,
    text: input.text,
    attachments: files.map(({ fileName, contentType, content }) => ({ fileName, contentType, content })),
  });
}

// The identity-document check wherever a client is served in person: the counter records that a document was
// checked and its kind — never its number. A service the profile marks `requiresIdentification` cannot be
// marked served without it. Called by the queue (serving a ticket, also a kiosk check-in's) and appointments.
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { IDENTITY_DOCUMENT_KINDS, type IdentityDocumentKind } from '../../domain/registers/index.ts';
import type { Database } from '../../platform/db/client.ts';
import { appointments } from '../appointments/appointments.tables.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { identityChecks } from './registers.tables.ts';

export { IDENTITY_DOCUMENT_KINDS, type IdentityDocumentKind };

export function isIdentityDocumentKind(value: unknown): value is IdentityDocumentKind {
  return typeof value === 'string' && (IDENTITY_DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** The profile marks the service as needing identification. */
export function serviceNeedsIdentification(profile: AgencyProfile, serviceId: string): boolean {
  return profile.services.find((s) => s.id === serviceId)?.requiresIdentification === true;
}

function identityRequired(): AppError {
  return new AppError(400, 'identity-document-required', 'registers.errors.identityRequiredTitle', {}, [
    { field: 'identityDocument', code: 'required', messageKey: 'registers.errors.identityRequired' },
  ]);
}

/** Refuses "served" for a service needing identification when no document was checked. */
export function requireIdentityIfNeeded(profile: AgencyProfile, serviceId: string, document: string | null | undefined): void {
  if (serviceNeedsIdentification(profile, serviceId) && !document) throw identityRequired();
}

type CheckInput = { agency: string; recordKind: 'ticket' | 'appointment'; recordId: string; point: 'counter' | 'check-in' | 'kiosk'; document: IdentityDocumentKind; checkedBy: string; at: Date };

/** Records one check (inside the caller's transaction). */
export async function recordIdentityCheck(db: Database, input: CheckInput): Promise<void> {
  await db.insert(identityChecks).values({
    agency: input.agency,
    recordKind: input.recordKind,
    recordId: input.recordId,
    point: input.point,
    documentKind: input.document,
    checkedBy: input.checkedBy,
    checkedAt: input.at,
  });
}

type ServedTicket = { id: string; serviceId: string; appointmentId: string | null };

/**
 * Serving a queue ticket at the counter: the check is required when the service needs it, recorded when given.
 * A ticket from a kiosk check-in carries its appointment, which gets the same document (when it has none yet).
 */
export async function checkIdentityOnServe(db: Database, profile: AgencyProfile, ticket: ServedTicket, document: IdentityDocumentKind | undefined, by: { agency: string; staffId: string; at: Date }): Promise<void> {
  requireIdentityIfNeeded(profile, ticket.serviceId, document);
  if (!document) return;
  const point = ticket.appointmentId ? 'kiosk' : 'counter';
  await recordIdentityCheck(db, { agency: by.agency, recordKind: 'ticket', recordId: ticket.id, point, document, checkedBy: by.staffId, at: by.at });
  if (ticket.appointmentId) {
    await db
      .update(appointments)
      .set({ identityDocument: document })
      .where(and(eq(appointments.id, ticket.appointmentId), eq(appointments.agency, by.agency), isNull(appointments.identityDocument)));
    await recordIdentityCheck(db, { agency: by.agency, recordKind: 'appointment', recordId: ticket.appointmentId, point, document, checkedBy: by.staffId, at: by.at });
  }
}

/** Body of "served" at a counter: the identity document checked, if any (required by some services). */
export const ServedBodySchema = z
  .object({ identityDocument: z.enum(IDENTITY_DOCUMENT_KINDS).optional().describe('Kind of identity document checked (never its number); required when the service needs identification') })
  .strict()
  .nullish();

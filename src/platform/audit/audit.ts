import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { auditEventWrite, insertAuditEvent, type AuditEvent } from './audit.repository.ts';

export type AuditInput = {
  action: string;
  recordType: string;
  recordId?: string | null;
  agency?: string | null;
  details?: Record<string, unknown>;
};

/** Who did it and from where: taken from the request so no route can forget it. */
export type AuditOrigin = { actorId: string | null; actorLabel: string; ip: string | null };

export function originOf(request: FastifyRequest): AuditOrigin {
  const staff = request.staff;
  return staff
    ? { actorId: staff.id, actorLabel: staff.email, ip: request.ip }
    : { actorId: null, actorLabel: 'client', ip: request.ip };
}

/** Writes one audit event; call it inside the transaction of the change it records. */
export async function recordAudit(db: Database, clock: Clock, origin: AuditOrigin, input: AuditInput): Promise<void> {
  await insertAuditEvent(db, auditEvent(clock, origin, input));
}

/** The audit insert unsent, for writeTogether: the change's writes and its audit row in one statement. */
export function auditWrite(db: Database, clock: Clock, origin: AuditOrigin, input: AuditInput) {
  return auditEventWrite(db, auditEvent(clock, origin, input));
}

/** The event as it will be stored: for a change written in one statement with its audit row (see auditInsertIf). */
export function auditEvent(clock: Clock, origin: AuditOrigin, input: AuditInput): AuditEvent {
  return {
    at: new Date(clock().epochMilliseconds),
    actorId: origin.actorId,
    actorLabel: origin.actorLabel,
    agency: input.agency ?? null,
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId ?? null,
    ip: origin.ip,
    details: input.details ?? {},
  };
}

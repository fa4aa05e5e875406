import { rigaPeriod } from '../../platform/clock.ts';
// Incidents on premises, on the phone or video: recorded by any staff member, reviewed and closed by supervisors.
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { isInFuture, type IncidentAction } from '../../domain/registers/index.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/problem.ts';
import { requireLinkedRecord } from './linked-records.ts';
import { fieldError, forbidden, incidentChannelIds, inTransaction, mayReview, notFound, PAGE_SIZE, pageOf, placeIds, profileOf, requireVisible, rigaIso, seesAll, type RegisterDeps } from './register-support.ts';
import type { IncidentBody, IncidentListQuery, IncidentPatch } from './registers.schema.ts';
import { registerIncidents } from './registers.tables.ts';

export type IncidentRow = typeof registerIncidents.$inferSelect;

export function incidentJson(row: IncidentRow) {
  return {
    id: row.id,
    occurredAt: rigaIso(row.occurredAt),
    centre: row.centreId,
    channel: row.channelId,
    kind: row.kind,
    description: row.description,
    actions: row.actions,
    staffInvolved: row.staffInvolved,
    client: row.client,
    appointmentId: row.appointmentId,
    ticketId: row.ticketId,
    callId: row.callId,
    status: row.status,
    reviewNote: row.reviewNote,
    recordedBy: row.recordedBy,
    closedAt: row.closedAt ? rigaIso(row.closedAt) : null,
  };
}

function checkPlace(deps: RegisterDeps, scope: AgencyScope, body: IncidentBody): void {
  const profile = profileOf(deps, scope);
  if (body.centre === undefined && body.channel === undefined) throw fieldError('centre', 'place_required', 'registers.errors.placeRequired');
  if (body.centre !== undefined && !placeIds(profile).includes(body.centre)) throw fieldError('centre', 'unknown_centre', 'registers.errors.unknownCentre');
  if (body.channel !== undefined && !incidentChannelIds(profile).includes(body.channel)) throw fieldError('channel', 'unknown_channel', 'registers.errors.unknownChannel');
}

async function checkLinks(db: Database, scope: AgencyScope, body: { appointmentId?: string | undefined; ticketId?: string | undefined; callId?: string | undefined }): Promise<void> {
  if (body.appointmentId) await requireLinkedRecord(db, 'appointment', body.appointmentId, scope.agency, 'appointmentId');
  if (body.ticketId) await requireLinkedRecord(db, 'ticket', body.ticketId, scope.agency, 'ticketId');
  if (body.callId) await requireLinkedRecord(db, 'call', body.callId, scope.agency, 'callId');
}

/** Records an incident (any staff member but the auditor); the links must be this agency's records. */
export async function recordIncident(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, body: IncidentBody): Promise<IncidentRow> {
  checkPlace(deps, scope, body);
  const occurredAt = new Date(body.occurredAt);
  if (isInFuture(occurredAt.getTime(), deps.clock().epochMilliseconds)) throw fieldError('occurredAt', 'future', 'registers.errors.future');
  return inTransaction(deps, async (tx, now) => {
    await checkLinks(tx, scope, body);
    const [row] = await tx
      .insert(registerIncidents)
      .values({
        agency: scope.agency,
        occurredAt,
        centreId: body.centre ?? null,
        channelId: body.channel ?? null,
        kind: body.kind,
        description: body.description,
        actions: body.actions,
        staffInvolved: body.staffInvolved ?? null,
        client: body.client ?? null,
        appointmentId: body.appointmentId ?? null,
        ticketId: body.ticketId ?? null,
        callId: body.callId ?? null,
        recordedBy: scope.actor.id,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('incident not stored');
    await recordAudit(tx, deps.clock, origin, { action: 'registers.incident-recorded', recordType: 'incident', recordId: row.id, agency: scope.agency, details: { kind: row.kind, actions: row.actions } });
    return row;
  });
}

function listConditions(scope: AgencyScope, query: IncidentListQuery): SQL[] {
  const { start, end } = rigaPeriod(query.from, query.to);
  const t = registerIncidents;
  return [
    eq(t.agency, scope.agency),
    ...(seesAll(scope) ? [] : [eq(t.recordedBy, scope.actor.id)]),
    ...(query.kind ? [eq(t.kind, query.kind)] : []),
    ...(query.status ? [eq(t.status, query.status)] : []),
    ...(query.centre ? [eq(t.centreId, query.centre)] : []),
    ...(start ? [gte(t.occurredAt, start)] : []),
    ...(end ? [lt(t.occurredAt, end)] : []),
  ];
}

/** Rows for a list or an export (newest first); no audit here. */
export function selectIncidents(db: Database, scope: AgencyScope, query: IncidentListQuery, limit: number, offset = 0): Promise<IncidentRow[]> {
  return db
    .select()
    .from(registerIncidents)
    .where(and(...listConditions(scope, query)))
    .orderBy(desc(registerIncidents.occurredAt), desc(registerIncidents.id))
    .limit(limit)
    .offset(offset);
}

/** One page of the agency's incidents (a specialist: their own), audited as a view. */
export async function listIncidents(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, query: IncidentListQuery) {
  const page = query.page ?? 1;
  const rows = await selectIncidents(deps.db, scope, query, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  await recordAudit(deps.db, deps.clock, origin, { action: 'registers.incidents-listed', recordType: 'incident', agency: scope.agency, details: { ...query, rows: Math.min(rows.length, PAGE_SIZE) } });
  return pageOf(rows, page);
}

async function findIncident(db: Database, scope: AgencyScope, id: string, lock = false): Promise<IncidentRow> {
  const query = db.select().from(registerIncidents).where(and(eq(registerIncidents.id, id), eq(registerIncidents.agency, scope.agency)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  requireVisible(scope, row.recordedBy);
  return row;
}

/** One incident (audited); another agency's is not found, another specialist's is refused. */
export async function viewIncident(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, id: string): Promise<IncidentRow> {
  const row = await findIncident(deps.db, scope, id);
  await recordAudit(deps.db, deps.clock, origin, { action: 'registers.incident-viewed', recordType: 'incident', recordId: id, agency: scope.agency });
  return row;
}

/**
 * Changes an incident: the recorder (or a reviewer) may correct the description and actions while it is open;
 * only a supervisor or administrator adds the review note and closes it.
 */
export async function changeIncident(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, id: string, patch: IncidentPatch): Promise<IncidentRow> {
  if ((patch.status !== undefined || patch.reviewNote !== undefined) && !mayReview(scope)) throw forbidden();
  return inTransaction(deps, async (tx, now) => {
    const row = await findIncident(tx, scope, id, true);
    if (row.status === 'closed') throw new AppError(409, 'incident-closed', 'registers.errors.incidentClosed');
    const changes: Partial<IncidentRow> = {
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.actions !== undefined ? { actions: patch.actions as IncidentAction[] } : {}),
      ...(patch.reviewNote !== undefined ? { reviewNote: patch.reviewNote } : {}),
      ...(patch.status === 'closed' ? { status: 'closed' as const, closedAt: now, closedBy: scope.actor.id } : {}),
    };
    const [updated] = await tx.update(registerIncidents).set(changes).where(eq(registerIncidents.id, id)).returning();
    if (!updated) throw notFound();
    const action = patch.status === 'closed' ? 'registers.incident-closed' : 'registers.incident-changed';
    await recordAudit(tx, deps.clock, origin, { action, recordType: 'incident', recordId: id, agency: scope.agency, details: { fields: Object.keys(patch) } });
    return updated;
  });
}

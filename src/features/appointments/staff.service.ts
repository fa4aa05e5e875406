import { withTransaction } from '../../platform/db/transaction.ts';
import { Temporal } from 'temporal-polyfill';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/problem.ts';
import { nearestSlots, rigaDate } from '../../domain/booking/index.ts';
import type { LatvianCalendar } from '../../domain/calendar/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { inviteToSurvey } from '../feedback/survey-invitations.service.ts';
import { changeByAgencyMail } from './appointment-mail.ts';
import {
  appointmentById,
  appointmentsBetween,
  bookedAt,
  insertCapacityChange,
  releaseSeat,
  setSeatCapacity,
  takeSeat,
  updateAppointment,
  type AppointmentRow,
  type CapacityChangeRow,
} from './appointments.repository.ts';
import type { IDENTITY_DOCUMENT_KINDS } from './appointments.schema.ts';
import { recordIdentityCheck, requireIdentityIfNeeded } from '../registers/identity-check.ts';
import { bookAppointment, invalidField, type BookingRequest } from './booking.service.ts';
import { findPlace, findService, type Place } from './places.ts';
import { nearestFreeSlots } from './slot-search.service.ts';
import { rigaStartOfDay, toDate, toInstant } from './time-format.ts';

type IdentityDocument = (typeof IDENTITY_DOCUMENT_KINDS)[number];

const notFound = () => new AppError(404, 'appointment-not-found', 'appointments.errors.notFound');
const notAllowed = () => new AppError(409, 'appointment-state', 'appointments.errors.notAllowed');

function audit(db: Database, deps: AppDeps, origin: AuditOrigin, scope: AgencyScope, action: string, id: string | null, details: Record<string, unknown> = {}) {
  return recordAudit(db, deps.clock, origin, { action, recordType: 'appointment', recordId: id, agency: scope.agency, details });
}

/** The appointments of a place (or every place) for `days` days from `date`, optionally one specialist's. The view is audited. */
export async function staffSchedule(
  deps: AppDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  query: { date: string; days: number; centre?: string | undefined; specialist?: string | undefined },
): Promise<AppointmentRow[]> {
  const profile = deps.agencies.require(scope.agency);
  if (query.centre && !findPlace(profile, query.centre)) throw new AppError(404, 'centre-not-found', 'appointments.errors.unknownCentre');
  const from = toDate(rigaStartOfDay(query.date));
  const to = toDate(rigaStartOfDay(Temporal.PlainDate.from(query.date).add({ days: query.days }).toString()));
  const rows = await appointmentsBetween(deps.db, scope.agency, from, to, { centreId: query.centre, specialistId: query.specialist });
  await audit(deps.db, deps, origin, scope, 'appointment.schedule-viewed', null, { ...query, count: rows.length });
  return rows;
}

/** One appointment of the scope's agency (another agency's answers 404); the view is audited. */
export async function staffAppointment(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, id: string): Promise<AppointmentRow> {
  const row = await appointmentById(deps.db, id);
  if (!row || row.agency !== scope.agency) throw notFound();
  await audit(deps.db, deps, origin, scope, 'appointment.viewed', id);
  return row;
}

/** Books on a client's behalf (e.g. the Treasury by phone): the client's rules apply, the staff member is recorded. */
export async function staffBook(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, request: Omit<BookingRequest, 'channel' | 'createdBy'>) {
  return bookAppointment(deps, origin, deps.agencies.require(scope.agency), { ...request, channel: 'staff', createdBy: scope.actor.id });
}

async function change(
  deps: AppDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  id: string,
  action: string,
  run: (db: Database, row: AppointmentRow) => Promise<AppointmentRow | undefined>,
  details: Record<string, unknown> = {},
): Promise<AppointmentRow> {
  return withTransaction(deps.db, async (db) => {
    const row = await appointmentById(db, id, true);
    if (!row || row.agency !== scope.agency) throw notFound();
    const updated = await run(db, row);
    if (!updated) throw notAllowed();
    await audit(db, deps, origin, scope, action, id, details);
    return updated;
  });
}

/** Check-in on arrival with the identity document seen by the staff member. */
export function staffCheckIn(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, id: string, identityDocument: IdentityDocument) {
  const at = toDate(deps.clock());
  return change(
    deps,
    scope,
    origin,
    id,
    'appointment.checked-in',
    async (db) => {
      const updated = await updateAppointment(db, id, { status: 'arrived', arrivedAt: at, identityDocument }, ['booked']);
      if (updated) await recordIdentityCheck(db, { agency: scope.agency, recordKind: 'appointment', recordId: id, point: 'check-in', document: identityDocument, checkedBy: scope.actor.id, at });
      return updated;
    },
    { identityDocument },
  );
}

/**
 * Served (after arrival) or no-show (booked and never came, or called and gone). A service the profile marks as
 * needing identification is served only with a checked document (from the check-in, or given now).
 */
export function staffOutcome(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, id: string, outcome: 'served' | 'no-show', identityDocument?: IdentityDocument) {
  const at = toDate(deps.clock());
  const from: Array<'booked' | 'arrived'> = outcome === 'served' ? ['arrived'] : ['booked', 'arrived'];
  return change(deps, scope, origin, id, `appointment.${outcome}`, async (db, row) => {
    const document = outcome === 'served' && row.status === 'arrived' ? ((row.identityDocument as IdentityDocument | null) ?? identityDocument) : undefined;
    if (outcome === 'served' && row.status === 'arrived') requireIdentityIfNeeded(deps.agencies.require(scope.agency), row.serviceId, document);
    const newDocument: { identityDocument?: IdentityDocument } = !row.identityDocument && document ? { identityDocument: document } : {};
    const updated = await updateAppointment(db, id, { status: outcome, outcomeAt: at, ...newDocument }, from);
    if (updated && newDocument.identityDocument) await recordIdentityCheck(db, { agency: scope.agency, recordKind: 'appointment', recordId: id, point: 'kiosk', document: newDocument.identityDocument, checkedBy: scope.actor.id, at });
    if (updated && outcome === 'served') await inviteAfterVisit(deps, db, scope, origin, updated);
    return updated;
  });
}

/** A served client with an e-mail address is asked to rate the visit (feedback feature), in their language. */
async function inviteAfterVisit(deps: AppDeps, db: Database, scope: AgencyScope, origin: AuditOrigin, row: AppointmentRow): Promise<void> {
  if (!row.clientEmail) return;
  const profile = deps.agencies.require(scope.agency);
  const atServiceCentre = profile.serviceCentres.some((c) => c.id === row.centreId);
  await inviteToSurvey(
    deps,
    {
      agency: scope.agency,
      contactKind: 'appointment',
      contactRef: row.id,
      ...(atServiceCentre ? { centreId: row.centreId } : {}),
      staffId: scope.actor.id,
      email: row.clientEmail,
      lang: row.language === 'en' ? 'en' : 'lv',
    },
    { db, origin },
  );
}

/** Notes and the specialist who takes the client. */
export function staffUpdate(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, id: string, values: { notes?: string | undefined; specialist?: string | null | undefined }) {
  const profile = deps.agencies.require(scope.agency);
  return change(
    deps,
    scope,
    origin,
    id,
    'appointment.updated',
    (db, row) => {
      if (values.specialist && !findPlace(profile, row.centreId)?.specialists.some((s) => s.id === values.specialist)) {
        throw invalidField('specialist', 'unknown-specialist', 'appointments.errors.unknownSpecialist');
      }
      return updateAppointment(db, id, {
        ...(values.notes !== undefined ? { notes: values.notes } : {}),
        ...(values.specialist !== undefined ? { specialistId: values.specialist } : {}),
      });
    },
    { notesChanged: values.notes !== undefined, specialist: values.specialist },
  );
}

/** The agency cancels one appointment (the client is told by e-mail). */
export function staffCancel(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, id: string, reason: string) {
  const profile = deps.agencies.require(scope.agency);
  return change(
    deps,
    scope,
    origin,
    id,
    'appointment.cancelled',
    async (db, row) => {
      const updated = await updateAppointment(db, id, { status: 'cancelled', cancelledAt: toDate(deps.clock()), cancelReason: reason }, ['booked']);
      if (!updated) return undefined;
      await releaseSeat(db, row.slotId);
      await changeByAgencyMail(deps, db, profile, updated, { kind: 'cancelled', reason });
      return updated;
    },
    { by: 'staff', reason },
  );
}

export type CapacityChangeInput = { centre: string; service?: string | undefined; from: string; to: string; capacity: number; reason: string; move?: boolean | undefined };

/**
 * A closure (capacity 0) or capacity change for a date range. In one transaction: the change is recorded,
 * on each slot the appointments beyond the new capacity (the latest booked first) are moved to the nearest
 * free time of the same service and place outside the range (when `move`), or else cancelled, and their
 * clients e-mailed; then the seat rows get the new capacity, so the database constraint keeps holding.
 */
export async function changeCapacity(
  deps: AppDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  input: CapacityChangeInput,
): Promise<{ change: CapacityChangeRow; cancelled: AppointmentRow[]; moved: AppointmentRow[] }> {
  const profile = deps.agencies.require(scope.agency);
  const place = findPlace(profile, input.centre);
  if (!place) throw invalidField('centre', 'unknown-centre', 'appointments.errors.unknownCentre');
  if (input.service && !place.services.includes(input.service)) throw invalidField('service', 'service-not-offered', 'appointments.rejections.serviceNotOffered');
  const from = toDate(rigaStartOfDay(input.from));
  const to = toDate(rigaStartOfDay(Temporal.PlainDate.from(input.to).add({ days: 1 }).toString()));
  const calendar = await loadCalendar(deps);
  return withTransaction(deps.db, async (db) => {
    const change = await insertCapacityChange(db, {
      agency: scope.agency,
      centreId: place.id,
      serviceId: input.service ?? null,
      fromDate: input.from,
      toDate: input.to,
      capacity: input.capacity,
      reason: input.reason,
      createdBy: scope.actor.id,
      createdAt: toDate(deps.clock()),
    });
    const bySlot = new Map<string, AppointmentRow[]>();
    for (const row of await bookedAt(db, scope.agency, place.id, input.service ?? null, from, to)) {
      bySlot.set(row.slotId, [...(bySlot.get(row.slotId) ?? []), row]);
    }
    const cancelled: AppointmentRow[] = [];
    const moved: AppointmentRow[] = [];
    for (const rows of bySlot.values()) {
      // The earliest bookings keep their seats; `rows` is ordered latest booked first within a start time.
      const excess = rows.slice(0, Math.max(0, rows.length - input.capacity));
      for (const row of excess) {
        const movedRow = input.move ? await moveOutOfRange(deps, db, calendar, profile, place, row, from, to) : undefined;
        if (movedRow) {
          moved.push(movedRow);
          continue;
        }
        const updated = await updateAppointment(db, row.id, { status: 'cancelled', cancelledAt: toDate(deps.clock()), cancelReason: input.reason }, ['booked']);
        if (!updated) continue;
        await releaseSeat(db, row.slotId);
        await changeByAgencyMail(deps, db, profile, updated, { kind: 'cancelled', reason: input.reason });
        cancelled.push(updated);
      }
    }
    await setSeatCapacity(db, scope.agency, place.id, input.service ?? null, from, to, input.capacity);
    await recordAudit(db, deps.clock, origin, {
      action: 'appointment.capacity-changed',
      recordType: 'appointment-capacity',
      recordId: change.id,
      agency: scope.agency,
      details: { ...input, cancelled: cancelled.map((c) => c.id), moved: moved.map((m) => m.id) },
    });
    return { change, cancelled, moved };
  });
}

/** Moves a booked appointment to the nearest free slot (±7 days) outside [from, to); undefined when there is none. */
async function moveOutOfRange(
  deps: AppDeps,
  db: Database,
  calendar: LatvianCalendar,
  profile: AgencyProfile,
  place: Place,
  row: AppointmentRow,
  from: Date,
  to: Date,
): Promise<AppointmentRow | undefined> {
  const service = findService(profile, row.serviceId);
  if (!service) return undefined;
  const wanted = toInstant(row.startsAt);
  const candidates = (await nearestFreeSlots(db, calendar, deps.clock(), profile, service, place, wanted, 50)).filter(
    (s) => s.start.epochMilliseconds < from.getTime() || s.start.epochMilliseconds >= to.getTime(),
  );
  for (const slot of nearestSlots(candidates, wanted, candidates.length)) {
    const key = { agency: profile.slug, centreId: place.id, serviceId: service.id, startsAt: toDate(slot.start) };
    const slotId = await takeSeat(db, key, toDate(slot.end), { profile: place.seatsFor(service.id), date: rigaDate(slot.start) });
    if (!slotId) continue;
    await releaseSeat(db, row.slotId);
    const updated = await updateAppointment(db, row.id, { slotId, startsAt: key.startsAt, endsAt: toDate(slot.end), reminderSentAt: null });
    if (updated) await changeByAgencyMail(deps, db, profile, updated, { kind: 'moved' });
    return updated;
  }
  return undefined;
}


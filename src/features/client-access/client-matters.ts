import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { rowsOf } from '../privacy/sql-template.ts';

// What a client sees of their own matters, found by the keyed hash of their e-mail address (person_keys).
// The phone feature (callbacks) adds one source here when it lands: `exists` + `collect` into `callbacks`.

export type ClientInquiry = { reference: string; status: string; receivedOn: string; deadline: string };
export type ClientAppointment = { id: string; bookingCode: string; status: string; startsAt: string; centreId: string; serviceId: string };
export type ClientCallback = { id: string; status: string; requestedAt: string };
export type ClientMatters = { inquiries: ClientInquiry[]; appointments: ClientAppointment[]; callbacks: ClientCallback[] };

export type ClientMatterSource = {
  name: string;
  exists: (db: Database, agency: string, emailKey: string) => Promise<boolean>;
  collect: (db: Database, agency: string, emailKey: string, into: ClientMatters) => Promise<void>;
};

const keys = (key: string) => sql`${`{${key}}`}::text[]`;

const inquiries: ClientMatterSource = {
  name: 'inquiries',
  exists: async (db, agency, key) => (await rowsOf(db, sql`select 1 from inquiries t where t.agency = ${agency} and t.person_keys && ${keys(key)} limit 1`)).length > 0,
  collect: async (db, agency, key, into) => {
    const rows = await rowsOf<{ reference: string; status: string; received_on: string; deadline: string }>(
      db,
      sql`select reference, status, received_on::text as received_on, deadline::text as deadline from inquiries t
          where t.agency = ${agency} and t.person_keys && ${keys(key)} order by received_at desc limit 200`,
    );
    into.inquiries.push(...rows.map((r) => ({ reference: r.reference, status: r.status, receivedOn: r.received_on, deadline: r.deadline })));
  },
};

const appointments: ClientMatterSource = {
  name: 'appointments',
  exists: async (db, agency, key) => (await rowsOf(db, sql`select 1 from appointments t where t.agency = ${agency} and t.person_keys && ${keys(key)} limit 1`)).length > 0,
  collect: async (db, agency, key, into) => {
    const rows = await rowsOf<{ id: string; booking_code: string; status: string; starts_at: string | Date; centre_id: string; service_id: string }>(
      db,
      sql`select id::text as id, booking_code, status, starts_at, centre_id, service_id from appointments t
          where t.agency = ${agency} and t.person_keys && ${keys(key)} order by starts_at desc limit 200`,
    );
    into.appointments.push(...rows.map((r) => ({ id: r.id, bookingCode: r.booking_code, status: r.status, startsAt: new Date(r.starts_at).toISOString(), centreId: r.centre_id, serviceId: r.service_id })));
  },
};

export const CLIENT_MATTER_SOURCES: readonly ClientMatterSource[] = [inquiries, appointments];

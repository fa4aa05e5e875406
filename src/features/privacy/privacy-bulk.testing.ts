import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';

// Bulk records for the tests and the benchmarks, written with generate_series (one statement per table).
// Row i has the e-mail client{i}@example.test, phone +371 2{i:7} and the new-format personal code 32{i:9}.

export type BulkOptions = { agency: string; from: number; count: number; at: Date; status?: string };

/** Inquiries i = from … from+count-1 (finished unless told). */
export async function seedInquiries(db: Database, o: BulkOptions): Promise<void> {
  await db.execute(sql`
    insert into inquiries (agency, reference, access_code_hash, channel, received_at, received_on, subject, requester_name,
      requester_email, requester_phone, requester_personal_code, status, term_rule, deadline, forward_deadline, search_text, created_at, updated_at)
    select ${o.agency}, ${o.agency} || '-B-' || i, md5(i::text), 'web-form', ${o.at.toISOString()}::timestamptz, ${o.at.toISOString()}::timestamptz::date,
      'Jautājums ' || i, 'Klients ' || i, 'client' || i || '@example.test', '+371 2' || lpad(i::text, 7, '0'),
      '32' || substr(lpad(i::text, 9, '0'), 1, 4) || '-' || substr(lpad(i::text, 9, '0'), 5, 5), ${o.status ?? 'closed'}, 'submission.answer',
      ${o.at.toISOString()}::timestamptz::date + 10, ${o.at.toISOString()}::timestamptz::date + 5, 'klients ' || i,
      ${o.at.toISOString()}::timestamptz, ${o.at.toISOString()}::timestamptz
    from generate_series(${o.from}::int, ${o.from + o.count - 1}::int) as i`);
}

/** Served appointments with one queue ticket each (the ticket's link to the person is its appointment). */
export async function seedVisits(db: Database, o: BulkOptions & { centreId: string; serviceId: string }): Promise<void> {
  await db.execute(sql`
    insert into appointment_slots (agency, centre_id, service_id, starts_at, ends_at, capacity, taken)
    values (${o.agency}, ${o.centreId}, ${o.serviceId}, ${o.at.toISOString()}::timestamptz - interval '1 minute' * ${o.from}, ${o.at.toISOString()}::timestamptz, 1000000000, ${o.count})
    on conflict do nothing`);
  await db.execute(sql`
    with slot as (select id from appointment_slots where agency = ${o.agency} and centre_id = ${o.centreId} and service_id = ${o.serviceId}
                  and starts_at = ${o.at.toISOString()}::timestamptz - interval '1 minute' * ${o.from}),
    made as (
      insert into appointments (agency, centre_id, service_id, slot_id, starts_at, ends_at, status, booking_code, manage_token_hash, channel,
        client_name, client_email, client_phone, client_personal_code, created_at)
      select ${o.agency}, ${o.centreId}, ${o.serviceId}, slot.id, ${o.at.toISOString()}::timestamptz, ${o.at.toISOString()}::timestamptz + interval '15 minutes',
        ${o.status ?? 'served'}, 'B' || i, md5('m' || i), 'web', 'Klients ' || i, 'client' || i || '@example.test', '+371 2' || lpad(i::text, 7, '0'),
        '32' || substr(lpad(i::text, 9, '0'), 1, 4) || '-' || substr(lpad(i::text, 9, '0'), 5, 5), ${o.at.toISOString()}::timestamptz
      from generate_series(${o.from}::int, ${o.from + o.count - 1}::int) as i, slot
      returning id, booking_code)
    insert into queue_tickets (agency, centre_id, service_id, day, running_number, number, status, channel, issued_at, appointment_id, updated_at)
    select ${o.agency}, ${o.centreId}, ${o.serviceId}, ${o.at.toISOString()}::timestamptz::date, substr(made.booking_code, 2)::int, 'P-' || substr(made.booking_code, 2),
      'served', 'check-in', ${o.at.toISOString()}::timestamptz, made.id, ${o.at.toISOString()}::timestamptz
    from made`);
}

/** The personal code seeded for row i. */
export function seededPersonalCode(i: number): string {
  const digits = String(i).padStart(9, '0');
  return `32${digits.slice(0, 4)}-${digits.slice(4)}`;
}

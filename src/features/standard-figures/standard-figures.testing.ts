// A hand-built fixture for the standard figures: every record is written here with SQL, and the expected
// figures are worked out by hand in standard-figures.test.ts.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TestPlatform } from '../../../test/support/test-platform.ts';

let seq = 0;

export async function exec(platform: TestPlatform, query: ReturnType<typeof sql>): Promise<Array<Record<string, unknown>>> {
  return ((await platform.deps.db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
}

export type InquiryInput = { agency?: string; channel: string; receivedAt: string; receivedOn: string; deadline: string; forwardDeadline?: string; status?: string; reference?: string };

export async function inquiry(platform: TestPlatform, input: InquiryInput): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  seq += 1;
  const agency = input.agency ?? 'vsaa';
  const reference = input.reference ?? `${agency.toUpperCase()}/T/${seq}`;
  await exec(platform, sql`insert into inquiries (id, agency, reference, access_code_hash, channel, received_at, received_on, status, term_rule, deadline, forward_deadline, requester_name)
    values (${id}, ${agency}, ${reference}, 'x', ${input.channel}, ${input.receivedAt}, ${input.receivedOn}, ${input.status ?? 'new'}, 'submission.answer', ${input.deadline}, ${input.forwardDeadline ?? input.deadline}, 'Jānis Bērziņš')`);
  return { id, reference };
}

export async function event(platform: TestPlatform, inquiryId: string, at: string, kind: string, toStatus: string | null, details: Record<string, unknown> = {}): Promise<void> {
  await exec(platform, sql`insert into inquiry_events (inquiry_id, at, kind, to_status, details) values (${inquiryId}, ${at}, ${kind}, ${toStatus}, ${JSON.stringify(details)}::jsonb)`);
}

export async function ticket(platform: TestPlatform, input: { agency?: string; centre: string; service?: string; day: string; issuedAt: string; waitMinutes: number | null }): Promise<void> {
  seq += 1;
  const issued = new Date(input.issuedAt);
  const called = input.waitMinutes === null ? null : new Date(issued.getTime() + input.waitMinutes * 60_000 + 30_000);
  await exec(platform, sql`insert into queue_tickets (agency, centre_id, service_id, day, running_number, number, status, channel, issued_at, first_called_at, called_at, updated_at)
    values (${input.agency ?? 'vsaa'}, ${input.centre}, ${input.service ?? 'pensijas'}, ${input.day}, ${seq}, ${`P${seq}`}, ${called ? 'served' : 'waiting'}, 'kiosk', ${issued}, ${called}, ${called}, ${issued})`);
}

export async function appointment(platform: TestPlatform, input: { centre: string; startsAt: string; status: string; cancelledAt?: string; cancelReason?: string; agency?: string }): Promise<void> {
  seq += 1;
  const slotId = randomUUID();
  const start = new Date(input.startsAt);
  const end = new Date(start.getTime() + 30 * 60_000);
  await exec(platform, sql`insert into appointment_slots (id, agency, centre_id, service_id, starts_at, ends_at, capacity, taken) values (${slotId}, ${input.agency ?? 'vsaa'}, ${input.centre}, ${`s${seq}`}, ${start}, ${end}, 5, 0)`);
  await exec(platform, sql`insert into appointments (agency, centre_id, service_id, slot_id, starts_at, ends_at, status, booking_code, manage_token_hash, channel, client_name, cancelled_at, cancel_reason)
    values (${input.agency ?? 'vsaa'}, ${input.centre}, 'pensijas', ${slotId}, ${start}, ${end}, ${input.status}, ${`B${seq}`}, 'h', 'web', 'Anna Kalniņa', ${input.cancelledAt ?? null}, ${input.cancelReason ?? null})`);
}

export async function surveyAnswer(platform: TestPlatform, input: { createdAt: string; submittedAt: string | null; ratings?: Record<string, number>; centre?: string; agency?: string }): Promise<void> {
  const id = randomUUID();
  seq += 1;
  const agency = input.agency ?? 'vsaa';
  await exec(platform, sql`insert into feedback_invitations (id, agency, contact_kind, contact_ref, centre_id, month, created_at, expires_at, used_at)
    values (${id}, ${agency}, 'ticket', ${`R${seq}`}, ${input.centre ?? null}, ${input.createdAt.slice(0, 7) + '-01'}, ${input.createdAt}, ${input.createdAt}, ${input.submittedAt})`);
  if (input.submittedAt && input.ratings) {
    await exec(platform, sql`insert into feedback_responses (invitation_id, agency, contact_kind, centre_id, month, ratings, submitted_at)
      values (${id}, ${agency}, 'ticket', ${input.centre ?? null}, ${input.createdAt.slice(0, 7) + '-01'}, ${JSON.stringify(input.ratings)}::jsonb, ${input.submittedAt})`);
  }
}

export async function opinion(platform: TestPlatform, input: { kind: string; receivedAt: string; inquiryReference?: string; agency?: string }): Promise<void> {
  await exec(platform, sql`insert into feedback_opinions (agency, kind, text, source, received_at, inquiry_reference, author_name, anonymous)
    values (${input.agency ?? 'vsaa'}, ${input.kind}, 'Teksts', 'web', ${input.receivedAt}, ${input.inquiryReference ?? null}, 'Pēteris Ozols', false)`);
}

export async function phoneConsultation(platform: TestPlatform, at: string): Promise<void> {
  await exec(platform, sql`insert into phone_calls (agency, topic, started_at) values ('vsaa', 'citi', ${at})`);
}

export async function flow(platform: TestPlatform, day: string, flowName: string, step: string, n: number, agency = 'vsaa'): Promise<void> {
  await exec(platform, sql`insert into standard_flow_counts (agency, day, flow, step, n) values (${agency}, ${day}, ${flowName}, ${step}, ${n})`);
}

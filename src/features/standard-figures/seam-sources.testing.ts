// Hand-built phone and register records for the seam test (seam-sources.test.ts): plain SQL, like
// standard-figures.testing.ts, so the expected figures are worked out from exactly what is written here.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TestPlatform } from '../../../test/support/test-platform.ts';
import { exec } from './standard-figures.testing.ts';

const STAFF = '00000000-0000-4000-8000-000000000001';

export async function call(p: TestPlatform, startedAt: string, topic: string, agency = 'vsaa'): Promise<void> {
  await exec(p, sql`insert into phone_calls (agency, topic, outcome, started_at, duration_seconds) values (${agency}, ${topic}, 'answered', ${startedAt}, 120)`);
}

export async function callback(p: TestPlatform, input: { callBy: string; status: 'open' | 'taken' | 'reached' | 'unreachable'; closedAt?: string; agency?: string; topic?: string }): Promise<void> {
  const requested = new Date(new Date(input.callBy).getTime() - 6 * 3_600_000);
  await exec(p, sql`insert into phone_callbacks (agency, topic, name, phone, window_from, window_to, requested_at, call_by, status, closed_at)
    values (${input.agency ?? 'vsaa'}, ${input.topic ?? 'pensijas'}, 'Anna Kalniņa', '+37120000000', ${requested}, ${requested}, ${requested}, ${input.callBy}, ${input.status}, ${input.closedAt ?? null})`);
}

/** A service error with the steps given (step → moment); no steps: recorded, never acknowledged. */
export async function serviceError(p: TestPlatform, steps: Partial<Record<'acknowledged' | 'apology-sent' | 'remedied', string>>, agency = 'vsaa'): Promise<void> {
  const id = randomUUID();
  await exec(p, sql`insert into register_service_errors (id, agency, concerns_kind, concerns_id, description, came_to_light, recorded_by, created_at, status)
    values (${id}, ${agency}, 'inquiry', ${randomUUID()}, 'Kļūda', 'staff', ${STAFF}, ${steps.acknowledged ?? '2027-01-01T08:00:00Z'}, 'open')`);
  for (const [step, at] of Object.entries(steps)) {
    await exec(p, sql`insert into register_service_error_steps (error_id, agency, step, taken_by, taken_at) values (${id}, ${agency}, ${step}, ${STAFF}, ${at})`);
  }
}

export async function incident(p: TestPlatform, occurredAt: string, kind: string, agency = 'vsaa', actions: string[] = []): Promise<void> {
  await exec(p, sql`insert into register_incidents (agency, occurred_at, kind, actions, description, recorded_by, created_at)
    values (${agency}, ${occurredAt}, ${kind}, ${JSON.stringify(actions)}::jsonb, 'Apraksts', ${STAFF}, ${occurredAt})`);
}

export async function gift(p: TestPlatform, offeredOn: string, declined: boolean, agency = 'vsaa'): Promise<void> {
  await exec(p, sql`insert into register_gifts (agency, offered_on, what, kind, declined, reason, declared_by, created_at)
    values (${agency}, ${offeredOn}, 'Konfektes', 'gift', ${declined}, ${declined ? null : 'Nodota iestādei'}, ${STAFF}, ${offeredOn + 'T12:00:00Z'})`);
}

import { sql } from 'drizzle-orm';
import type { TestPlatform } from '../../../test/support/test-platform.ts';

export { movableClock } from '../feedback/feedback.testing.ts';

import { queryRows as rows } from '../../../test/support/sql-rows.ts';
export { rows };

export async function count(platform: TestPlatform, table: 'phone_callbacks' | 'phone_calls' | 'phone_callback_attempts' | 'mail_outbox'): Promise<number> {
  const [row] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row?.n ?? 0;
}

/** A callback request through the API (from its own address unless told). */
export async function postCallback(platform: TestPlatform, body: Record<string, unknown>, options: { slug?: string; ip?: string; lang?: string } = {}) {
  return platform.app.inject({
    method: 'POST',
    url: `/api/v1/agencies/${options.slug ?? 'kase'}/callbacks`,
    headers: { 'content-type': 'application/json', ...(options.lang ? { 'accept-language': options.lang } : {}) },
    payload: JSON.stringify(body),
    remoteAddress: options.ip ?? `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
}

/** A valid request for Tuesday 17 Nov 2026 09:00–10:00 (the clock stands on Monday 16 Nov 2026, 08:00 Riga). */
export function validCallback(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Anna Bērziņa',
    phone: '20000000',
    topic: 'konti',
    window: { from: '2026-11-17T09:00:00+02:00', to: '2026-11-17T10:00:00+02:00' },
    consent: true,
    ...overrides,
  };
}

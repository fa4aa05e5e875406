// Fixtures for the registers tests (not a test file itself): records of other features to link to.
import { sql, type SQL } from 'drizzle-orm';
import assert from 'node:assert/strict';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import type { TestPlatform } from '../../../test/support/test-platform.ts';
import { feedbackOpinions } from '../feedback/feedback.tables.ts';
import { fileInquiry } from '../inquiries/inquiries.service.ts';

export const CLIENT = { actorId: null, actorLabel: 'client', ip: '127.0.0.1' };
/** Monday 09:00 in Riga: centres open. */
export const NOW = '2026-11-16T07:00:00Z';

import { queryRows as rows } from '../../../test/support/sql-rows.ts';
export { rows };

export async function count(platform: TestPlatform, table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(platform, sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? 0;
}

export async function inquiryOf(platform: TestPlatform, agency: string, email = 'klients@example.lv'): Promise<{ id: string; reference: string }> {
  const { inquiry } = await fileInquiry(platform.deps, CLIENT, { agency, channel: 'web-form', name: 'Anna Bērziņa', email, text: 'Kāpēc mana pensija netika pārrēķināta?', acknowledge: false });
  return { id: inquiry.id, reference: inquiry.reference };
}

/** An appointment booked by staff of the agency (through the real API). */
export async function appointmentOf(browser: TestBrowser, agency: 'vsaa' | 'kase', start: string): Promise<string> {
  const body = agency === 'vsaa' ? { service: 'pensijas', centre: 'riga-lacplesa' } : { service: 'konsultacija', centre: 'riga-smilsu', reason: 'Nav pieejams e-paraksts' };
  const res = await browser.request({ method: 'POST', url: `/api/v1/staff/${agency}/appointments`, json: { ...body, start, name: 'Ilze Kalniņa', phone: '+371 20000000', email: 'ilze@example.lv' } });
  assert.equal(res.statusCode, 201, res.body);
  return (res.json() as { id: string }).id;
}

/** A walk-in ticket taken at the kiosk API. */
export async function ticketOf(platform: TestPlatform, centre = 'riga-lacplesa', service = 'pensijas'): Promise<string> {
  const res = await platform.app.inject({ method: 'POST', url: `/api/v1/agencies/vsaa/centres/${centre}/tickets`, payload: { service } });
  assert.equal(res.statusCode, 201, res.body);
  return (res.json() as { id: string }).id;
}

export async function opinionOf(platform: TestPlatform, agency: string, kind: 'complaint' | 'praise', inquiryReference: string | null = null): Promise<string> {
  const [row] = await platform.deps.db
    .insert(feedbackOpinions)
    .values({ agency, kind, text: 'Darbinieks nepareizi aprēķināja manu pabalstu.', source: 'web', inquiryReference, receivedAt: new Date(NOW) })
    .returning({ id: feedbackOpinions.id });
  return row!.id;
}

export function fieldsOf(response: { json: () => unknown }): string[] {
  return ((response.json() as { errors?: Array<{ field: string }> }).errors ?? []).map((e) => e.field);
}

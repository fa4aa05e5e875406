// Helpers shared by the staff inquiry tests (not a test file itself).
import { sql, type SQL } from 'drizzle-orm';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { AuditOrigin } from '../../../platform/audit/audit.ts';
import type { TestPlatform } from '../../../../test/support/test-platform.ts';
import type { TestStaff } from '../../../../test/support/staff-accounts.ts';
import type { InquiryRow } from '../inquiries.repository.ts';
import type { NewInquiryInput } from '../inquiries.schema.ts';
import { fileInquiry } from '../inquiries.service.ts';

export const CLIENT: AuditOrigin = { actorId: null, actorLabel: 'client', ip: '127.0.0.1' };

export { addStaff, signedIn, TEST_PASSWORD as PASSWORD, type TestStaff } from '../../../../test/support/staff-accounts.ts';

export function scopeOf(staff: TestStaff): AgencyScope {
  return { actor: { id: staff.id, email: staff.email, name: staff.name, memberships: [{ agency: staff.agency, role: staff.role }], sessionId: 'test' }, agency: staff.agency, role: staff.role };
}

export function originOf(staff: TestStaff): AuditOrigin {
  return { actorId: staff.id, actorLabel: staff.email, ip: '127.0.0.1' };
}

export async function fileTest(platform: TestPlatform, input: Partial<NewInquiryInput> & { receivedOn?: string }): Promise<InquiryRow> {
  const { receivedOn, ...rest } = input;
  const receivedAt = receivedOn ? new Date(`${receivedOn}T10:00:00Z`) : undefined;
  const { inquiry } = await fileInquiry(platform.deps, CLIENT, {
    agency: 'vsaa',
    channel: 'web-form',
    name: 'Klients',
    email: 'klients@example.lv',
    text: 'Jautājums',
    // The receipt e-mail has its own tests; here the outbox holds only what staff actions send.
    acknowledge: false,
    ...(receivedAt ? { receivedAt } : {}),
    ...rest,
  });
  return inquiry;
}

import { queryRows as rows } from '../../../../test/support/sql-rows.ts';
export { rows };

export async function setDeadline(platform: TestPlatform, id: string, deadline: string): Promise<void> {
  await platform.deps.db.execute(sql`update inquiries set deadline = ${deadline}::date where id = ${id}`);
}

export async function setStatus(platform: TestPlatform, id: string, status: string): Promise<void> {
  await platform.deps.db.execute(sql`update inquiries set status = ${status} where id = ${id}`);
}

export async function auditActions(platform: TestPlatform, recordId: string): Promise<string[]> {
  const found = await rows<{ action: string }>(platform, sql`select action from audit_log where record_id = ${recordId} order by id`);
  return found.map((r) => r.action);
}

export async function outboxTo(platform: TestPlatform, to: string) {
  return rows<{ subject: string; body_text: string; headers: Record<string, string>; attachments: unknown[] }>(
    platform,
    sql`select subject, body_text, headers, attachments from mail_outbox where to_address = ${to} order by created_at, id`,
  );
}

export async function countRows(platform: TestPlatform, table: string, where = 'true'): Promise<number> {
  const [row] = await rows<{ n: number }>(platform, sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return row?.n ?? -1;
}

export function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token in the page');
  return token;
}

/** A multipart/form-data body as a browser sends it. */
export function multipartBody(fields: Record<string, string>, files: Array<{ field: string; fileName: string; contentType: string; content: Buffer }>) {
  const boundary = `----apkalpe${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
    chunks.push(file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

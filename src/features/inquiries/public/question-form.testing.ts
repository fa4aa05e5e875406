import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../../platform/clock.ts';
import type { App } from '../../../platform/http/app.ts';
import type { TestPlatform } from '../../../../test/support/test-platform.ts';
import { TestBrowser } from '../../../../test/support/http-client.ts';

export type TestFile = { name: string; type: string; content: Buffer | string };

/** A multipart/form-data body as a browser sends it, built with the platform's own FormData. */
export async function multipartBody(fields: Record<string, string>, files: TestFile[] = []): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append('attachments', new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)], { type: file.type }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

export function csrfTokenIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

/** TestBrowser that can also send multipart forms (the question form takes files). */
export class QuestionBrowser extends TestBrowser {
  constructor(private readonly application: App) {
    super(application);
  }

  async postMultipart(url: string, fields: Record<string, string>, files: TestFile[] = [], remoteAddress?: string) {
    const { payload, contentType } = await multipartBody(fields, files);
    const headers: Record<string, string> = { 'content-type': contentType };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const response = await this.application.inject({ method: 'POST', url, headers, payload, ...(remoteAddress ? { remoteAddress } : {}) });
    for (const cookie of response.cookies as Array<{ name: string; value: string; maxAge?: number }>) {
      if (cookie.maxAge === 0 || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** GETs the form page (for its CSRF token), then sends the multipart form. */
  async submitQuestion(pageUrl: string, fields: Record<string, string>, files: TestFile[] = [], actionUrl = pageUrl) {
    const page = await this.get(pageUrl);
    return this.postMultipart(actionUrl, { _csrf: csrfTokenIn(page.body), ...fields }, files);
  }
}

/** A clock the test moves by hand (rate-limit windows). */
export function movableClock(iso: string): { clock: Clock; advanceMinutes: (minutes: number) => void; advanceSeconds: (seconds: number) => void } {
  let now = Temporal.Instant.from(iso);
  return { clock: () => now, advanceMinutes: (minutes) => (now = now.add({ minutes })), advanceSeconds: (seconds) => (now = now.add({ seconds })) };
}

export async function countRows(platform: TestPlatform, table: 'inquiries' | 'inquiry_messages' | 'inquiry_attachments' | 'audit_log', where = 'true'): Promise<number> {
  const result = await platform.deps.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? -1;
}

/** The page without its per-request CSRF token, to compare two answers. */
export function withoutCsrf(html: string): string {
  return html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');
}

export function mainOf(html: string): string {
  return /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
}

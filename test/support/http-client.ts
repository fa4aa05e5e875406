import type { App } from '../../src/platform/http/app.ts';

type InjectOptions = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> };

/** A cookie-keeping client over app.inject(), like a browser without JavaScript. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: App) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(options: InjectOptions) {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    let payload: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.json);
    }
    const response = await this.app.inject({ method: options.method ?? 'GET', url: options.url, headers, payload });
    for (const cookie of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ url, ...(headers ? { headers } : {}) });
  }

  /** GETs the page holding the form, then posts it with its CSRF token. */
  async submitForm(pageUrl: string, actionUrl: string, form: Record<string, string>) {
    const page = await this.get(pageUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${pageUrl} (status ${page.statusCode})`);
    return this.request({ method: 'POST', url: actionUrl, form: { ...form, _csrf: token } });
  }

  async signIn(email: string, password: string) {
    const response = await this.submitForm('/staff/login', '/staff/login', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${response.statusCode}`);
    return response;
  }
}

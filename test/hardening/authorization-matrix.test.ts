// Proof in CI (issue 13): every agency-scoped staff operation of the route table × every role × own agency /
// other agency / no session. The expected answer is written once per operation — its declared permission,
// read through the one permission table — and every cell is checked against it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { permissionTable } from '../../src/app/permissions.ts';
import { roleAllows, type Permission } from '../../src/platform/access/policy.ts';
import type { StaffRole } from '../../src/platform/access/roles.ts';
import { TestBrowser } from '../support/http-client.ts';
import { signedInStaff } from '../support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../support/test-platform.ts';

const ROLES: StaffRole[] = ['specialist', 'supervisor', 'administrator', 'auditor'];
const SCOPED = /^\/(api\/v1\/)?staff\/:agency(\/|$)/;
const UUID = '00000000-0000-4000-8000-00000000beef';

type Caller = { label: string; browser: TestBrowser | null; role: StaffRole | null; ownAgency: boolean };
type Cell = { operation: string; caller: string; status: number; expected: string; ok: boolean; validationFirst: boolean; stricter: boolean };

function expectedFor(permission: Permission, caller: Caller, api: boolean): { refuse: number | null; text: string } {
  if (!caller.browser) return api ? { refuse: 401, text: '401' } : { refuse: 303, text: '303 → /staff/login' };
  if (!caller.ownAgency) return { refuse: 403, text: '403' };
  return roleAllows(caller.role as StaffRole, permission) ? { refuse: null, text: 'not 401/403' } : { refuse: 403, text: '403' };
}

for (const target of testTargets()) {
  describe(`authorization matrix from the route table (${target})`, { timeout: 300_000 }, () => {
    let platform: TestPlatform;
    const callers: Caller[] = [];
    const cells: Cell[] = [];
    const undeclared: string[] = [];
    const tokens = new Map<TestBrowser | null, string>();

    before(async () => {
      platform = await createTestPlatform(target);
      for (const role of ROLES) {
        callers.push({ label: `vsaa ${role}`, browser: await signedInStaff(platform, `${role}.matrix@vsaa.example`, 'vsaa', role), role, ownAgency: true });
        callers.push({ label: `kase ${role}`, browser: await signedInStaff(platform, `${role}.matrix@kase.example`, 'kase', role), role, ownAgency: false });
      }
      callers.push({ label: 'no session', browser: null, role: null, ownAgency: false });
      for (const caller of callers) {
        const browser = caller.browser ?? new TestBrowser(platform.app);
        const page = await browser.get(caller.browser ? `/staff/${caller.ownAgency ? 'vsaa' : 'kase'}` : '/staff/login');
        tokens.set(caller.browser, /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '');
        if (!caller.browser) tokens.set(null, `${tokens.get(null)}|${browser.cookieHeader()}`);
      }

      const operations = platform.app.routeTable.filter((r) => SCOPED.test(r.url) && r.method !== 'HEAD');
      for (const op of operations) {
        if (!op.permission) undeclared.push(`${op.method} ${op.url}`);
        const permission = (op.permission ?? 'workplace.view') as Permission;
        const api = op.url.startsWith('/api/');
        const url = op.url.replace(':agency', 'vsaa').replace(/:(\w+)/g, (_m, name: string) => (name === 'centre' ? 'riga-lacplesa' : name === 'action' ? 'open' : name === 'counter' ? '1' : UUID));
        for (const caller of callers) {
          const headers: Record<string, string> = {};
          let payload: string | undefined;
          let csrf = tokens.get(caller.browser) ?? '';
          if (!caller.browser) {
            const [token, cookie] = csrf.split('|');
            csrf = token ?? '';
            headers.cookie = cookie ?? '';
          } else {
            headers.cookie = caller.browser.cookieHeader();
          }
          if (op.method !== 'GET') {
            if (api) {
              headers['content-type'] = 'application/json';
              payload = '{}';
            } else {
              headers['content-type'] = 'application/x-www-form-urlencoded';
              payload = new URLSearchParams({ _csrf: csrf }).toString();
            }
          }
          const response = await platform.app.inject({ method: op.method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
          const expected = expectedFor(permission, caller, api);
          const status = response.statusCode;
          const ok =
            expected.refuse === null
              ? status !== 401 && status !== 403 && status < 500
              : status === expected.refuse && (expected.refuse !== 303 || String(response.headers.location).startsWith('/staff/login'));
          cells.push({ operation: `${op.method} ${op.url}`, caller: caller.label, status, expected: expected.text, ok, validationFirst: !ok && status === 400 && expected.refuse !== null, stricter: !ok && expected.refuse === null && status === 403 });
        }
      }
    });
    after(() => platform.close());

    it('covers every staff operation with every role, own and other agency and no session', () => {
      const operations = new Set(cells.map((c) => c.operation));
      assert.ok(operations.size >= 40, `${operations.size} operations`);
      assert.equal(cells.length, operations.size * callers.length);
      if (undeclared.length) process.stdout.write(`# operations without a declared permission (the gate assumes workplace.view):\n#   ${undeclared.join('\n#   ')}\n`);
      process.stdout.write(`# authorization matrix (${target}): ${operations.size} operations × ${callers.length} callers = ${cells.length} cells\n`);
      assert.ok(Object.keys(permissionTable()).length > 5);
      // Every gated route declares its permission (the app refuses to build otherwise).
      assert.deepEqual(undeclared, []);
    });

    it('no cell lets a caller through that the permission table refuses (no 2xx, 3xx or 5xx where a refusal is due)', () => {
      // Refusing more than the route declares is not a leak, but the declaration is then incomplete: listed.
      const stricter = cells.filter((c) => c.stricter);
      if (stricter.length) process.stdout.write(`# cells refused (403) although the declared permission allows them — the route checks more itself, undeclared:\n#   ${stricter.map((c) => `${c.operation} as ${c.caller}`).join('\n#   ')}\n`);
      const granted = cells.filter((c) => !c.ok && !c.validationFirst && !c.stricter);
      assert.deepEqual(granted.map((c) => `${c.operation} as ${c.caller}: ${c.status}, expected ${c.expected}`), []);
    });

    it('access is decided before validation: exactly 401 / 403 / the sign-in redirect', () => {
      const validationFirst = cells.filter((c) => c.validationFirst);
      if (validationFirst.length) process.stdout.write(`# cells answered 400 before access was decided (finding 4): ${validationFirst.length}\n#   ${validationFirst.map((c) => `${c.operation} as ${c.caller}`).join('\n#   ')}\n`);
      assert.equal(validationFirst.length, 0);
    });
  });
}

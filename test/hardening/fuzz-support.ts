// Hostile values and request builders for the OpenAPI-driven fuzz test (issue 13, "Proofs in CI").
import { Writable } from 'node:stream';

/** A small fixed-seed PRNG (mulberry32): the same seed gives the same requests on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Secrets planted in the hostile requests: none may appear in any log line. */
export const PLANTED = {
  personalCode: '150583-12349',
  email: 'planted.secret.q7x@example.lv',
  phone: '+371 29998877',
  name: 'Plantēts Slepenvārdiņš',
  password: 'Planted-Password-93x!',
  token: 'plAnt3dT0kenplAnt3dT0kenplAnt3dT0ken0123456',
  accessCode: 'PQRSTUVWXY',
};

/** Hostile text values: NUL, huge, unicode, injection, traversal, malformed and out-of-range dates. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  `a\u0000b`,
  'x'.repeat(5_000),
  'ā'.repeat(30_000),
  '💩'.repeat(300),
  '\u202e\u200b\ufeff',
  '\ud800',
  "' OR 1=1 --",
  '"; DROP TABLE inquiries; --',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00%2e%2e%2f',
  '+275760-09-13T00:00:00Z',
  '2026-13-01',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '0001-01-01',
  '9999-12-31T23:59:59.999Z',
  '-271821-04-20',
  '2026-11-19T25:61:00',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999999',
  'null',
  'true',
  '[]',
  PLANTED.personalCode,
  PLANTED.email,
  PLANTED.phone,
  PLANTED.name,
  PLANTED.token,
  PLANTED.accessCode,
];

/** Hostile JSON values of the wrong type. */
export const HOSTILE_VALUES: readonly unknown[] = [null, true, 0, -1, 1.5, 2 ** 53 + 1, 1e308, [], [null], {}, { $gt: '' }, ['\u0000']];

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  minLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** A plausible value for a schema, so that one field at a time can be made hostile. */
export function baseline(schema: JsonSchema | undefined, ids: { uuid: string }, depth = 0): unknown {
  if (!schema || depth > 5) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternative = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (alternative) return baseline(alternative, ids, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = baseline(value, ids, depth + 1);
      return out;
    }
    case 'array':
      return [baseline(schema.items, ids, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'date') return '2026-11-19';
      if (schema.format === 'date-time') return '2026-11-19T10:00:00Z';
      if (schema.format === 'email') return 'client@example.lv';
      if (schema.format === 'uuid') return ids.uuid;
      return 'Jautājums par pensiju';
  }
}

/** Collects every log line written while the test runs. */
export function logCollector(): { stream: Writable; text: () => string; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, lines, text: () => lines.join('') };
}

/** Fields of the HTML forms on a page: action, method, enctype and the names of its inputs. */
export type PageForm = { action: string; multipart: boolean; fields: Record<string, string> };

export function formsOn(html: string, pageUrl: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = match[1] ?? '';
    if (!/method="post"/i.test(attrs)) continue;
    const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replace(/&amp;/g, '&') || pageUrl;
    const fields: Record<string, string> = {};
    for (const input of (match[2] ?? '').matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
      const name = /name="([^"]+)"/.exec(input[2] ?? '')?.[1];
      if (!name) continue;
      const value = /value="([^"]*)"/.exec(input[2] ?? '')?.[1] ?? 'x';
      if (!(name in fields)) fields[name] = value.replace(/&amp;/g, '&');
    }
    forms.push({ action, multipart: /multipart\/form-data/.test(attrs), fields });
  }
  return forms;
}

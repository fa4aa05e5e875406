// Logs never hold a personal code, contact datum, access code, token or password (issue 13, finding 1).
// Three layers: structured redaction of known fields (pino `redact`), serializers that keep only safe
// parts of URLs and errors (a failed query's parameter list never reaches the log), and a last scrub of
// every written line for anything shaped like a personal code, e-mail address, phone number or token.
import type { LoggerOptions } from 'pino';

const REDACTED = '[redacted]';

/** Query parameters whose values are safe to log; every other value is replaced. */
const SAFE_QUERY_KEYS = new Set(['lang', 'view', 'page', 'status', 'saved', 'service', 'centre', 'channel']);

/** Query values safe whatever their key: years, months and dates (a personal code never has this shape). */
const SAFE_QUERY_VALUE = /^\d{4}(?:-\d{2}){0,2}$/;

/** Path segments that are secrets or personal data themselves (the segment after the named one). */
const SECRET_AFTER_SEGMENT = new Set(['personal-codes', 'aptauja']);

const VALUE_PATTERNS: ReadonlyArray<RegExp> = [
  // personal identity codes: 010190-10001, 01019010001, 32xxxx-xxxxx
  /(?<![\d])\d{6}-?\d{5}(?![\d])/g,
  // e-mail addresses
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu,
  // phone numbers: +371 2xxxxxxx and other international forms
  /\+\d[\d\s-]{6,16}\d/g,
  // Latvian phone numbers without the country code
  /(?<![\d.])[26]\d{7}(?![\d.])/g,
];

// Long random tokens (base64url / hex), e.g. manage links' and invitations' tokens; record ids (UUIDs) stay.
const TOKEN_PATTERN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Replaces everything shaped like a personal code, e-mail, phone number or token. */
export function scrubText(text: string): string {
  let out = text;
  for (const pattern of VALUE_PATTERNS) out = out.replace(pattern, REDACTED);
  return out.replace(TOKEN_PATTERN, (match) => (UUID.test(match) ? match : REDACTED));
}

// Path segments kept as they are: lowercase slugs and ids (uuid, 'pieraksts.ics') and inquiry references.
// Anything else — an access code, a token, a name typed into the address — is not logged.
const SAFE_SEGMENT = /^(?:[a-z0-9][a-z0-9._-]{0,62}|[A-Z][A-Z0-9]{1,30}-\d{4}-\d{6,})?$/;

function safeSegment(segment: string): string {
  return SAFE_SEGMENT.test(segment) ? segment : REDACTED;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A URL as it may be logged: secret path segments and every query value but a few harmless ones replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const path = at === -1 ? url : url.slice(0, at);
  const query = at === -1 ? '' : url.slice(at + 1);
  const segments = path.split('/');
  const safePath = segments.map((segment, i) => (i > 0 && SECRET_AFTER_SEGMENT.has(segments[i - 1] ?? '') ? REDACTED : safeSegment(segment))).join('/');
  const safeQuery = query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq === -1 ? pair : pair.slice(0, eq);
      if (eq === -1) return key.length > 40 ? REDACTED : key;
      const value = pair.slice(eq + 1);
      const safe = (SAFE_QUERY_KEYS.has(safeDecode(key)) && /^[a-z0-9._-]{1,40}$/.test(value)) || SAFE_QUERY_VALUE.test(value);
      return safe ? pair : `${key.slice(0, 40)}=${REDACTED}`;
    })
    .join('&');
  const redacted = safeQuery ? `${safePath}?${safeQuery}` : safePath;
  return scrubText(redacted.length > 500 ? `${redacted.slice(0, 500)}…` : redacted);
}

type LoggableError = { name?: string; message?: string; code?: unknown; stack?: string; cause?: unknown; statusCode?: unknown };

/**
 * An error as it may be logged: its type, code and scrubbed message and stack — never the query
 * parameters drizzle and pg attach (`params`, `parameters`, `detail`, `where`) nor the "params:" line.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!error || typeof error !== 'object') return { message: scrubText(String(error)) };
  const e = error as LoggableError;
  const strip = (text: string | undefined) => (text === undefined ? undefined : scrubText(text.replace(/\nparams:[\s\S]*?(?=\n {4}at |$)/g, '\nparams: [redacted]')));
  const out: Record<string, unknown> = {
    type: e.name ?? error.constructor?.name ?? 'Error',
    message: strip(e.message),
    stack: strip(e.stack),
  };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (e.cause && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/** The request as logged: method, redacted URL, client address. */
export function serializeRequest(request: { method: string; url: string; ip?: string }) {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}

/** Fields that are never logged, wherever a log call puts them. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'headers.cookie',
  'headers.authorization',
  'from',
  'sender',
  'email',
  'phone',
  'password',
  'token',
  'accessCode',
  'personalCode',
  'params',
  'parameters',
  'body',
  '*.from',
  '*.email',
  '*.phone',
  '*.password',
  '*.token',
  '*.accessCode',
  '*.personalCode',
  '*.params',
  '*.parameters',
  '*.body',
];

/** pino options every Apkalpe logger uses. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { req: serializeRequest, err: serializeError, error: serializeError },
    hooks: { streamWrite: scrubText },
  };
}

// Errors Fastify and Node answer before any route or hook runs (issue 13, finding 3): a bad URL encoding,
// an over-long path parameter (414) and oversize headers (431). They answer like every other error —
// problem+json for the API, an error page otherwise — and never echo the request back.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LANGUAGE, translator } from '../i18n/index.ts';
import { respondWithError } from './error-handler.ts';
import { problemType } from './problem.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from './security-headers.ts';

const BASE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Fastify's `frameworkErrors`: the routing never started, so the security headers are set here. */
export function onFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(BASE_HEADERS);
  respondWithError(error, request, reply);
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; key: 'hardening.headersTooLarge' | 'hardening.uriTooLong' | 'errors.badRequestTitle' }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'headers-too-large', key: 'hardening.headersTooLarge' },
  HPE_URI_OVERFLOW: { status: 414, reason: 'URI Too Long', code: 'uri-too-long', key: 'hardening.uriTooLong' },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fastify's `clientErrorHandler`: the request could not even be parsed, so the answer is written raw. */
export function onClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const known = (error.code && CLIENT_ERRORS[error.code]) || { status: 400, reason: 'Bad Request', code: 'bad-request', key: 'errors.badRequestTitle' as const };
  const isApi = /^[A-Z]+ \/api\//.test(Buffer.isBuffer(error.rawPacket) ? error.rawPacket.subarray(0, 64).toString('latin1') : '');
  const lv = translator(DEFAULT_LANGUAGE)(known.key);
  const en = translator('en')(known.key);
  const body = isApi
    ? JSON.stringify({ type: problemType(known.code), title: lv, status: known.status, code: known.code })
    : `<!doctype html><html lang="lv"><head><meta charset="utf-8"><title>${escapeHtml(lv)}</title><link rel="stylesheet" href="/static/app.css"></head>` +
      `<body><main id="main"><h1>${escapeHtml(lv)}</h1><p lang="en">${escapeHtml(en)}</p><p><a href="/">apkalpe</a></p></main></body></html>`;
  const type = isApi ? 'application/problem+json; charset=utf-8' : 'text/html; charset=utf-8';
  const headers = Object.entries({ ...BASE_HEADERS, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), connection: 'close' })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${known.status} ${known.reason}\r\n${headers}\r\n\r\n${body}`);
}

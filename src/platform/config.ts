import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Environment settings; documented in the README table. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_READ_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  WORKERS: z.coerce.number().int('Use a whole number').min(1).max(64).default(1),
  PAGE_CACHE_MS: z.coerce.number().int('Use a whole number of milliseconds').min(0).max(60_000).default(1000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  AGENCIES_DIR: z.string().min(1).default('./agencies'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_INTAKE_PORT: z.coerce.number().int().min(1).max(65535).optional().or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('Apkalpe <no-reply@apkalpe.lv>'),
  PUBLIC_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  // Law on Submissions from 1 Mar 2026: whether the four-month extension remains is unconfirmed (LEGAL.md).
  SUBMISSION_EXTENSION: z.enum(['on', 'off'], 'Use on or off').default('on'),
  TRUSTED_LIST_FILE: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  TRUSTED_LIST_SIGNER_CERT: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  // Behind a reverse proxy: which proxies' X-Forwarded-For / X-Forwarded-Proto to believe.
  TRUST_PROXY: z
    .string()
    .regex(/^(off|on|\d{1,2}|[0-9a-fA-F.:/, ]+)$/, 'Use off, on, a hop count (1) or proxy addresses/CIDRs (10.0.0.1, 10.0.0.0/8)')
    .default('off'),
});

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A PostgreSQL streaming replica of DATABASE_URL for the heavy reads; unset: every read goes to the primary. */
  databaseReadUrl: string | undefined;
  /** Server processes on the one port (node:cluster); more than 1 needs DATABASE_URL. */
  workers: number;
  /** How long a public page or public JSON answer may be answered from memory (0: never). */
  pageCacheMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
  agenciesDir: string;
  /** Outgoing mail server; without it mail stays in the outbox table (readable at /staff/outbox). */
  smtpUrl: string | undefined;
  /** Port of the built-in SMTP intake that turns e-mails into inquiries; off when unset. */
  smtpIntakePort: number | undefined;
  mailFrom: string;
  /** Base URL used in links sent to clients (e-mails); defaults to http://localhost:PORT. */
  publicUrl: string;
  /** Whether deadlines of inquiries received from 1 Mar 2026 may be extended (to four months from receipt). */
  submissionExtension: boolean;
  /** ETSI TS 119 612 trusted list (XML) for e-signature verification; without it "qualification not checked". */
  trustedListFile: string | undefined;
  /** The certificate (PEM or DER file) the trusted list must be signed with; unset: the one the list carries. */
  trustedListSignerCert: string | undefined;
  /** Fastify's trustProxy: false, true, a hop count, or the proxies' addresses (TRUST_PROXY). */
  trustProxy: boolean | number | string;
};

function trustProxyOf(value: string): boolean | number | string {
  if (value === 'off') return false;
  if (value === 'on') return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  return value;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment settings:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) throw new ConfigError('Invalid environment settings:\n  DATABASE_READ_URL: a read replica needs DATABASE_URL (the primary) too');
  if (e.TRUSTED_LIST_SIGNER_CERT && !e.TRUSTED_LIST_FILE) throw new ConfigError('Invalid environment settings:\n  TRUSTED_LIST_SIGNER_CERT: pins the signer of TRUSTED_LIST_FILE, which is not set');
  if (e.WORKERS > 1 && !e.DATABASE_URL) {
    throw new ConfigError(
      `Invalid environment settings:\n  WORKERS: ${e.WORKERS} server processes need a PostgreSQL server (DATABASE_URL); the embedded database (PGlite) can be opened by one process only, so use WORKERS=1 or set DATABASE_URL`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    workers: e.WORKERS,
    pageCacheMs: e.PAGE_CACHE_MS,
    logLevel: e.LOG_LEVEL,
    agenciesDir: resolve(e.AGENCIES_DIR),
    smtpUrl: e.SMTP_URL,
    smtpIntakePort: e.SMTP_INTAKE_PORT,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    submissionExtension: e.SUBMISSION_EXTENSION === 'on',
    trustedListFile: e.TRUSTED_LIST_FILE ? resolve(e.TRUSTED_LIST_FILE) : undefined,
    trustedListSignerCert: e.TRUSTED_LIST_SIGNER_CERT ? resolve(e.TRUSTED_LIST_SIGNER_CERT) : undefined,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
  };
}

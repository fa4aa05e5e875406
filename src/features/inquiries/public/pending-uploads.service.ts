// Files a client chose on the question form are kept between its steps (issue 14): when the form comes back with
// an error, at the FAQ-suggestion step, or after a refused CSRF check, the client sees them by name and size and
// need not choose them again. A set of kept files is found by two random secrets together: the form's token (a
// hidden field) and the browser's visitor cookie, so neither a guessed id nor another visitor's token opens it.
import { createHash, randomBytes } from 'node:crypto';
import type { SQLWrapper } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Language, Translate } from '../../../platform/i18n/index.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { recordAudit, type AuditOrigin } from '../../../platform/audit/audit.ts';
import { sortAttachments } from '../attachment-content.ts';
import { ATTACHMENTS_MAX_COUNT, ATTACHMENTS_MAX_TOTAL_BYTES, type AttachmentInput } from '../inquiries.schema.ts';
import {
  deleteExpiredPendingUploads,
  deletePendingUploads,
  pendingSetDelete,
  extendPendingUploads,
  insertPendingUploads,
  listPendingUploads,
  loadPendingUploads,
  type PendingSetKey,
  type PendingUploadMeta,
} from './pending-uploads.repository.ts';
import { attachmentErrors, type Uploads } from './uploads.ts';

/** How long chosen files are kept after the client last sent the form (then the cleanup job deletes them). */
export const PENDING_UPLOAD_HOURS = 12;
/** The browser's half of the key (signed, HttpOnly, SameSite=Strict, as long as the files are kept). */
export const PENDING_VISITOR_COOKIE = 'apkalpe_uploads';

const SECRET = /^[A-Za-z0-9_-]{43}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 256 random bits, URL-safe: a form token or a visitor value. */
export function newPendingSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function isPendingSecret(value: string | null | undefined): value is string {
  return typeof value === 'string' && SECRET.test(value);
}

function sha256(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** What the post says about kept files: the form's token, the browser's visitor value, the files ticked "remove". */
export type PendingRequest = { token: string; visitor: string | null; remove: readonly string[] };

/** A kept file as the form shows it. */
export type PendingFile = Pick<PendingUploadMeta, 'id' | 'fileName' | 'size'>;

export function pendingKey(agency: string, token: string, visitor: string | null): PendingSetKey | null {
  if (!isPendingSecret(token) || !isPendingSecret(visitor)) return null;
  return { agency, tokenHash: sha256(token), visitorHash: sha256(visitor) };
}

/** The fingerprint's part for kept files: the token (the same in a retry, whatever was moved meanwhile) and the removals. */
export function pendingFingerprint(pending: PendingRequest): { pendingToken?: string; removed?: string[] } {
  return {
    ...(isPendingSecret(pending.token) ? { pendingToken: sha256(pending.token) } : {}),
    ...(pending.remove.length > 0 ? { removed: [...pending.remove].sort() } : {}),
  };
}

type Deps = Pick<AppDeps, 'db' | 'clock'>;

function nowOf(deps: Deps): Date {
  return new Date(deps.clock().epochMilliseconds);
}

function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + PENDING_UPLOAD_HOURS * 3600 * 1000);
}

/** The kept files of a form, read only (the form shown again after a refused CSRF check). */
export async function listPendingFiles(deps: Deps, agency: string, token: string, visitor: string | null): Promise<PendingFile[]> {
  const key = pendingKey(agency, token, visitor);
  return key ? listPendingUploads(deps.db, key, nowOf(deps)) : [];
}

export type NewFile = AttachmentInput & { sha256: string };

/** The files of one post: the kept ones (after the client's removals), the new ones that pass every check, the errors. */
export type FormFiles = { key: PendingSetKey | null; kept: PendingUploadMeta[]; fresh: NewFile[]; errors: FieldError[] };

/**
 * Applies the client's removals, then checks the newly chosen files with the same rules as filing: allowed type by
 * name, size, then by their bytes (file-type), and the count and total size together with the kept ones. A file
 * that fails is named in an error and not kept; an identical copy of a kept file is not kept twice.
 */
export async function gatherFormFiles(deps: Deps, agency: string, pending: PendingRequest, uploads: Uploads, t: Translate, lang: Language): Promise<FormFiles> {
  const key = pendingKey(agency, pending.token, pending.visitor);
  const removals = pending.remove.filter((id) => UUID.test(id));
  if (key && removals.length > 0) await deletePendingUploads(deps.db, key, removals);
  const kept = key ? await listPendingUploads(deps.db, key, nowOf(deps)) : [];
  if (uploads.tooMany || uploads.overTotal) return { key, kept, fresh: [], errors: attachmentErrors(uploads, t, lang) };
  const errors: FieldError[] = [];
  const fresh: NewFile[] = [];
  for (const file of uploads.files) {
    const limits = attachmentErrors({ files: [file], tooMany: false, overTotal: false }, t, lang);
    if (limits.length > 0) {
      errors.push(...limits);
      continue;
    }
    const { kept: passed, refused } = await sortAttachments([file]);
    for (const r of refused) errors.push({ field: 'attachments', code: r.code, message: `${r.fileName}: ${t(r.key)}` });
    for (const safe of passed) {
      const hash = sha256(safe.content);
      const same = (other: { fileName: string; sha256: string }) => other.sha256 === hash && other.fileName === safe.fileName;
      if (!kept.some(same) && !fresh.some(same)) fresh.push({ ...safe, sha256: hash });
    }
  }
  if (kept.length + fresh.length > ATTACHMENTS_MAX_COUNT) {
    errors.push({ field: 'attachments', code: 'too_many', message: t('inquiries.public.errors.attachmentsTooMany', { count: ATTACHMENTS_MAX_COUNT }) });
    return { key, kept, fresh: [], errors };
  }
  const total = kept.reduce((sum, f) => sum + f.size, 0) + fresh.reduce((sum, f) => sum + f.content.length, 0);
  if (total > ATTACHMENTS_MAX_TOTAL_BYTES) {
    errors.push({ field: 'attachments', code: 'too_big', message: t('inquiries.public.errors.attachmentsTotal', { total: ATTACHMENTS_MAX_TOTAL_BYTES / 1024 / 1024 }) });
    return { key, kept, fresh: [], errors };
  }
  return { key, kept, fresh, errors };
}

/** The kept files as the form will carry them on: the token to put in the form, and the files to list. */
export type KeptFiles = { token: string; files: PendingFile[] };

/**
 * The form is shown again (errors, suggestions): the new files join the kept ones, and the whole set is kept
 * another PENDING_UPLOAD_HOURS from now. `visitor` is the browser's value (a new one when it had none: the page
 * sets the cookie when files are kept).
 */
export async function keepFormFiles(deps: Deps, agency: string, pending: PendingRequest & { visitor: string }, files: FormFiles): Promise<KeptFiles> {
  const token = isPendingSecret(pending.token) ? pending.token : newPendingSecret();
  const key = pendingKey(agency, token, pending.visitor);
  if (!key || (files.kept.length === 0 && files.fresh.length === 0)) return { token, files: [] };
  const now = nowOf(deps);
  const expiresAt = expiryFrom(now);
  await extendPendingUploads(deps.db, key, now, expiresAt);
  // One millisecond apart: the list keeps the order the files were chosen in.
  await insertPendingUploads(deps.db, key, files.fresh.map((f, i) => ({ ...f, createdAt: new Date(now.getTime() + i) })), expiresAt);
  return { token, files: await listPendingUploads(deps.db, key, now) };
}

/** The files to file with the inquiry: the kept ones (with their bytes) first, then the new ones. */
export async function filingAttachments(deps: Deps, files: FormFiles): Promise<AttachmentInput[]> {
  const keptIds = new Set(files.kept.map((f) => f.id));
  const kept = files.key ? (await loadPendingUploads(deps.db, files.key, nowOf(deps))).filter((f) => keptIds.has(f.id)) : [];
  return [...kept.map((f) => ({ fileName: f.fileName, contentType: f.contentType, content: f.content })), ...files.fresh.map(({ sha256: _hash, ...f }) => f)];
}

/** In the filing transaction: the kept files now belong to the inquiry, so the set goes. */
/** The kept files a filing takes leave the pending set in the filing's own statement. */
export function releaseFormFiles(db: Database, files: FormFiles): SQLWrapper[] {
  return files.key ? [pendingSetDelete(db, files.key)] : [];
}

export const PENDING_CLEANUP_ORIGIN: AuditOrigin = { actorId: null, actorLabel: 'job:inquiries.pending-uploads', ip: null };

/** The cleanup job: every file past its expiry is deleted, whoever chose it; one audit event when any went. */
export async function deleteExpiredFormFiles(deps: Deps): Promise<number> {
  const deleted = await deleteExpiredPendingUploads(deps.db, nowOf(deps));
  if (deleted > 0) {
    await recordAudit(deps.db, deps.clock, PENDING_CLEANUP_ORIGIN, { action: 'inquiries.pending-uploads-expired', recordType: 'pending-upload', details: { count: deleted } });
  }
  return deleted;
}

import type { Clock } from '../../platform/clock.ts';
import { ConfigError, type AppConfig } from '../../platform/config.ts';
import { AppError } from '../../platform/http/problem.ts';
import { quickVerdict } from './quick-verdict.ts';
import type { Rejection, VerificationReport } from './signatures.schema.ts';
import { VerifierPool } from './verifier-pool.ts';

const pools = new Map<string, Promise<VerifierPool>>();
type TrustConfig = Pick<AppConfig, 'trustedListFile'> & Partial<Pick<AppConfig, 'trustedListSignerCert'>>;

/**
 * One verifier pool per trusted list (read and its signature verified once per process; '' = none configured).
 * A list that is refused throws a ConfigError naming TRUSTED_LIST_FILE: checkTrustedList at start-up (src/main.ts)
 * stops the server with it, and no attachment is ever judged against an unverified list.
 */
export function verifierFor(config: TrustConfig): Promise<VerifierPool> {
  const key = `${config.trustedListFile ?? ''}\0${config.trustedListSignerCert ?? ''}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = trustAnchors(config).then((anchors) => new VerifierPool(anchors));
    pools.set(key, pool);
    pool.catch(() => pools.delete(key));
  }
  return pool;
}

// The list's reader (XML signatures, certificates) is loaded only when a list is configured: a server without one
// does not carry that code in its main thread (memory at start, issue 18).
async function trustAnchors(config: TrustConfig) {
  if (!config.trustedListFile) return null;
  const { loadTrustedList, TrustedListError } = await import('./trusted-list.ts');
  try {
    return await loadTrustedList(config.trustedListFile, config.trustedListSignerCert);
  } catch (error) {
    throw error instanceof TrustedListError ? new ConfigError(`Invalid environment settings:\n  ${error.message}`) : error;
  }
}

/** At start-up: reads and verifies the trusted list, so a refused list stops the server with a clear message. */
export async function checkTrustedList(config: TrustConfig): Promise<void> {
  if (config.trustedListFile) await verifierFor(config);
}

export type ExaminedFile = { verification: VerificationReport; checkedAt: Date };
export type RefusedFile = { index: number; fileName: string; reason: Rejection };
type FileIn = { fileName: string; contentType: string; content: Buffer };

/**
 * Examines every arriving file once, in the verifier's worker threads (requests are not blocked).
 * Returns the verdicts in order, and the files refused outright (zip bombs, unsafe paths, fake PDFs).
 */
export async function examineFiles(deps: { config: TrustConfig; clock: Clock }, files: readonly FileIn[]): Promise<{ examined: (ExaminedFile | null)[]; refused: RefusedFile[] }> {
  if (files.length === 0) return { examined: [], refused: [] };
  const pool = await verifierFor(deps.config);
  const now = new Date(deps.clock().epochMilliseconds);
  // Files that need no cryptography are judged here; only containers and PDFs with signatures go to the workers.
  const outcomes = await Promise.all(files.map((f) => quickVerdict(f, pool.trusted) ?? pool.verify({ fileName: f.fileName, contentType: f.contentType, content: f.content }, now)));
  const refused: RefusedFile[] = [];
  const examined = outcomes.map((outcome, index) => {
    if (outcome.kind === 'rejected') {
      refused.push({ index, fileName: files[index]!.fileName, reason: outcome.reason });
      return null;
    }
    return { verification: outcome.report, checkedAt: new Date(deps.clock().epochMilliseconds) };
  });
  return { examined, refused };
}

/** The 400 a sender gets for refused files: one field error per file, in LV and EN, never echoing content. */
export function refusedFilesError(refused: readonly RefusedFile[], field = 'attachments'): AppError {
  return new AppError(
    400,
    'validation',
    'errors.validation',
    {},
    refused.map((r) => ({ field: `${field}.${r.index}`, code: `file.${r.reason}`, messageKey: `signatures.refusal.${r.reason}` as const })),
  );
}

/**
 * The arrival step of every channel: files already examined (e.g. by the integration API before its
 * transaction) keep their verdict; the others are examined now. Refused files throw a 400 ('reject'), or
 * are left out and listed ('drop': e-mail intake, where the mail must still be filed).
 */
export async function examineAttachments<T extends FileIn & { examined?: ExaminedFile }>(
  deps: { config: TrustConfig; clock: Clock },
  attachments: readonly T[],
  mode: 'reject' | 'drop' = 'reject',
): Promise<{ kept: Array<T & { examined: ExaminedFile }>; refused: RefusedFile[] }> {
  const pending = attachments.map((a, index) => ({ a, index })).filter(({ a }) => !a.examined);
  const { examined, refused } = await examineFiles(deps, pending.map(({ a }) => a));
  const refusedAt = refused.map((r) => ({ ...r, index: pending[r.index]!.index }));
  if (refusedAt.length > 0 && mode === 'reject') throw refusedFilesError(refusedAt);
  const verdicts = new Map(pending.map(({ index }, i) => [index, examined[i] ?? null]));
  const kept: Array<T & { examined: ExaminedFile }> = [];
  attachments.forEach((a, index) => {
    const verdict = a.examined ?? verdicts.get(index);
    if (verdict) kept.push({ ...a, examined: verdict });
  });
  return { kept, refused: refusedAt };
}

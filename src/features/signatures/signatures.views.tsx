import type { PageContext } from '../../web/page-context.ts';
import { formatMoment } from '../../web/format.ts';
import type { Signature, SignatureProblem, SignatureStatus } from './signatures.schema.ts';

type Props = { ctx: PageContext; status: SignatureStatus; signatures: readonly Signature[]; problems: readonly SignatureProblem[] };

/** Each signature's verdict in plain words, under the attachment it belongs to. */
export function SignatureVerdict({ ctx, status, signatures, problems }: Props) {
  const t = ctx.t;
  // "Qualification not checked" with a trusted list set: undecided for a reason listed below (no revocation data, a time-stamp by a TSA not on the list).
  const undecided = status === 'qualification-not-checked' && signatures.some((s) => s.trusted !== null);
  const className = status === 'valid' ? 'signature-ok' : status === 'invalid' ? 'signature-bad' : 'muted';
  return (
    <div className={className}>
      <p className="tight">
        <strong>{t('signatures.heading')}:</strong> {undecided ? t('signatures.statusUndecided') : t(`signatures.status.${status}`)}
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={p}>{t(`signatures.problem.${p}`)}</li>
          ))}
        </ul>
      )}
      {signatures.length > 0 && (
        <ul>
          {signatures.map((s, i) => (
            <li key={i}>
              {[
                t('signatures.signer', { signer: s.signer || '—' }),
                s.personalCode ? t('signatures.personalCode', { code: s.personalCode }) : null,
                s.signedAt ? t('signatures.signedAt', { when: formatMoment(s.signedAt, ctx.lang) }) : null,
                s.timestampedAt ? t('signatures.timestamped', { when: formatMoment(s.timestampedAt, ctx.lang) }) : null,
                s.issuer ? t('signatures.issuer', { issuer: s.issuer }) : null,
              ]
                .filter(Boolean)
                .join(', ')}
              {s.problems.length > 0 && <> — {s.problems.map((p) => t(`signatures.problem.${p}`)).join('; ')}</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

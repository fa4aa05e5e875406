import { RETENTION_KINDS, periodText } from '../../domain/privacy/index.ts';
import { pick } from '../../platform/i18n/index.ts';
import { formatDate } from '../../web/format.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { PrivacyProfile } from './privacy-profile.schema.ts';

const RIGHTS = ['access', 'rectify', 'erase', 'restrict', 'object'] as const;

/** /{agency}/privatums: the privacy notice, retention from the same settings the nightly run applies. */
export function PrivacyNoticeView({ ctx, profile }: { ctx: PageContext; profile: AgencyProfile }) {
  const { t, lang } = ctx;
  const privacy: PrivacyProfile | undefined = profile.privacy;
  const agency = pick(profile.name, lang);
  if (!privacy) {
    return (
      <>
        <h1>{t('privacy.notice.title')}</h1>
        <p>{t('privacy.notice.notConfigured')}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t('privacy.notice.title')}</h1>
      <p>{t('privacy.notice.intro', { agency })}</p>
      <h2>{t('privacy.notice.controller')}</h2>
      <p>{pick(privacy.controller, lang)}</p>
      <h2>{t('privacy.notice.dpo')}</h2>
      <p>
        {t('privacy.notice.dpoEmail', { email: privacy.dataProtectionOfficer.email })}
        {privacy.dataProtectionOfficer.address && (
          <>
            <br />
            {t('privacy.notice.dpoAddress', { address: privacy.dataProtectionOfficer.address })}
          </>
        )}
      </p>
      <h2>{t('privacy.notice.purposes')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('privacy.notice.purpose')}</th>
            <th scope="col">{t('privacy.notice.legalBasis')}</th>
          </tr>
        </thead>
        <tbody>
          {privacy.purposes.map((p, i) => (
            <tr key={i}>
              <td>{pick(p.purpose, lang)}</td>
              <td>{pick(p.legalBasis, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {privacy.recipients.length > 0 && (
        <>
          <h2>{t('privacy.notice.recipients')}</h2>
          <ul>
            {privacy.recipients.map((r, i) => (
              <li key={i}>{pick(r, lang)}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('privacy.notice.retention')}</h2>
      <p>{t('privacy.notice.retentionIntro')}</p>
      <dl className="retention">
        {RETENTION_KINDS.map((kind) => (
          <div key={kind}>
            <dt>{t(`privacy.kinds.${kind}`)}</dt>
            <dd>
              {periodText(privacy.retention[kind].period, lang)}, {t(`privacy.actions.${privacy.retention[kind].action}`)}
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t('privacy.notice.rights')}</h2>
      <ul>
        {RIGHTS.map((right) => (
          <li key={right}>{t(`privacy.notice.rightsList.${right}`)}</li>
        ))}
      </ul>
      <p>{t('privacy.notice.howToAsk')}</p>
      <ul>
        <li>
          <a href={`/${profile.slug}/jautajums?topic=personal-data`}>{t('privacy.notice.askLink')}</a>
        </li>
        <li>
          <a href={`/${profile.slug}/mani`}>{t('privacy.notice.myLink')}</a>
        </li>
      </ul>
      <p>{t('privacy.notice.complaint')}</p>
    </>
  );
}

/** /{agency}/pieejamiba: the accessibility statement in the form Latvian public bodies publish (Cabinet Regulation No 445). */
export function AccessibilityStatementView({ ctx, profile }: { ctx: PageContext; profile: AgencyProfile }) {
  const { t, lang } = ctx;
  const agency = pick(profile.name, lang);
  const a = profile.privacy?.accessibility;
  return (
    <>
      <h1>{t('privacy.accessibility.title')}</h1>
      <p>{t('privacy.accessibility.commitment', { agency })}</p>
      <p>{t('privacy.accessibility.scope', { agency })}</p>
      <h2>{t('privacy.accessibility.statusTitle')}</h2>
      <p>{t(`privacy.accessibility.status.${a?.status ?? 'partially-compliant'}`)}</p>
      <h2>{t('privacy.accessibility.assessmentTitle')}</h2>
      <p>{t('privacy.accessibility.assessment')}</p>
      <h2>{t('privacy.accessibility.exceptionsTitle')}</h2>
      {a && a.exceptions.length > 0 ? (
        <ul>
          {a.exceptions.map((e, i) => (
            <li key={i}>{pick(e, lang)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('privacy.accessibility.noExceptions')}</p>
      )}
      <h2>{t('privacy.accessibility.feedbackTitle')}</h2>
      <p>
        {t('privacy.accessibility.feedback', { email: a?.feedbackEmail ?? profile.website })}
        {a?.feedbackPhone && (
          <>
            <br />
            {t('privacy.accessibility.feedbackPhone', { phone: a.feedbackPhone })}
          </>
        )}
      </p>
      <h2>{t('privacy.accessibility.enforcementTitle')}</h2>
      <p>{t('privacy.accessibility.enforcement')}</p>
      {a && <p>{t('privacy.accessibility.dates', { prepared: formatDate(a.preparedOn, lang), reviewed: formatDate(a.reviewedOn, lang) })}</p>}
    </>
  );
}

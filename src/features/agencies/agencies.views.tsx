import { latvianDate } from '../../domain/latvian-text/index.ts';
import type { PageContext } from '../../web/page-context.ts';
import { formatDate, formatMoment, formatTime, formatWeeklyGroup } from '../../web/format.ts';
import type { AgencyProfile, LocalizedText } from './agency-profile.schema.ts';
import type { ChannelWithStatus, HoursStatus } from './agencies.service.ts';

function L({ text, ctx }: { text: LocalizedText; ctx: PageContext }) {
  return <>{text[ctx.lang]}</>;
}

function TextList({ items, ctx }: { items: LocalizedText[]; ctx: PageContext }) {
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{item[ctx.lang]}</li>
      ))}
    </ul>
  );
}

export function HomeView({ ctx, agencies }: { ctx: PageContext; agencies: readonly AgencyProfile[] }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <h2>{t('home.agencies')}</h2>
      <ul className="card-list">
        {agencies.map((a) => (
          <li className="card" key={a.slug}>
            <h3>
              <a href={`/${a.slug}`}>{a.name[ctx.lang]}</a>
            </h3>
            <p>{a.description[ctx.lang]}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function AgencyHomeView({ ctx, agency, openChannels }: { ctx: PageContext; agency: AgencyProfile; openChannels: ChannelWithStatus[] }) {
  const { t } = ctx;
  return (
    <>
      <h1>{agency.name[ctx.lang]}</h1>
      <p className="lead">{agency.description[ctx.lang]}</p>
      <ul className="card-list">
        <li className="card">
          <h2>
            <a href={`/${agency.slug}/standarts`}>{t('agency.readStandard')}</a>
          </h2>
          <p>{agency.mission[ctx.lang]}</p>
        </li>
        <li className="card">
          <h2>
            <a href={`/${agency.slug}/kontakti`}>{t('agency.seeContacts')}</a>
          </h2>
          <p>{t('agency.channelsOpenNow')}:</p>
          <ul>
            {openChannels.map(({ channel }) => (
              <li key={channel.id}>
                {channel.label[ctx.lang]}: {channelAddress(channel, ctx.lang)}
              </li>
            ))}
          </ul>
        </li>
        <li className="card">
          <h2>
            <a href={`/${agency.slug}/talrunis`}>{t('phone.page.linkText')}</a>
          </h2>
          <p>{t('phone.page.intro')}</p>
        </li>
        <li className="card">
          <h2>
            <a href={`/${agency.slug}/buj`}>{t('layout.faq')}</a>
          </h2>
          <p>{t('agency.faqIntro')}</p>
        </li>
        <li className="card">
          <h2>
            <a href={`/${agency.slug}/jautajums`}>{t('layout.askQuestion')}</a>
          </h2>
          <p>{t('agency.askIntro')}</p>
        </li>
      </ul>
      <h2>{t('agency.about')}</h2>
      <dl className="facts">
        <dt>{t('agency.legalAddress')}</dt>
        <dd>{agency.legalAddress}</dd>
        <dt>{t('agency.website')}</dt>
        <dd>
          <a href={agency.website}>{agency.website}</a>
        </dd>
      </dl>
    </>
  );
}

export function StandardView({ ctx, agency }: { ctx: PageContext; agency: AgencyProfile }) {
  const { t } = ctx;
  return (
    <>
      <h1>
        {t('standard.title')}: {agency.name[ctx.lang]}
      </h1>
      <p className="lead">{agency.description[ctx.lang]}</p>
      <h2>{t('standard.mission')}</h2>
      <p>{agency.mission[ctx.lang]}</p>
      {agency.principles.length > 0 && (
        <>
          <h2>{t('standard.principles')}</h2>
          {agency.principles.map((p, i) => (
            <p key={i}>{p[ctx.lang]}</p>
          ))}
        </>
      )}
      {agency.values.length > 0 && (
        <>
          <h2>{t('standard.values')}</h2>
          <dl className="facts">
            {agency.values.map((v, i) => (
              <div key={i} className="facts-row">
                <dt>{v.name[ctx.lang]}</dt>
                <dd>{v.description[ctx.lang]}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h2>{t('standard.clientMayExpect')}</h2>
      <TextList items={agency.clientMayExpect} ctx={ctx} />
      {agency.promises.length > 0 && (
        <p>
          <a href={`/${agency.slug}/standarts/izpilde${ctx.lang === 'en' ? '?lang=en' : ''}`}>{t('standardFigures.publicLink')}</a>
        </p>
      )}
      <h2>{t('standard.agencyExpects')}</h2>
      <TextList items={agency.agencyExpects} ctx={ctx} />
      {agency.serviceDelivery.length > 0 && (
        <>
          <h2>{t('standard.serviceDelivery')}</h2>
          {agency.serviceDelivery.map((p, i) => (
            <p key={i}>{p[ctx.lang]}</p>
          ))}
        </>
      )}
      <h2>{t('standard.booking')}</h2>
      <p>
        <L text={agency.booking.description} ctx={ctx} />
      </p>
      {agency.phoneTopics.length > 0 && (
        <>
          <h2>{t('standard.phoneTopics')}</h2>
          <TextList items={agency.phoneTopics.map((topic) => topic.name)} ctx={ctx} />
        </>
      )}
      <p>
        <a href={`/${agency.slug}/talrunis`}>{t('phone.page.linkText')}</a>
      </p>
      {agency.premisesRules && (
        <>
          <h2>{t('standard.premisesRules')}</h2>
          {agency.premisesRules.intro && <p>{agency.premisesRules.intro[ctx.lang]}</p>}
          <TextList items={agency.premisesRules.rules} ctx={ctx} />
          {agency.premisesRules.consequences.map((c, i) => (
            <p key={i}>{c[ctx.lang]}</p>
          ))}
        </>
      )}
      <h2>{t('standard.feedback')}</h2>
      <p>{agency.feedback.intro[ctx.lang]}</p>
      <TextList items={agency.feedback.invitations} ctx={ctx} />
      <p>{agency.feedback.answerPromise[ctx.lang]}</p>
      {agency.notices.length > 0 && (
        <>
          <h2>{t('standard.notices')}</h2>
          {agency.notices.map((n, i) => (
            <p className="notice" key={i}>
              {n.text[ctx.lang]}
            </p>
          ))}
        </>
      )}
      <p className="muted">
        {t('standard.version', { version: agency.profileVersion, date: ctx.lang === 'lv' ? latvianDate(agency.validFrom, 'genitive') : formatDate(agency.validFrom, ctx.lang) })}
      </p>
    </>
  );
}

export function StatusBadge({ ctx, status, placesAnchor = '#centres' }: { ctx: PageContext; status: HoursStatus; placesAnchor?: string }) {
  const { t } = ctx;
  if (status.byPlace) return <a href={placesAnchor}>{t('contacts.hoursByPlace')}</a>;
  if (status.alwaysAvailable) return <span className="muted">{t('contacts.alwaysAvailable')}</span>;
  if (status.openNow) {
    return (
      <span className="status status-open">
        {t('contacts.openNow')} {status.closesAt ? t('contacts.closesAt', { time: formatTime(status.closesAt) }) : ''}
      </span>
    );
  }
  return (
    <span className="status status-closed">
      {t('contacts.closedNow')}
      {status.nextOpening ? `, ${t('contacts.opensAt', { when: formatMoment(status.nextOpening, ctx.lang) })}` : ''}
    </span>
  );
}

export function WeeklyHours({ ctx, status }: { ctx: PageContext; status: HoursStatus }) {
  if (status.alwaysAvailable || status.byPlace) return null;
  if (status.weekly.length === 0) return <p className="muted">{ctx.t('contacts.noHours')}</p>;
  return (
    <ul>
      {status.weekly.map((group) => (
        <li key={group.days.join('-')}>{formatWeeklyGroup(group, ctx.t)}</li>
      ))}
    </ul>
  );
}

/** The channel's address in the page's language (numbers and e-mails are the same in both). */
export function channelAddress(channel: { address: string; addressEn?: string | undefined }, lang: 'lv' | 'en'): string {
  return lang === 'en' && channel.addressEn ? channel.addressEn : channel.address;
}

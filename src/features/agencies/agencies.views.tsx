import type { PageContext } from '../../web/page-context.ts';
import { formatMomentInSentence, formatTime, formatWeeklyGroup } from '../../web/format.ts';
import type { AgencyProfile } from './agency-profile.schema.ts';
import type { ChannelWithStatus, HoursStatus } from './agencies.service.ts';

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
      {status.nextOpening ? `, ${t('contacts.opensAt', { when: formatMomentInSentence(status.nextOpening, ctx.lang) })}` : ''}
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

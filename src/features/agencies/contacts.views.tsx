import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from './agency-profile.schema.ts';
import type { ChannelWithStatus, HoursStatus } from './agencies.service.ts';
import { channelAddress, StatusBadge, WeeklyHours } from './agencies.views.tsx';
import { channelHref } from './standard.views.tsx';

export type CentreWithStatus = { centre: AgencyProfile['serviceCentres'][number]; status: HoursStatus };
export type VideoLocationWithStatus = { location: NonNullable<AgencyProfile['videoConsultation']>['locations'][number]; status: HoursStatus };

export function ContactsView({
  ctx,
  agency,
  channels,
  centres,
  videoLocations,
}: {
  ctx: PageContext;
  agency: AgencyProfile;
  channels: ChannelWithStatus[];
  centres: CentreWithStatus[];
  videoLocations: VideoLocationWithStatus[];
}) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>
        {t('contacts.title')}: {agency.name[lang]}
      </h1>
      <p className="lead">{t('contacts.intro')}</p>
      <p>
        <a href={`/${agency.slug}/talrunis`}>{t('phone.page.linkText')}</a>
      </p>
      <ul className="card-list">
        {channels.map(({ channel, status }) => {
          const href = channelHref(agency.slug, channel);
          const onThisPage = href.startsWith(`/${agency.slug}/kontakti#`);
          return (
            <li className="card" key={channel.id} id={`channel-${channel.id}`}>
              <h2>{channel.label[lang]}</h2>
              <p className="muted">{t(`contacts.kinds.${channel.kind}`)}</p>
              <p>{onThisPage ? channelAddress(channel, lang) : <a href={href}>{channelAddress(channel, lang)}</a>}</p>
              {channel.subAddressee && <p>{t('contacts.subAddressee', { name: channel.subAddressee })}</p>}
              {channel.requiresSecureSignature && <p className="notice">{t('contacts.requiresSignature')}</p>}
              <p>
                <StatusBadge ctx={ctx} status={status} placesAnchor={channel.kind === 'video-consultation' ? '#video-locations' : '#centres'} />
              </p>
              <WeeklyHours ctx={ctx} status={status} />
              {channel.note && <p className="muted">{channel.note[lang]}</p>}
            </li>
          );
        })}
      </ul>
      <p className="notice">{t('contacts.shortenedNote')}</p>
      {centres.length > 0 && (
        <>
          <h2 id="centres">{t('contacts.serviceCentres')}</h2>
          <ul className="card-list">
            {centres.map(({ centre, status }) => (
              <li className="card" key={centre.id} id={`centre-${centre.id}`}>
                <h3>{centre.name[lang]}</h3>
                <p>{centre.address}</p>
                <p>
                  <StatusBadge ctx={ctx} status={status} />
                </p>
                <WeeklyHours ctx={ctx} status={status} />
                <p>
                  {[centre.appointments ? t('contacts.byAppointment') : null, centre.walkIn ? t('contacts.walkIn') : null]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {centre.note && <p className="muted">{centre.note[lang]}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {videoLocations.length > 0 && (
        <>
          <h2 id="video-locations">{t('contacts.videoLocations')}</h2>
          {agency.videoConsultation && <p>{agency.videoConsultation.description[lang]}</p>}
          <ul className="card-list">
            {videoLocations.map(({ location, status }) => (
              <li className="card" key={location.id}>
                <h3>{location.name[lang]}</h3>
                <p>{location.address}</p>
                <p>
                  <StatusBadge ctx={ctx} status={status} />
                </p>
                <WeeklyHours ctx={ctx} status={status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

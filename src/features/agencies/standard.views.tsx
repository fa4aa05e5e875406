import { latvianDate } from '../../domain/latvian-text/index.ts';
import { weeklySummary } from '../../domain/opening-hours/index.ts';
import { formatDate, formatWeeklyGroup } from '../../web/format.ts';
import { type PageContext, withLang } from '../../web/page-context.ts';
import { PORTAL_PAGE_PATHS, type StandardContactSection } from './agency-presentation.schema.ts';
import type { AgencyProfile, Channel, LocalizedText } from './agency-profile.schema.ts';
import { toHoursSpec } from './agencies.service.ts';
import { channelAddress } from './agencies.views.tsx';

type Contact = StandardContactSection['contacts'][number];
type Link = { href: string; text: string };

/** Where a channel is served: its own URL, the phone or mail address, else its card on the contacts page. */
export function channelHref(slug: string, channel: Pick<Channel, 'id' | 'kind' | 'address' | 'url'>): string {
  if (channel.url) return channel.url;
  if (channel.kind === 'phone') return `tel:${channel.address.replace(/\s+/g, '')}`;
  if (channel.kind === 'email') return `mailto:${channel.address}`;
  return `/${slug}/kontakti#channel-${channel.id}`;
}

/** The contact's links: the channels it names, then the portal pages serving it (one link per address). */
function contactLinks(ctx: PageContext, agency: AgencyProfile, contact: Contact): Link[] {
  const links: Link[] = [];
  for (const id of contact.channels) {
    const channel = agency.channels.find((c) => c.id === id);
    if (channel) links.push({ href: channelHref(agency.slug, channel), text: `${channel.label[ctx.lang]}: ${channelAddress(channel, ctx.lang)}` });
  }
  for (const page of contact.pages) links.push({ href: `/${agency.slug}/${PORTAL_PAGE_PATHS[page]}`, text: ctx.t(`standard.pages.${page}`) });
  return links.filter((link, i) => links.findIndex((other) => other.href === link.href) === i);
}

/** Under a contact's words: the hours it names (when asked) and its links. */
function ContactExtras({ ctx, agency, contact }: { ctx: PageContext; agency: AgencyProfile; contact: Contact }) {
  const links = contactLinks(ctx, agency, contact);
  const hours = contact.showHours
    ? contact.channels.flatMap((id) => {
        const channel = agency.channels.find((c) => c.id === id);
        return channel?.hours ? weeklySummary(toHoursSpec(channel.hours)).map((group) => formatWeeklyGroup(group, ctx.t)) : [];
      })
    : [];
  return (
    <>
      {hours.length > 0 && (
        <ul className="contact-hours">
          {hours.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {links.length > 0 && (
        <ul className="contact-links" aria-label={ctx.t('standard.contactLinks')}>
          {links.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.text}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The standard's contact section as the agency published it, every contact linked to what serves it. */
function StandardContacts({ ctx, agency }: { ctx: PageContext; agency: AgencyProfile }) {
  return (
    <>
      {agency.contactSections.map((section, i) => (
        <section key={i} className="standard-contacts">
          <h2>{section.heading[ctx.lang]}</h2>
          {section.intro && <p>{section.intro[ctx.lang]}</p>}
          {section.layout === 'list' ? (
            <ul>
              {section.contacts.map((contact, j) => (
                <li key={j}>
                  {contact.text[ctx.lang]}
                  <ContactExtras ctx={ctx} agency={agency} contact={contact} />
                </li>
              ))}
            </ul>
          ) : (
            section.contacts.map((contact, j) => (
              <div key={j} className="standard-contact">
                <p>{contact.text[ctx.lang]}</p>
                <ContactExtras ctx={ctx} agency={agency} contact={contact} />
              </div>
            ))
          )}
        </section>
      ))}
    </>
  );
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

/**
 * The whole standard as the agency published it, from the profile. The booking rules (booking.description) are
 * not repeated here: they restate the in-person paragraph of the contact section, which links to the booking.
 */
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
          <a href={withLang(`/${agency.slug}/standarts/izpilde`, ctx)}>{t('standardFigures.publicLink')}</a>
        </p>
      )}
      <h2>{t('standard.agencyExpects')}</h2>
      <TextList items={agency.agencyExpects} ctx={ctx} />
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
      {agency.serviceDelivery.length > 0 && (
        <>
          <h2>{t('standard.serviceDelivery')}</h2>
          {agency.serviceDelivery.map((p, i) => (
            <p key={i}>{p[ctx.lang]}</p>
          ))}
        </>
      )}
      <StandardContacts ctx={ctx} agency={agency} />
      {agency.phoneTopics.length > 0 && (
        <>
          <h2>{t('standard.phoneTopics')}</h2>
          <TextList items={agency.phoneTopics.map((topic) => topic.name)} ctx={ctx} />
        </>
      )}
      <p>
        <a href={`/${agency.slug}/talrunis`}>{t('phone.page.linkText')}</a>
      </p>
      <h2>{t('standard.feedback')}</h2>
      <p>{agency.feedback.intro[ctx.lang]}</p>
      <TextList items={agency.feedback.invitations} ctx={ctx} />
      <p>{agency.feedback.answerPromise[ctx.lang]}</p>
      <ul className="contact-links" aria-label={t('standard.contactLinks')}>
        <li>
          <a href={`/${agency.slug}/atsauksme`}>{t('standard.pages.feedback')}</a>
        </li>
      </ul>
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

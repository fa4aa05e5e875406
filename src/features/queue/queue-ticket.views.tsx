import type { PageContext } from '../../web/page-context.ts';
import { formatRigaMoment } from '../../web/format.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { TicketDetail } from './queue-ticket.service.ts';

function Moment({ ctx, at }: { ctx: PageContext; at: Date | null }) {
  return at ? <time dateTime={at.toISOString()}>{formatRigaMoment(at, ctx.lang)}</time> : <>{ctx.t('queue.ticketDetail.notYet')}</>;
}

/** One queue ticket for staff, opened from the records behind a queue figure: times, place, service, outcome; no person. */
export function TicketDetailView({ ctx, profile, ticket, mayFigures }: { ctx: PageContext; profile: AgencyProfile; ticket: TicketDetail; mayFigures: boolean }) {
  const { t, lang } = ctx;
  const centre = profile.serviceCentres.find((c) => c.id === ticket.centreId);
  const service = profile.services.find((s) => s.id === ticket.serviceId);
  return (
    <>
      <h1>{t('queue.ticketDetail.title', { number: ticket.number })}</h1>
      <p>{t('queue.ticketDetail.privacy')}</p>
      <dl className="facts">
        <dt>{t('queue.ticketDetail.number')}</dt>
        <dd>{ticket.number}</dd>
        <dt>{t('queue.ticketDetail.day')}</dt>
        <dd>
          <time dateTime={ticket.day}>{ticket.day}</time>
        </dd>
        <dt>{t('queue.ticketDetail.centre')}</dt>
        <dd>{centre ? centre.name[lang] : ticket.centreId}</dd>
        <dt>{t('queue.ticketDetail.service')}</dt>
        <dd>{service ? service.name[lang] : ticket.serviceId}</dd>
        <dt>{t('queue.ticketDetail.issued')}</dt>
        <dd>
          <Moment ctx={ctx} at={ticket.issuedAt} />
        </dd>
        <dt>{t('queue.ticketDetail.called')}</dt>
        <dd>
          <Moment ctx={ctx} at={ticket.firstCalledAt} />
        </dd>
        <dt>{t('queue.ticketDetail.finished')}</dt>
        <dd>
          <Moment ctx={ctx} at={ticket.finishedAt} />
        </dd>
        <dt>{t('queue.ticketDetail.waited')}</dt>
        <dd>{ticket.waitedMinutes === null ? t('queue.ticketDetail.notCalled') : ticket.waitedMinutes}</dd>
        <dt>{t('queue.ticketDetail.counter')}</dt>
        <dd>{ticket.counterNo === null ? t('queue.ticketDetail.none') : ticket.counterNo}</dd>
        <dt>{t('queue.ticketDetail.outcome')}</dt>
        <dd>{t(`queue.status.${ticket.status}`)}</dd>
        <dt>{t('queue.ticketDetail.recalls')}</dt>
        <dd>{ticket.recalls}</dd>
        <dt>{t('queue.ticketDetail.appointment')}</dt>
        <dd>{ticket.withAppointment ? t('queue.ticketDetail.yes') : t('queue.ticketDetail.no')}</dd>
      </dl>
      {mayFigures && centre && (
        <p>
          <a href={`/staff/${profile.slug}/rinda/${centre.id}/skaitli?day=${ticket.day}`}>{t('queue.ticketDetail.dayFigures')}</a>
        </p>
      )}
    </>
  );
}

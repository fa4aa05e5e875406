import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, TextField } from '../../web/components.tsx';
import { formatMoment, formatMomentInSentence } from '../../web/format.ts';
import { type PageContext, withLang } from '../../web/page-context.ts';
import type { QueueCentre } from './queue-centre.ts';
import { ticketPath, type BoardState, type TicketView } from './queue-tickets.service.ts';

export const kioskPath = (agency: string, centre: string) => `/${agency}/rinda/${centre}`;

export function CentresView({ ctx, centres }: { ctx: PageContext; centres: QueueCentre[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('queue.centres.title')}</h1>
      <p className="lead">{t('queue.centres.lead')}</p>
      {centres.length === 0 && <p>{t('queue.centres.none')}</p>}
      <ul className="card-list">
        {centres.map((c) => (
          <li key={c.centre.id} className="card">
            <h2>{c.centre.name[lang]}</h2>
            <p>{c.centre.address}</p>
            <p>
              <a href={withLang(kioskPath(c.agency.slug, c.centre.id), ctx)}>{t('queue.centres.kiosk')}</a>
              {' · '}
              <a href={withLang(`${kioskPath(c.agency.slug, c.centre.id)}/tablo`, ctx)}>{t('queue.centres.board')}</a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

type KioskProps = {
  ctx: PageContext;
  centre: QueueCentre;
  board: BoardState;
  nextOpening: string | null;
  errors: FieldError[];
  checkIn: boolean;
};

/** Big buttons, one per service: one touch posts the form (no JavaScript), the answer is the ticket's page. */
export function KioskView({ ctx, centre, board, nextOpening, errors, checkIn }: KioskProps) {
  const { t, lang } = ctx;
  const action = withLang(kioskPath(centre.agency.slug, centre.centre.id), ctx);
  const bookingError = errors.find((e) => e.field === 'bookingCode');
  return (
    <div className="queue-kiosk">
      <h1>{t('queue.kiosk.title', { centre: centre.centre.name[lang] })}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {!board.open && (
        <div className="notice">
          <p>
            {t('queue.kiosk.closed')} {nextOpening ? t('queue.kiosk.opensAt', { when: formatMomentInSentence(nextOpening, lang) }) : null}
          </p>
        </div>
      )}
      {board.open && (
        <form method="post" action={action} id="field-service">
          <CsrfField ctx={ctx} />
          <fieldset className="queue-services">
            <legend>
              <h2>{t('queue.kiosk.chooseService')}</h2>
            </legend>
            <p className="hint">{t('queue.kiosk.lead')}</p>
            {board.waiting.map((w) => (
              <button key={w.service} type="submit" name="service" value={w.service} className="queue-service-button">
                <span className="queue-letter" aria-hidden="true">
                  {w.letter}
                </span>
                <span className="queue-service-name">{w.name[lang]}</span>
                <span className="queue-service-wait">{w.estimatedWaitMinutes === null ? t('queue.kiosk.waitingNoCounter', { count: w.waiting }) : t('queue.kiosk.waitingNow', { count: w.waiting, minutes: w.estimatedWaitMinutes })}</span>
              </button>
            ))}
          </fieldset>
        </form>
      )}
      {board.open && checkIn && (
        <form method="post" action={withLang(`${kioskPath(centre.agency.slug, centre.centre.id)}/pieraksts`, ctx)} className="queue-check-in" noValidate>
          <CsrfField ctx={ctx} />
          <h2>{t('queue.kiosk.checkInTitle')}</h2>
          <p>{t('queue.kiosk.checkInLead')}</p>
          <TextField name="bookingCode" label={t('queue.kiosk.bookingCode')} error={bookingError} autoComplete="off" required />
          <button type="submit">{t('queue.kiosk.checkIn')}</button>
        </form>
      )}
    </div>
  );
}

/** The survey offered after service: its link and the same link as an SVG QR code (for another phone). */
export type TicketSurvey = { url: string; qrSvg: string };

export function TicketPageView({ ctx, centre, ticket, survey }: { ctx: PageContext; centre: QueueCentre; ticket: TicketView; survey: TicketSurvey | null }) {
  const { t, lang } = ctx;
  const service = centre.services.find((s) => s.id === ticket.service);
  const live = ticket.status === 'waiting' || ticket.status === 'called';
  const events = `/api/v1/agencies/${centre.agency.slug}/centres/${centre.centre.id}/board/events`;
  return (
    <div className="queue-ticket">
      <h1>
        <span className="visually-hidden">{t('queue.ticket.yourNumber')}: </span>
        <span className="queue-ticket-number">{ticket.number}</span>
      </h1>
      {/* queue-ticket.js redraws this part from the page itself whenever the centre's queue moves. */}
      <div id="ticket-state" data-events={live ? events : undefined}>
        {ticket.status === 'called' && ticket.counter !== null && (
          <p className="queue-go-to" role="status">
            {t('queue.ticket.goTo', { counter: ticket.counter })}
          </p>
        )}
        <dl className="facts">
          <div className="facts-row">
            <dt>{t('queue.ticket.status')}</dt>
            <dd>{t(`queue.status.${ticket.status}`)}</dd>
          </div>
          <div className="facts-row">
            <dt>{t('queue.ticket.service')}</dt>
            <dd>{service?.name[lang] ?? ticket.service}</dd>
          </div>
          <div className="facts-row">
            <dt>{t('queue.ticket.centre')}</dt>
            <dd>{centre.centre.name[lang]}</dd>
          </div>
          {ticket.position !== null && (
            <div className="facts-row">
              <dt>{t('queue.ticket.position')}</dt>
              <dd>{ticket.position}</dd>
            </div>
          )}
          {ticket.position !== null && (
            <div className="facts-row">
              <dt>{t('queue.ticket.estimate')}</dt>
              <dd>{ticket.estimatedWaitMinutes === null ? t('queue.ticket.noCounter') : t('queue.ticket.minutes', { count: ticket.estimatedWaitMinutes })}</dd>
            </div>
          )}
          <div className="facts-row">
            <dt>{t('queue.ticket.issuedAt')}</dt>
            <dd>{formatMoment(ticket.issuedAt, lang)}</dd>
          </div>
          {ticket.appointment && (
            <div className="facts-row">
              <dt>{t('queue.ticket.appointment')}</dt>
              <dd>✓</dd>
            </div>
          )}
        </dl>
        {survey && (
          <section className="queue-survey" aria-labelledby="survey-heading">
            <h2 id="survey-heading">{t('queue.ticket.surveyTitle')}</h2>
            <p>
              <a className="button" href={withLang(survey.url, ctx)}>
                {t('queue.ticket.surveyLink')}
              </a>
            </p>
            {/* The QR code repeats the link above; its markup comes from the qrcode library, not from user input. */}
            <div className="queue-survey-qr" role="img" aria-label={t('queue.ticket.surveyQr')} dangerouslySetInnerHTML={{ __html: survey.qrSvg }} />
          </section>
        )}
      </div>
      <p className="visually-hidden" role="status" id="ticket-announce"></p>
      <p className="hint">{t('queue.ticket.keepLink')}</p>
      {live && (
        <p className="hint" id="ticket-live-note" hidden>
          {t('queue.ticket.live')}
        </p>
      )}
      {/* A link, not a timed refresh (WCAG 2.2.1): the client reloads when they want to. */}
      <p>
        <a className="button" href={withLang(ticketPath({ agency: centre.agency.slug, centreId: centre.centre.id, id: ticket.id }), ctx)}>
          {t('queue.ticket.refresh')}
        </a>
      </p>
      <p>
        <a href={withLang(kioskPath(centre.agency.slug, centre.centre.id), ctx)}>{t('queue.ticket.another')}</a>
      </p>
      {live && <script src="/static/queue-ticket.js" defer />}
    </div>
  );
}

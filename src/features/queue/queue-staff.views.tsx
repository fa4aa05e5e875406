import type { DailyFigures, Figures } from '../../domain/queue/index.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, errorFor, ScrollRegion } from '../../web/components.tsx';
import { serviceNeedsIdentification } from '../registers/identity-check.ts';
import { IdentityDocumentField, IncidentQuickEntryLink } from '../registers/identity-check.views.tsx';
import { type PageContext, withLang } from '../../web/page-context.ts';
import type { QueueCentre } from './queue-centre.ts';
import type { CounterView } from './queue-counters.service.ts';

import type { BoardState } from './queue-tickets.service.ts';
import type { CalledDetails } from './queue-console.service.ts';
import { formatTime } from '../../web/format.ts';

export const staffQueuePath = (agency: string, centre?: string) => (centre ? `/staff/${agency}/rinda/${centre}` : `/staff/${agency}/rinda`);

export function StaffCentresView({ ctx, agency, centres, may }: { ctx: PageContext; agency: string; centres: QueueCentre[]; may: { operate: boolean; figures: boolean } }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('queue.console.centresTitle')}</h1>
      <ul className="card-list">
        {centres.map((c) => (
          <li key={c.centre.id} className="card">
            <h2>{c.centre.name[lang]}</h2>
            <ul>
              {may.operate && (
                <li>
                  <a href={withLang(staffQueuePath(agency, c.centre.id), ctx)}>{t('queue.console.chooseCounter')}</a>
                </li>
              )}
              {may.figures && (
                <li>
                  <a href={withLang(`${staffQueuePath(agency, c.centre.id)}/skaitli`, ctx)}>{t('queue.console.figures')}</a>
                </li>
              )}
              <li>
                <a href={withLang(`/${agency}/rinda/${c.centre.id}/tablo`, ctx)}>{t('queue.console.board')}</a>
              </li>
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

type ConsoleProps = {
  ctx: PageContext;
  centre: QueueCentre;
  counters: CounterView[];
  counter: CounterView;
  board: BoardState;
  errors: FieldError[];
  notice: string | null;
  /** The called client's service, booking and ID prompt (null when nobody is at the counter). */
  details: CalledDetails | null;
};

function CalledFacts({ ctx, details }: { ctx: PageContext; details: CalledDetails }) {
  const { t, lang } = ctx;
  const a = details.appointment;
  return (
    <>
      <dl className="facts queue-called-facts">
        <div className="facts-row">
          <dt>{t('queue.console.calledService')}</dt>
          <dd>{details.serviceName[lang]}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('queue.console.appointment')}</dt>
          <dd>{a ? `${formatTime(a.start.toISOString())}–${formatTime(a.end.toISOString())}` : t('queue.console.walkInClient')}</dd>
        </div>
        {a && (
          <div className="facts-row">
            <dt>{t('queue.console.appointmentName')}</dt>
            <dd>{a.name}</dd>
          </div>
        )}
        {a && a.companion !== 'none' && (
          <div className="facts-row">
            <dt>{t('queue.console.companion')}</dt>
            <dd>{t(`queue.console.companions.${a.companion}`)}</dd>
          </div>
        )}
        {a?.reason && (
          <div className="facts-row">
            <dt>{t('queue.console.reason')}</dt>
            <dd className="wrap-anywhere">{a.reason}</dd>
          </div>
        )}
      </dl>
      {details.identityDocument && (
        <p className="notice queue-id-prompt">
          <strong>{t('queue.console.identityPrompt')}</strong>
        </p>
      )}
    </>
  );
}

function ServiceOptions({ ctx, centre, name, withUnchanged }: { ctx: PageContext; centre: QueueCentre; name: string; withUnchanged: boolean }) {
  return (
    <>
      {withUnchanged && <option value="">{ctx.t('queue.console.unchanged')}</option>}
      {centre.services.map((s) => (
        <option key={s.id} value={s.id}>
          {s.letter} – {s.name[ctx.lang]}
        </option>
      ))}
    </>
  );
}

function CurrentClient({ ctx, centre, counter, details, errors }: { ctx: PageContext; centre: QueueCentre; counter: CounterView; details: CalledDetails | null; errors: FieldError[] }) {
  const { t } = ctx;
  const current = counter.current;
  if (!current) return <p>{t('queue.console.noCurrent')}</p>;
  const base = `${staffQueuePath(centre.agency.slug, centre.centre.id)}/biletes/${current.id}`;
  const action = (name: string, label: string, className?: string) => (
    <form method="post" action={withLang(`${base}/${name}`, ctx)} className="inline-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="counter" value={counter.counter} />
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
  return (
    <>
      <p className="queue-console-number">{current.number}</p>
      {details && <CalledFacts ctx={ctx} details={details} />}
      <form method="post" action={withLang(`${base}/served`, ctx)} className="queue-served">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="counter" value={counter.counter} />
        <IdentityDocumentField ctx={ctx} required={serviceNeedsIdentification(centre.agency, current.service)} error={errorFor(errors, 'identityDocument')} />
        <button type="submit">{t('queue.console.served')}</button>
      </form>
      <div className="queue-actions">
        {action('no-show', t('queue.console.noShow'), 'danger')}
        {action('recall', t('queue.console.recall'), 'secondary')}
      </div>
      <IncidentQuickEntryLink ctx={ctx} agency={centre.agency.slug} link={{ ticket: current.id, centre: centre.centre.id }} />
      <form method="post" action={withLang(`${base}/transfer`, ctx)} className="queue-transfer">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="counter" value={counter.counter} />
        <h3>{t('queue.console.transfer')}</h3>
        <div className="field">
          <label htmlFor="field-service">{t('queue.console.transferService')}</label>
          <select id="field-service" name="service">
            <ServiceOptions ctx={ctx} centre={centre} name="service" withUnchanged />
          </select>
        </div>
        <div className="field">
          <label htmlFor="field-toCounter">{t('queue.console.transferCounter')}</label>
          <select id="field-toCounter" name="toCounter">
            <option value="">{t('queue.console.unchanged')}</option>
            {Array.from({ length: centre.centre.counters }, (_, i) => i + 1)
              .filter((n) => n !== counter.counter)
              .map((n) => (
                <option key={n} value={n}>
                  {t('queue.console.counterN', { counter: n })}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t('queue.console.transfer')}
        </button>
      </form>
    </>
  );
}

export function ConsoleView({ ctx, centre, counters, counter, board, errors, notice, details }: ConsoleProps) {
  const { t, lang } = ctx;
  const path = staffQueuePath(centre.agency.slug, centre.centre.id);
  const counterPath = `${path}/lodzini/${counter.counter}`;
  return (
    <div className="queue-console">
      <h1>{t('queue.console.title', { centre: centre.centre.name[lang] })}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        <a href={withLang(`${path}/skaitli`, ctx)}>{t('queue.console.figures')}</a>
        {' · '}
        <a href={withLang(`/${centre.agency.slug}/rinda/${centre.centre.id}/tablo`, ctx)}>{t('queue.console.board')}</a>
        {' · '}
        <a href={withLang(`/${centre.agency.slug}/rinda/${centre.centre.id}`, ctx)}>{t('queue.console.kiosk')}</a>
      </p>
      <form method="get" action={path} className="queue-choose-counter">
        {ctx.lang !== 'lv' && <input type="hidden" name="lang" value={ctx.lang} />}
        <div className="field">
          <label htmlFor="field-counter">{t('queue.console.chooseCounter')}</label>
          <select id="field-counter" name="counter" defaultValue={String(counter.counter)}>
            {counters.map((c) => (
              <option key={c.counter} value={c.counter}>
                {t('queue.console.counterN', { counter: c.counter })} – {c.open ? t('queue.console.open') : t('queue.console.closed')}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t('queue.console.show')}
        </button>
      </form>
      <section aria-labelledby="counter-title">
        <h2 id="counter-title">
          {t('queue.console.counterN', { counter: counter.counter })}: {counter.open ? t('queue.console.open') : t('queue.console.closed')}
        </h2>
        <form method="post" action={withLang(`${counterPath}/atvert`, ctx)}>
          <CsrfField ctx={ctx} />
          <fieldset id="field-services">
            <legend>{t('queue.console.services')}</legend>
            {centre.services.map((s) => (
              <div key={s.id} className="queue-checkbox">
                <input type="checkbox" id={`service-${s.id}`} name="services" value={s.id} defaultChecked={counter.services.includes(s.id)} />
                <label htmlFor={`service-${s.id}`}>
                  {s.letter} – {s.name[lang]}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="queue-open-counter">{t('queue.console.openCounter')}</button>
        </form>
        {counter.open && (
          <>
            <h3>{t('queue.console.current')}</h3>
            <CurrentClient ctx={ctx} centre={centre} counter={counter} details={details} errors={errors} />
            {/* While a client is at the counter, "call next" waits: the called ticket is marked first. */}
            <form method="post" action={withLang(`${counterPath}/izsaukt`, ctx)} className="queue-call-next">
              <CsrfField ctx={ctx} />
              {counter.current && (
                <p className="hint" id="call-next-blocked">
                  {t('queue.console.callNextBlocked')}
                </p>
              )}
              <button type="submit" className="queue-big-button" disabled={counter.current !== null} aria-describedby={counter.current ? 'call-next-blocked' : undefined}>
                {t('queue.console.callNext')}
              </button>
            </form>
            <form method="post" action={withLang(`${counterPath}/slegt`, ctx)}>
              <CsrfField ctx={ctx} />
              <button type="submit" className="secondary">
                {t('queue.console.closeCounter')}
              </button>
            </form>
          </>
        )}
      </section>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('queue.console.waiting')}</h2>
        <ul id="console-waiting" data-events={`/api/v1/agencies/${centre.agency.slug}/centres/${centre.centre.id}/board/events`} aria-live="polite">
          {board.waiting.map((w) => (
            <li key={w.service}>
              {w.letter} – {w.name[lang]}: <span data-waiting={w.service}>{w.waiting}</span>
            </li>
          ))}
        </ul>
        <p className="hint" id="console-waiting-live" hidden>
          {t('queue.console.waitingLive')}
        </p>
        <script src="/static/queue-console.js" defer />
      </section>
      <section aria-labelledby="issue-title">
        <h2 id="issue-title">{t('queue.console.issueTitle')}</h2>
        <form method="post" action={withLang(`${path}/biletes`, ctx)}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="counter" value={counter.counter} />
          <div className="field">
            <label htmlFor="field-issue-service">{t('queue.ticket.service')}</label>
            <select id="field-issue-service" name="service">
              <ServiceOptions ctx={ctx} centre={centre} name="service" withUnchanged={false} />
            </select>
          </div>
          <button type="submit">{t('queue.console.issue')}</button>
        </form>
      </section>
    </div>
  );
}

const fmt = (ctx: PageContext, value: number | null) => (value === null ? ctx.t('queue.figures.none') : value.toLocaleString(ctx.lang === 'lv' ? 'lv-LV' : 'en-GB'));

function FigureCells({ ctx, figures }: { ctx: PageContext; figures: Figures }) {
  return (
    <>
      <td>{figures.tickets}</td>
      <td>{figures.served}</td>
      <td>{figures.noShows}</td>
      <td>{figures.stillWaiting}</td>
      <td>{fmt(ctx, figures.waitMedianMinutes)}</td>
      <td>{fmt(ctx, figures.waitP90Minutes)}</td>
      <td>{fmt(ctx, figures.serviceMedianMinutes)}</td>
    </>
  );
}

function FigureHead({ ctx, first }: { ctx: PageContext; first: string }) {
  const { t } = ctx;
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('queue.figures.tickets')}</th>
        <th scope="col">{t('queue.figures.served')}</th>
        <th scope="col">{t('queue.figures.noShows')}</th>
        <th scope="col">{t('queue.figures.stillWaiting')}</th>
        <th scope="col">{t('queue.figures.waitMedian')}</th>
        <th scope="col">{t('queue.figures.waitP90')}</th>
        <th scope="col">{t('queue.figures.serviceMedian')}</th>
      </tr>
    </thead>
  );
}

export function FiguresView({ ctx, centre, day, figures, errors }: { ctx: PageContext; centre: QueueCentre; day: string; figures: DailyFigures | null; errors: FieldError[] }) {
  const { t, lang } = ctx;
  const path = `${staffQueuePath(centre.agency.slug, centre.centre.id)}/skaitli`;
  return (
    <>
      <h1>{t('queue.figures.title', { centre: centre.centre.name[lang] })}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={path}>
        {ctx.lang !== 'lv' && <input type="hidden" name="lang" value={ctx.lang} />}
        <div className={errors.length ? 'field field-error' : 'field'}>
          <label htmlFor="field-day">{t('queue.figures.day')}</label>
          <input id="field-day" name="day" type="date" defaultValue={day} aria-invalid={errors.length ? true : undefined} />
        </div>
        <button type="submit" className="secondary">
          {t('queue.figures.show')}
        </button>
      </form>
      {figures && (
        <>
          <ScrollRegion label={t('queue.figures.byService')}>
            <table>
              <caption>{t('queue.figures.byService')}</caption>
              <FigureHead ctx={ctx} first={t('queue.board.service')} />
              <tbody>
                {figures.byService.map((s) => (
                  <tr key={s.serviceId}>
                    <th scope="row">{centre.services.find((x) => x.id === s.serviceId)?.name[lang] ?? s.serviceId}</th>
                    <FigureCells ctx={ctx} figures={s} />
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('queue.figures.total')}</th>
                  <FigureCells ctx={ctx} figures={figures} />
                </tr>
              </tbody>
            </table>
          </ScrollRegion>
          <ScrollRegion label={t('queue.figures.byCounter')}>
            <table>
              <caption>{t('queue.figures.byCounter')}</caption>
              <FigureHead ctx={ctx} first={t('queue.board.counter')} />
              <tbody>
                {figures.byCounter.map((c) => (
                  <tr key={c.counter}>
                    <th scope="row">{t('queue.console.counterN', { counter: c.counter })}</th>
                    <FigureCells ctx={ctx} figures={c} />
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </>
  );
}

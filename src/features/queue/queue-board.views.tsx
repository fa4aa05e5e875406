import { languageSwitchHref, type PageContext } from '../../web/page-context.ts';
import type { QueueCentre } from './queue-centre.ts';
import type { BoardState } from './queue-tickets.service.ts';

/** Seconds between reloads of the board when JavaScript is off (with it, events arrive at once). */
export const BOARD_REFRESH_SECONDS = 15;

function BoardBody({ ctx, board }: { ctx: PageContext; board: BoardState }) {
  const { t, lang } = ctx;
  const latest = board.calls.filter((c) => c.status === 'called');
  return (
    <>
      <section aria-labelledby="board-called" className="board-called">
        <h2 id="board-called">{t('queue.board.called')}</h2>
        {latest.length === 0 ? (
          <p className="board-empty">{t('queue.board.nobodyCalled')}</p>
        ) : (
          <table className="board-calls">
            <thead>
              <tr>
                <th scope="col">{t('queue.board.number')}</th>
                <th scope="col">{t('queue.board.counter')}</th>
              </tr>
            </thead>
            <tbody>
              {latest.map((c, i) => (
                <tr key={`${c.number}-${c.calledAt}`} className={i === 0 ? 'board-latest' : undefined}>
                  <td>{c.number}</td>
                  <td>{c.counter}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="board-waiting" className="board-waiting">
        <h2 id="board-waiting">{t('queue.board.waiting')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('queue.board.service')}</th>
              <th scope="col">{t('queue.board.people')}</th>
              <th scope="col">{t('queue.board.estimate')}</th>
            </tr>
          </thead>
          <tbody>
            {board.waiting.map((w) => (
              <tr key={w.service}>
                <td>
                  {w.letter} – {w.name[lang]}
                </td>
                <td>{w.waiting}</td>
                <td>{w.estimatedWaitMinutes === null ? t('queue.board.noCounter') : t('queue.ticket.minutes', { count: w.estimatedWaitMinutes })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('queue.board.counters')}</h2>
        <ul className="board-counters">
          {board.counters.map((c) => (
            <li key={c.counter}>
              {t('queue.console.counterN', { counter: c.counter })}: {c.open ? (c.current ?? t('queue.board.counterFree')) : t('queue.board.counterClosed')}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/**
 * A full-screen document for a wall display: no site navigation, big type. Without JavaScript it reloads
 * itself (meta refresh inside noscript); with it, queue-board.js follows the event stream.
 */
export function BoardDocument({ ctx, centre, board }: { ctx: PageContext; centre: QueueCentre; board: BoardState }) {
  const { t, lang } = ctx;
  const other = lang === 'lv' ? 'en' : 'lv';
  const events = `/api/v1/agencies/${centre.agency.slug}/centres/${centre.centre.id}/board/events`;
  const texts = JSON.stringify({
    called: t('queue.board.called'),
    waiting: t('queue.board.waiting'),
    counters: t('queue.board.counters'),
    service: t('queue.board.service'),
    people: t('queue.board.people'),
    estimate: t('queue.board.estimate'),
    number: t('queue.board.number'),
    counter: t('queue.board.counter'),
    nobodyCalled: t('queue.board.nobodyCalled'),
    chimeOn: t('queue.board.chimeOn'),
    chimeOff: t('queue.board.chimeOff'),
    live: t('queue.board.live'),
    reconnecting: t('queue.board.reconnecting'),
    counterN: t('queue.console.counterN', { counter: '{counter}' }),
    free: t('queue.board.counterFree'),
    closedCounter: t('queue.board.counterClosed'),
    minutes: t('queue.ticket.minutes', { count: '{count}' as unknown as number }),
    noCounter: t('queue.board.noCounter'),
  });
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t('queue.board.title', { centre: centre.centre.name[lang] })} — ${t('app.name')}`}</title>
        <noscript>
          <meta httpEquiv="refresh" content={String(BOARD_REFRESH_SECONDS)} />
        </noscript>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="stylesheet" href="/static/queue.css" />
      </head>
      <body className="board-page">
        <header className="board-header">
          <h1>{t('queue.board.title', { centre: centre.centre.name[lang] })}</h1>
          <p className="board-tools">
            <span id="board-status" role="status" className="board-status">
              {board.open ? '' : t('queue.board.closed')}
            </span>
            <button type="button" id="board-chime" className="secondary" aria-pressed="false" hidden>
              {t('queue.board.chimeOff')}
            </button>
            <a href={languageSwitchHref(ctx)} lang={other} hrefLang={other} className="board-lang">
              {t('layout.switchTo')}
            </a>
          </p>
        </header>
        <main id="board" className="board-main" data-events={events} data-lang={lang} data-texts={texts} data-last-call={board.calls[0]?.calledAt ?? ''}>
          <BoardBody ctx={ctx} board={board} />
        </main>
        <script src="/static/queue-board.js" defer />
      </body>
    </html>
  );
}

import { HOLIDAY_YEAR_MAX, HOLIDAY_YEAR_MIN } from '../../domain/calendar/index.ts';
import { ScrollRegion } from '../../web/components.tsx';
import { formatDate, weekdayOf } from '../../web/format.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { CalendarYear } from './calendar.service.ts';

function DateCell({ ctx, date }: { ctx: PageContext; date: string }) {
  return (
    <td>
      <time dateTime={date}>{formatDate(date, ctx.lang)}</time>
    </td>
  );
}

export function icsHref(year: number): string {
  return `/api/v1/calendar/holidays.ics?year=${year}`;
}

export function CalendarYearView({ ctx, data }: { ctx: PageContext; data: CalendarYear }) {
  const { t, lang } = ctx;
  const { year } = data;
  return (
    <>
      <h1>{t('calendar.title', { year })}</h1>
      <p className="lead">{t('calendar.intro')}</p>
      <nav aria-label={t('calendar.yearNav')}>
        <ul>
          {year > HOLIDAY_YEAR_MIN && (
            <li>
              <a href={`/kalendars?year=${year - 1}`} rel="prev">
                ← {t('calendar.previousYear')} ({year - 1})
              </a>
            </li>
          )}
          {year < HOLIDAY_YEAR_MAX && (
            <li>
              <a href={`/kalendars?year=${year + 1}`} rel="next">
                {t('calendar.nextYear')} ({year + 1}) →
              </a>
            </li>
          )}
        </ul>
      </nav>
      <p>
        <a href={icsHref(year)} type="text/calendar">
          {t('calendar.subscribe')}
        </a>
      </p>

      <h2 id="holidays">{t('calendar.holidays')}</h2>
      <ScrollRegion labelledBy="holidays">
        <table>
          <caption>
            {t('calendar.holidays')} {year}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('calendar.date')}</th>
              <th scope="col">{t('calendar.weekday')}</th>
              <th scope="col">{t('calendar.name')}</th>
              <th scope="col">{t('calendar.kind')}</th>
            </tr>
          </thead>
          <tbody>
            {data.holidays.map((item) => (
              <tr key={`${item.date}-${item.kind}-${item.name.lv}`}>
                <DateCell ctx={ctx} date={item.date} />
                <td>{weekdayOf(item.date, t)}</td>
                <td>{item.name[lang]}</td>
                <td>{item.kind === 'holiday' ? t('calendar.kindHoliday') : t('calendar.kindDayOff')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2 id="shortened">{t('calendar.shortened')}</h2>
      {data.shortened.length === 0 ? (
        <p>{t('calendar.none')}</p>
      ) : (
        <ScrollRegion labelledBy="shortened">
          <table>
            <caption>
              {t('calendar.shortened')} {year}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.date')}</th>
                <th scope="col">{t('calendar.weekday')}</th>
                <th scope="col">{t('calendar.beforeHoliday')}</th>
              </tr>
            </thead>
            <tbody>
              {data.shortened.map((day) => (
                <tr key={day.date}>
                  <DateCell ctx={ctx} date={day.date} />
                  <td>{weekdayOf(day.date, t)}</td>
                  <td>{day.before ? day.before[lang] : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h2 id="transferred">{t('calendar.transferred')}</h2>
      {data.worked.length === 0 ? (
        <p>{t('calendar.none')}</p>
      ) : (
        <ScrollRegion labelledBy="transferred">
          <table>
            <caption>
              {t('calendar.transferred')} {year}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.date')}</th>
                <th scope="col">{t('calendar.weekday')}</th>
                <th scope="col">{t('calendar.workedInsteadOf')}</th>
              </tr>
            </thead>
            <tbody>
              {data.worked.map((day) => (
                <tr key={day.date}>
                  <DateCell ctx={ctx} date={day.date} />
                  <td>{weekdayOf(day.date, t)}</td>
                  <td>
                    <time dateTime={day.replaces}>{formatDate(day.replaces, lang, true)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

export function BadYearView({ ctx, message, currentYear }: { ctx: PageContext; message: string; currentYear: number }) {
  return (
    <>
      <h1>{ctx.t('calendar.badYearTitle')}</h1>
      <p>{message}</p>
      <p>
        <a href={`/kalendars?year=${currentYear}`}>{ctx.t('calendar.title', { year: currentYear })}</a>
      </p>
    </>
  );
}

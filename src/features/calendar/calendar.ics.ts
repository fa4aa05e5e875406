// The public holidays and days off as an iCalendar feed that calendar apps can subscribe to.
import { createHash } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import type { HolidayListItem } from '../../domain/calendar/index.ts';
import { translator } from '../../platform/i18n/index.ts';

const UID_DOMAIN = 'calendar.apkalpe.lv';

/** Midnight UTC of a 'YYYY-MM-DD': with no calendar time zone ical-generator writes it as that date. */
function utcDate(iso: string, plusDays = 0): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays));
}

/** Same holiday, same UID, every time the feed is fetched: clients update events instead of duplicating them. */
export function holidayUid(item: HolidayListItem): string {
  const nameHash = createHash('sha256').update(item.name.lv).digest('hex').slice(0, 12);
  return `${item.date.replaceAll('-', '')}-${item.kind}-${nameHash}@${UID_DOMAIN}`;
}

export function holidayFeed(items: readonly HolidayListItem[], options: { years: readonly number[]; stamp: Date; url?: string }): string {
  const lv = translator('lv');
  const en = translator('en');
  const label = options.years.join('–');
  const calendar = ical({
    name: lv('calendar.feedName', { year: label }),
    description: `${lv('calendar.feedDescription', { year: label })} / ${en('calendar.feedDescription', { year: label })}`,
    prodId: { company: 'Apkalpe', product: 'holidays', language: 'LV' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 24 * 60 * 60,
    ...(options.url ? { url: options.url, source: options.url } : {}),
  });
  for (const item of items) {
    const kindEn = item.kind === 'holiday' ? en('calendar.kindHoliday') : en('calendar.kindDayOff');
    calendar.createEvent({
      id: holidayUid(item),
      start: utcDate(item.date),
      end: utcDate(item.date, 1),
      allDay: true,
      stamp: options.stamp,
      summary: item.name.lv,
      description: `${item.name.en} (${kindEn})`,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

// Seed data for the calendar-entries table. The calendar rules never read this directly.
import type { CalendarEntry } from './types.ts';

const HOLIDAY_LAW = 'Likums «Par svētku, atceres un atzīmējamām dienām», 1. pants';
const TRANSFER_2025 = 'Ministru kabineta rīkojums (2025. gada darba dienu pārcelšana), Darba likuma 133. panta ceturtā daļa';
const TRANSFER_2026 = 'Ministru kabineta rīkojums (2026. gada darba dienu pārcelšana), Darba likuma 133. panta ceturtā daļa';

const SONG_FESTIVAL_CLOSING = {
  lv: 'Vispārējo latviešu Dziesmu un Deju svētku noslēguma diena',
  en: 'Closing day of the General Latvian Song and Dance Festival',
};

export const KNOWN_CALENDAR_ENTRIES: CalendarEntry[] = [
  {
    kind: 'holiday',
    date: '2018-07-08',
    name: SONG_FESTIVAL_CLOSING,
    movesOnWeekend: true,
    source: `${HOLIDAY_LAW} (Dziesmu un Deju svētku noslēguma diena, 2018)`,
  },
  {
    kind: 'holiday',
    date: '2018-09-24',
    name: {
      lv: 'Pāvesta Franciska pastorālās vizītes Latvijā diena',
      en: "Day of Pope Francis' pastoral visit to Latvia",
    },
    movesOnWeekend: false,
    source: `${HOLIDAY_LAW} (2018. gada grozījumi)`,
  },
  {
    kind: 'holiday',
    date: '2023-05-29',
    name: {
      lv: 'Diena, kad Latvijas hokeja izlase izcīnīja bronzas medaļas 2023. gada pasaules čempionātā',
      en: "Day of the Latvian ice hockey team's bronze medal at the 2023 World Championship",
    },
    movesOnWeekend: false,
    source: `${HOLIDAY_LAW} (2023. gada grozījumi)`,
  },
  {
    kind: 'holiday',
    date: '2023-07-09',
    name: SONG_FESTIVAL_CLOSING,
    movesOnWeekend: true,
    source: `${HOLIDAY_LAW} (Dziesmu un Deju svētku noslēguma diena, 2023)`,
  },
  {
    kind: 'day-off',
    date: '2025-05-02',
    name: { lv: 'Pārcelta darbdiena (atstrādā sestdien, 10. maijā)', en: 'Working day moved to Saturday 10 May' },
    source: TRANSFER_2025,
  },
  {
    kind: 'working-day',
    date: '2025-05-10',
    replaces: '2025-05-02',
    name: { lv: 'Darbdiena piektdienas, 2. maija, vietā', en: 'Working day in place of Friday 2 May' },
    source: TRANSFER_2025,
  },
  {
    kind: 'day-off',
    date: '2025-11-17',
    name: { lv: 'Pārcelta darbdiena (atstrādā sestdien, 8. novembrī)', en: 'Working day moved to Saturday 8 November' },
    source: TRANSFER_2025,
  },
  {
    kind: 'working-day',
    date: '2025-11-08',
    replaces: '2025-11-17',
    name: { lv: 'Darbdiena pirmdienas, 17. novembra, vietā', en: 'Working day in place of Monday 17 November' },
    source: TRANSFER_2025,
  },
  {
    kind: 'day-off',
    date: '2026-01-02',
    name: { lv: 'Pārcelta darbdiena (atstrādā sestdien, 17. janvārī)', en: 'Working day moved to Saturday 17 January' },
    source: TRANSFER_2026,
  },
  {
    kind: 'working-day',
    date: '2026-01-17',
    replaces: '2026-01-02',
    name: { lv: 'Darbdiena piektdienas, 2. janvāra, vietā', en: 'Working day in place of Friday 2 January' },
    source: TRANSFER_2026,
  },
  {
    kind: 'day-off',
    date: '2026-06-22',
    name: { lv: 'Pārcelta darbdiena (atstrādā sestdien, 27. jūnijā)', en: 'Working day moved to Saturday 27 June' },
    source: TRANSFER_2026,
  },
  {
    kind: 'working-day',
    date: '2026-06-27',
    replaces: '2026-06-22',
    name: { lv: 'Darbdiena pirmdienas, 22. jūnija, vietā', en: 'Working day in place of Monday 22 June' },
    source: TRANSFER_2026,
  },
];

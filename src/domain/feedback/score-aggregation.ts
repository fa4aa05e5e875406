/** Answers to one rating question in one group: how many, and the sum of the ratings. */
export type ScoreCell = { answers: number; total: number };

/** Average rating with one decimal, or null when nobody answered. */
export function averageScore(cell: ScoreCell): number | null {
  if (cell.answers <= 0) return null;
  return Math.round((cell.total / cell.answers) * 10) / 10;
}

/** Sums cells (e.g. the monthly aggregates of a period). */
export function sumCells(cells: Iterable<ScoreCell>): ScoreCell {
  let answers = 0;
  let total = 0;
  for (const cell of cells) {
    answers += cell.answers;
    total += cell.total;
  }
  return { answers, total };
}

/** Sums cells per key, keeping first-seen key order. */
export function groupCells<T extends ScoreCell>(rows: readonly T[], keyOf: (row: T) => string): Map<string, ScoreCell> {
  const groups = new Map<string, ScoreCell>();
  for (const row of rows) {
    const key = keyOf(row);
    const cell = groups.get(key) ?? { answers: 0, total: 0 };
    cell.answers += row.answers;
    cell.total += row.total;
    groups.set(key, cell);
  }
  return groups;
}

/** Responses as a share of invitations, in whole percent; null without invitations. */
export function responseRate(invited: number, responded: number): number | null {
  if (invited <= 0) return null;
  return Math.round((Math.min(responded, invited) / invited) * 100);
}

/** The first day of the month ('YYYY-MM-01') of a 'YYYY-MM-DD' date. */
export function monthOf(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/** 'YYYY-MM' → 'YYYY-MM-01' when well-formed (month 01–12), else null. */
export function parseMonth(value: string): string | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value.trim());
  return match ? `${match[1]}-${match[2]}-01` : null;
}

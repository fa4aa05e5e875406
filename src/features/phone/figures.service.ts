import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { medianOfCounts, percent } from '../../domain/phone/index.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { translator, type Language } from '../../platform/i18n/index.ts';
import { rigaDateAt } from '../../domain/opening-hours/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { csvField } from '../feedback/results.service.ts';
import { phoneTopics } from './phone-lines.ts';

export type Period = { from: string; to: string };
export type Count = { key: string; calls: number };

export type PhoneFigures = {
  period: Period;
  total: number;
  byTopic: Count[];
  byDay: Count[];
  /** Hour of day 0–23 (Riga). */
  byHour: Count[];
  /** ISO weekday 1–7 × hour 0–23. */
  heat: Array<{ weekday: number; hour: number; calls: number }>;
  byOutcome: Count[];
  medianSeconds: number | null;
  callbacks: { due: number; inPromise: number; percent: number | null };
};

const MAX_DAYS = 366;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period from the query: from/to dates (default: the last 30 days to today), at most 366 days. */
export function parsePeriod(query: Record<string, string>, today: string, lang: Language): { period: Period; errors: FieldError[] } {
  const fallback = { from: Temporal.PlainDate.from(today).subtract({ days: 29 }).toString(), to: today };
  const from = query['from'] ?? '';
  const to = query['to'] ?? '';
  if (!from && !to) return { period: fallback, errors: [] };
  const parse = (text: string) => {
    if (!DATE.test(text)) return null;
    try {
      return Temporal.PlainDate.from(text, { overflow: 'reject' });
    } catch {
      return null;
    }
  };
  const a = parse(from);
  const b = parse(to);
  if (!a || !b || Temporal.PlainDate.compare(a, b) > 0 || a.until(b).days >= MAX_DAYS) {
    return { period: fallback, errors: [{ field: 'from', code: 'invalid_date', message: translator(lang)('phone.errors.dates') }] };
  }
  return { period: { from: a.toString(), to: b.toString() }, errors: [] };
}

function bounds(period: Period): { start: string; end: string } {
  const start = Temporal.PlainDate.from(period.from).toZonedDateTime('Europe/Riga').toInstant().toString();
  const end = Temporal.PlainDate.from(period.to).add({ days: 1 }).toZonedDateTime('Europe/Riga').toInstant().toString();
  return { start, end };
}

type GroupRow = { topic: string | null; day: string | null; weekday: number | null; hour: number | null; outcome: string | null; g: number; calls: number };

/** Reads the hourly and duration aggregates (one grouping-sets scan) and the callbacks of the period. */
export async function computeFigures(db: Database, agency: string, period: Period, now: Temporal.Instant): Promise<PhoneFigures> {
  const { start, end } = bounds(period);
  const [groupedResult, durationsResult, callbacksResult] = await Promise.all([
    db.execute(sql`
    with h as (
      select topic, outcome, calls, (hour at time zone 'Europe/Riga') as local
      from phone_call_hours where agency = ${agency} and hour >= ${start} and hour < ${end}
    )
    select topic, to_char(local, 'YYYY-MM-DD') as day, extract(isodow from local)::int as weekday, extract(hour from local)::int as hour, outcome,
      grouping(topic, to_char(local, 'YYYY-MM-DD'), extract(isodow from local)::int, extract(hour from local)::int, outcome)::int as g,
      sum(calls)::int as calls
    from h
    group by grouping sets ((topic), (to_char(local, 'YYYY-MM-DD')), (extract(isodow from local)::int, extract(hour from local)::int), (outcome))`),
    db.execute(sql`
    select duration_seconds as value, sum(calls)::int as count from phone_call_durations
    where agency = ${agency} and day between ${period.from} and ${period.to} group by duration_seconds`),
    db.execute(sql`
    select count(*)::int as due, count(*) filter (where status = 'reached' and closed_at <= call_by)::int as in_promise
    from phone_callbacks
    where agency = ${agency} and call_by >= ${start} and call_by < ${end} and (status in ('reached', 'unreachable') or call_by < ${now.toString()})`),
  ]);
  // Three independent reads, in parallel on a pool (one after another on PGlite's single connection).
  const grouped = groupedResult as unknown as { rows: GroupRow[] };
  const durations = durationsResult as unknown as { rows: Array<{ value: number; count: number }> };
  const callbacks = callbacksResult as unknown as { rows: Array<{ due: number; in_promise: number }> };

  const rows = grouped.rows;
  // grouping() bits, most significant first: topic, day, weekday, hour, outcome (1 = rolled up).
  const only = (mask: number) => rows.filter((r) => r.g === mask);
  const byTopic = only(0b01111).map((r) => ({ key: r.topic ?? '', calls: r.calls }));
  const byDay = only(0b10111).map((r) => ({ key: r.day ?? '', calls: r.calls })).sort((a, b) => a.key.localeCompare(b.key));
  const heat = only(0b11001).map((r) => ({ weekday: r.weekday ?? 0, hour: r.hour ?? 0, calls: r.calls }));
  const byOutcome = only(0b11110).map((r) => ({ key: r.outcome ?? '', calls: r.calls }));
  const hours = new Map<number, number>();
  for (const cell of heat) hours.set(cell.hour, (hours.get(cell.hour) ?? 0) + cell.calls);
  const byHour = [...hours.entries()].sort((a, b) => a[0] - b[0]).map(([hour, calls]) => ({ key: String(hour).padStart(2, '0'), calls }));
  const cb = callbacks.rows[0] ?? { due: 0, in_promise: 0 };
  return {
    period,
    total: byTopic.reduce((n, c) => n + c.calls, 0),
    byTopic,
    byDay,
    byHour,
    heat,
    byOutcome,
    medianSeconds: medianOfCounts(durations.rows.map((r) => ({ value: Number(r.value), count: Number(r.count) }))),
    callbacks: { due: cb.due, inPromise: cb.in_promise, percent: percent(cb.in_promise, cb.due) },
  };
}

/** The figures page: computed and audited (who looked at the agency's phone figures, for which period). */
export async function loadFigures(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, period: Period): Promise<PhoneFigures> {
  const figures = await computeFigures(deps.db, scope.agency, period, deps.clock());
  await recordAudit(deps.db, deps.clock, origin, { action: 'phone.figures-viewed', recordType: 'phone_figures', agency: scope.agency, details: { ...period } });
  return figures;
}

export function today(deps: Pick<AppDeps, 'clock'>): string {
  return rigaDateAt(deps.clock().epochMilliseconds);
}

export function topicLabel(profile: AgencyProfile, id: string, lang: Language): string {
  return phoneTopics(profile).find((topic) => topic.id === id)?.name[lang] ?? id;
}

/** CSV for Excel (UTF-8 BOM, CRLF, Latvian headers): one row per figure; no personal data. */
export function figuresCsv(profile: AgencyProfile, figures: PhoneFigures): string {
  const t = translator('lv');
  const lines: Array<Array<string | number | null>> = [['sadaļa', 'atslēga', 'nosaukums', 'zvani']];
  lines.push(['kopā', '', t('phone.figures.total'), figures.total]);
  for (const c of figures.byTopic) lines.push(['tēma', c.key, topicLabel(profile, c.key, 'lv'), c.calls]);
  for (const c of figures.byOutcome) lines.push(['iznākums', c.key, t(`phone.staff.outcomes.${(c.key || 'none') as 'answered'}`), c.calls]);
  for (const c of figures.byDay) lines.push(['diena', c.key, c.key, c.calls]);
  for (const c of figures.byHour) lines.push(['stunda', c.key, `${c.key}:00`, c.calls]);
  for (const c of figures.heat) lines.push(['nedēļas diena un stunda', `${c.weekday}-${String(c.hour).padStart(2, '0')}`, '', c.calls]);
  lines.push(['apstrādes laika mediāna (s)', '', t('phone.figures.median'), figures.medianSeconds]);
  lines.push(['atzvanīts termiņā', String(figures.callbacks.due), t('phone.figures.promise'), figures.callbacks.inPromise]);
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}
